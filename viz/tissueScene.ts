// The static parts of a tissue picture: the background, slab and vessels as a pixel base that
// each frame's dots and cells are written over, with the outlines and barrier lines drawn into it
// (structuresInto; drawn on the canvas where that cannot be done), and the overlays drawn after
// them — the vessels' labels, the tissue's name, a scale bar (µm) and the density key.
import type { TissueSpec } from '../sim/schema';
import { formatDistance, formatNumber } from './format';
import { packColour, packBlend } from './pixels';
import { densityColour } from './dotLayer';
import { t } from '../src/i18n/i18n';
import { blit, restoreTransform, spriteContext, spriteScale, spriteTransform, spritesAvailable, textSprite, type Transform2D } from './sprites';
import { blendPicture, type PixelTarget } from './pixelBlit';
import { keyBarWidth, keyPanel, paintKeyPanel } from './densityKeySprite';

type Ctx = CanvasRenderingContext2D;

export const SCENE_COLOURS = {
  outside: '#e3e5e9',
  slab: '#fbf9f5',
  vessel: '#e8b4ad',
  vesselEdge: '#a8423a',
  barrier: '#2f4858',
  ink: '#1d1d1f',
};

/** World → screen CSS px as two functions plus the device pixel ratio. */
export interface SceneMap {
  sx: (x: number) => number;
  sy: (y: number) => number;
  dpr: number;
}

/** Fills `pixels` (W × H device px) with the background, the tissue slab and its vessels. */
export function buildBase(pixels: Uint32Array, W: number, H: number, tissue: TissueSpec, m: SceneMap): void {
  pixels.fill(packColour(SCENE_COLOURS.outside));
  const rect = (x: number, y: number, w: number, h: number, colour: number) => {
    const x0 = Math.max(0, Math.round(m.sx(x) * m.dpr));
    const x1 = Math.min(W, Math.round(m.sx(x + w) * m.dpr));
    const y0 = Math.max(0, Math.round(m.sy(y) * m.dpr));
    const y1 = Math.min(H, Math.round(m.sy(y + h) * m.dpr));
    for (let yy = y0; yy < y1; yy++) if (x1 > x0) pixels.fill(colour, yy * W + x0, yy * W + x1);
  };
  rect(0, 0, tissue.width, tissue.height, packColour(SCENE_COLOURS.slab));
  const vessel = packBlend(SCENE_COLOURS.vessel, SCENE_COLOURS.slab, 0.6);
  for (const v of tissue.vessels) rect(v.x, v.y, Math.min(v.width, tissue.width - v.x), Math.min(v.height, tissue.height - v.y), vessel);
}

/** Canvas text size (CSS px) when the caller gives none. */
export const SCENE_FONT_PX = 12;

// i18n-exempt: a CSS font shorthand
const font = (px: number) => `${Math.round(px * 10) / 10}px system-ui, sans-serif`;

const HALO = 'rgba(255,255,255,0.9)';

/**
 * Text with a pale halo so it reads over dots and cells: a cached bitmap of it where the canvas
 * allows (sprites.ts; the same few labels are drawn every frame), else drawn as text.
 */
function haloText(ctx: Ctx, text: string, x: number, y: number, align: CanvasTextAlign = 'left', px = SCENE_FONT_PX, transform?: Transform2D): void {
  const m = spriteTransform(ctx, transform);
  const scale = m ? spriteScale(m) : null;
  const sprite = m && scale !== null ? textSprite(text, { font: font(px), ink: SCENE_COLOURS.ink, halo: HALO, haloWidth: 3 }, align, scale) : null;
  if (m && sprite) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    blit(ctx, m, sprite, x, y);
    restoreTransform(ctx, m);
    return;
  }
  ctx.font = font(px);
  ctx.textAlign = align;
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = HALO;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = SCENE_COLOURS.ink;
  ctx.fillText(text, x, y);
}

/**
 * The slab's edge, the vessels (outline and label) and the barrier lines (dashed when permeable),
 * drawn with paths. Context in CSS px; `px` 0 leaves out the labels. A tissue view draws the lines
 * into its base instead where it can (structuresInto) and the labels with drawStructureLabels.
 */
export function drawStructures(ctx: Ctx, tissue: TissueSpec, m: SceneMap, px = SCENE_FONT_PX, transform?: Transform2D): void {
  drawStructureLines(ctx, tissue, m);
  drawStructureLabels(ctx, tissue, m, px, transform);
}

/** A vessel's outline on screen (CSS px), cut at the tissue's edge. */
function vesselBox(v: TissueSpec['vessels'][number], tissue: TissueSpec, m: SceneMap): { x0: number; y0: number; w: number; h: number } {
  const x0 = m.sx(v.x);
  const y0 = m.sy(v.y);
  return { x0, y0, w: m.sx(Math.min(v.x + v.width, tissue.width)) - x0, h: m.sy(Math.min(v.y + v.height, tissue.height)) - y0 };
}

