// A lesson card's picture: the lesson's starting cells, built with the engine. Loaded on demand
// (dynamic import from home.ts) so the engine's code is not part of the page's first load; the
// lesson's own file loads here too (lessons/library.ts).
import { createModel, makeFrame } from '../../../sim/index';
import { loadLesson } from '../../../lessons/library';
import { drawThumbnail } from '../../../viz/thumbnail';

export async function drawLessonThumbnail(canvas: HTMLCanvasElement, id: string, width: number, height: number): Promise<void> {
  const s = await loadLesson(id);
  if (!s) return;
  drawThumbnail(canvas, s, makeFrame(createModel(s, s.seed), 0), width, height);
}
