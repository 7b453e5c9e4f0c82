// A lesson card's picture: the lesson's starting cells, built with the engine. Loaded on demand
// (dynamic import from home.ts) so the engine's code is not part of the page's first load.
import { createModel, makeFrame, type Scenario } from '../../../sim/index';
import { drawThumbnail } from '../../../viz/thumbnail';

export function drawLessonThumbnail(canvas: HTMLCanvasElement, s: Scenario, width: number, height: number): void {
  drawThumbnail(canvas, s, makeFrame(createModel(s, s.seed), 0), width, height);
}