/**
 * The outlines and barrier lines. With `bands`, the band each line covers is added to it as
 * [x, y, width, height] (CSS px, with a pixel to spare for the smoothing of its edges).
 */
function drawStructureLines(ctx: Ctx, tissue: TissueSpec, m: SceneMap, bands?: number[]): void {
  const outline = (x: number, y: number, w: number, h: number, width: number) => {
    ctx.lineWidth = width;
    ctx.strokeRect(x, y, w, h);
    if (!bands) return;
    const p = width / 2 + 1;
    bands.push(x - p, y - p, w + 2 * p, 2 * p, x - p, y + h - p, w + 2 * p, 2 * p, x - p, y - p, 2 * p, h + 2 * p, x + w - p, y - p, 2 * p, h + 2 * p);
  };
  ctx.strokeStyle = '#b9bcc4';
  outline(m.sx(0), m.sy(0), m.sx(tissue.width) - m.sx(0), m.sy(tissue.height) - m.sy(0), 1);
  ctx.strokeStyle = SCENE_COLOURS.vesselEdge;
  for (const v of tissue.vessels) {
    const { x0, y0, w, h } = vesselBox(v, tissue, m);
    outline(x0, y0, w, h, 1.5);
  }
  drawBarriers(ctx, tissue, m, bands);
}

/** Each vessel's label, where the vessel is big enough on screen for it. */
export function drawStructureLabels(ctx: Ctx, tissue: TissueSpec, m: SceneMap, px = SCENE_FONT_PX, transform?: Transform2D): void {
  if (px <= 0) return;
  for (const v of tissue.vessels) {
    const { x0, y0, w, h } = vesselBox(v, tissue, m);
    if (w > 5 * px && h > 1.4 * px) haloText(ctx, t('viz.vessel'), x0 + 4, y0 + Math.min(h - 4, 1.15 * px), 'left', px, transform);
  }
}

/** The canvas each band of the structures is drawn on, resized to the band (one for every view). */
let bandCanvas: { canvas: OffscreenCanvas; ctx: Ctx } | null | undefined;
/** Pixels of the base already blended in this call (bands cross at an outline's corners), kept between calls. */
let blended = new Uint8Array(0);
/** Past this many bands (a scenario with many barriers) the whole picture is drawn as one band. */
const MAX_BANDS = 64;

/**
 * Draws the outlines and barrier lines into `base`, a pixel base of the view's size, so the cells
 * written into the pixels after it (cellLayer's blitCells) lie over them, as they did when both were
 * drawn on the canvas; the labels are left to drawStructureLabels. Done once per base (when the view
 * is made, resized, zoomed or panned), not per frame: each band a line covers is drawn on a small
 * offscreen canvas and read back (a canvas of the view's size cost 8–9 ms at 1× to read back and
 * more to make), and each pixel is blended in once. False where that canvas cannot be made (then
 * the caller draws drawStructures on its canvas).
 */
export function structuresInto(base: PixelTarget, tissue: TissueSpec, m: SceneMap): boolean {
  if (!spritesAvailable()) return false;
  if (bandCanvas === undefined) {
    const canvas = new OffscreenCanvas(1, 1);
    const ctx = spriteContext(canvas);
    bandCanvas = ctx ? { canvas, ctx } : null;
  }
  if (!bandCanvas) return false;
  const { canvas, ctx } = bandCanvas;
  const W = base.width;
  const H = base.height;
  const bands: number[] = [];
  // Where the bands are: the lines drawn once on the smallest canvas, their places noted.
  canvas.width = 1;
  canvas.height = 1;
  drawStructureLines(ctx, tissue, m, bands);
  if (bands.length / 4 > MAX_BANDS) bands.splice(0, bands.length, 0, 0, W / m.dpr, H / m.dpr);
  if (blended.length < W * H) blended = new Uint8Array(W * H);
  else blended.fill(0, 0, W * H);
  for (let i = 0; i < bands.length; i += 4) {
    const x0 = Math.max(0, Math.floor(bands[i] * m.dpr));
    const y0 = Math.max(0, Math.floor(bands[i + 1] * m.dpr));
    const x1 = Math.min(W, Math.ceil((bands[i] + bands[i + 2]) * m.dpr));
    const y1 = Math.min(H, Math.ceil((bands[i + 1] + bands[i + 3]) * m.dpr));
    if (x1 <= x0 || y1 <= y0) continue;
    canvas.width = x1 - x0;
    canvas.height = y1 - y0;
    ctx.setTransform(m.dpr, 0, 0, m.dpr, -x0, -y0);
    drawStructureLines(ctx, tissue, m);
    blendPicture(base, ctx.getImageData(0, 0, x1 - x0, y1 - y0).data, x0, y0, x1 - x0, blended);
  }
  return true;
}

