// A still picture of one tissue for a lesson card: the same slab, vessels, barriers and cell
// drawing as the tissue view (tissueScene, cellLayer), fitted to a small canvas, with no pan,
// zoom, effects or text. It draws whatever frame it is given (the lesson's starting cells).
import type { Frame } from '../sim/frame';
import type { Scenario } from '../sim/schema';
import { scaleLinear } from 'd3';
import { drawCells } from './cellLayer';
import { CellEffects } from './effects';
import { cellLooks } from './palette';
import { buildBase, drawStructures } from './tissueScene';

/** How much closer than "the whole tissue covers the card" the picture is. */
const ZOOM = 1.4;

/** Draws tissue `tissue` of `scenario` with `frame`'s cells into `canvas` (CSS size × dpr, capped at 2). */
export function drawThumbnail(canvas: HTMLCanvasElement, scenario: Scenario, frame: Frame, cssWidth: number, cssHeight: number, tissue = 0): void {
  const spec = Object.values(scenario.tissues)[tissue];
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!spec || !ctx) return;
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? Math.min(2, devicePixelRatio) : 1;
  const W = Math.max(1, Math.round(cssWidth * dpr));
  const H = Math.max(1, Math.round(cssHeight * dpr));
  canvas.width = W;
  canvas.height = H;
  // Cover the card, a little closer than the whole tissue (cells read better), about its centre.
  const k = ZOOM * Math.max(cssWidth / spec.width, cssHeight / spec.height);
  const ox = (cssWidth - spec.width * k) / 2;
  const oy = (cssHeight - spec.height * k) / 2;
  const sx = scaleLinear().domain([0, spec.width]).range([ox, ox + spec.width * k]);
  const sy = scaleLinear().domain([0, spec.height]).range([oy, oy + spec.height * k]);
  const image = ctx.createImageData(W, H);
  buildBase(new Uint32Array(image.data.buffer), W, H, spec, { sx, sy, dpr });
  ctx.putImageData(image, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawStructures(ctx, spec, { sx, sy, dpr }, 0);
  drawCells(ctx, frame.cells, {
    tissue,
    sx,
    sy,
    k,
    width: cssWidth,
    height: cssHeight,
    highlight: new Set(),
    effects: new CellEffects(),
    now: 0,
    reducedMotion: true,
    looks: cellLooks(scenario),
    minRadius: 1.5,
  });
}