/**
 * Barrier lines, dashed when permeable: one path per kind, and one line per half pixel, so a
 * scenario with 300,000 barriers draws as fast as one with a few (a stroke each took the page's
 * main thread for seconds a frame).
 */
function drawBarriers(ctx: Ctx, tissue: TissueSpec, m: SceneMap, bands?: number[]): void {
  if (tissue.barriers.length === 0) return;
  const seen = [new Set<number>(), new Set<number>()];
  const lines: [number[], number[]] = [[], []];
  for (const b of tissue.barriers) {
    const horizontal = b.orientation === 'horizontal';
    const at = horizontal ? m.sy(b.position) : m.sx(b.position);
    const kind = b.permeability > 0 ? 1 : 0;
    const key = Math.round(at * 2) * 2 + (horizontal ? 1 : 0);
    if (seen[kind].has(key)) continue;
    seen[kind].add(key);
    lines[kind].push(horizontal ? 1 : 0, at);
  }
  ctx.lineWidth = 3;
  ctx.strokeStyle = SCENE_COLOURS.barrier;
  for (const kind of [0, 1]) {
    const l = lines[kind];
    if (l.length === 0) continue;
    ctx.beginPath();
    for (let i = 0; i < l.length; i += 2) {
      if (l[i] === 1) {
        ctx.moveTo(m.sx(0), l[i + 1]);
        ctx.lineTo(m.sx(tissue.width), l[i + 1]);
        bands?.push(m.sx(0) - 1, l[i + 1] - 2.5, m.sx(tissue.width) - m.sx(0) + 2, 5);
      } else {
        ctx.moveTo(l[i + 1], m.sy(0));
        ctx.lineTo(l[i + 1], m.sy(tissue.height));
        bands?.push(l[i + 1] - 2.5, m.sy(0) - 1, 5, m.sy(tissue.height) - m.sy(0) + 2);
      }
    }
    ctx.setLineDash(kind === 1 ? [8, 4] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** A "nice" scale-bar length (1, 2 or 5 × 10ⁿ µm) about `targetPx` long at `k` px/µm. */
export function niceScaleLength(k: number, targetPx = 90): number {
  const raw = targetPx / Math.max(1e-9, k);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [5, 2, 1]) if (m * p <= raw) return m * p;
  return p;
}

/** The tissue's name (top left; '' for none) and a scale bar (bottom left). */
export function drawLabels(ctx: Ctx, name: string, k: number, height: number, px = SCENE_FONT_PX, transform?: Transform2D): void {
  if (name !== '') haloText(ctx, name, 8, 4 + px, 'left', px, transform);
  const len = niceScaleLength(k);
  const bar = len * k;
  const y = height - 10;
  ctx.beginPath();
  ctx.moveTo(10, y - 4);
  ctx.lineTo(10, y);
  ctx.lineTo(10 + bar, y);
  ctx.lineTo(10 + bar, y - 4);
  ctx.lineJoin = 'miter';
  ctx.lineWidth = 4;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.stroke();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = SCENE_COLOURS.ink;
  ctx.stroke();
  haloText(ctx, formatDistance(len), 14 + bar, y, 'left', px, transform);
}

/** The density key (bottom right): a gradient from 0 to `max` in real EV per 100 µm². */
export function drawDensityKey(ctx: Ctx, max: number, width: number, height: number, px = SCENE_FONT_PX, transform?: Transform2D): void {
  const style = { title: t('viz.densityKey'), font: font(px), px, ink: SCENE_COLOURS.ink, halo: HALO, colour: densityColour };
  // The cached panel and a cached text sprite for the count where the canvas allows (densityKeySprite.ts).
  const m = spriteTransform(ctx, transform);
  const scale = m ? spriteScale(m) : null;
  const panel = m && scale !== null ? keyPanel(style, scale) : null;
  const count = panel && m && scale !== null ? textSprite(formatNumber(max, 2), { font: font(px), ink: SCENE_COLOURS.ink, halo: HALO, haloWidth: 0 }, 'right', scale) : null;
  if (m && panel && count) {
    const x = width - panel.width - 14;
    const y = height - 20;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    blit(ctx, m, panel.sprite, x, y);
    blit(ctx, m, count, x + panel.width, y - 4);
    restoreTransform(ctx, m);
    return;
  }
  // Without sprites: the same panel painted in place, then the count.
  const w = keyBarWidth(ctx, style);
  const x = width - w - 14;
  const y = height - 20;
  ctx.save();
  ctx.translate(x, y);
  paintKeyPanel(ctx, style, w);
  ctx.restore();
  ctx.font = font(px);
  ctx.fillStyle = SCENE_COLOURS.ink;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'right';
  ctx.fillText(formatNumber(max, 2), x + w, y - 4);
}
