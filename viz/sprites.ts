// Small cached bitmaps for what the tissue views draw again every frame: cell discs (each look at
// each on-screen size) and halo text labels. Stroking hundreds of antialiased circles and halo
// text every frame was most of the page's main-thread time on a slow machine (Chromium rasterises
// a 2D canvas's paths when it hands the frame over); an unscaled copy at whole device pixels costs
// a fraction. Without OffscreenCanvas (Node), or past SPRITE_MAX_PX, callers draw paths as before.

import { spritePixels, type SpritePixels } from './pixelBlit';

type Ctx = CanvasRenderingContext2D;

/** A bitmap and the point of it (device px from its top-left corner) that lands on the given position. */
export interface Sprite {
  /** An ImageBitmap where the browser can make one (drawn without a snapshot of a canvas each time). */
  canvas: ImageBitmap | OffscreenCanvas;
  ax: number;
  ay: number;
  /** A filled disc's pixels, for writing into a view's pixel buffer instead of a drawImage call. */
  pixels?: SpritePixels;
}

/** How one disc (or ring) looks: the same strokes as the batched paths of cellLayer. */
export interface DiscLook {
  /** Fill colour; null for a ring (rims only). */
  fill: string | null;
  /** Opacity of the whole disc (default 1). */
  alpha?: number;
  /** Rim strokes, drawn in order: [width CSS px, colour]. */
  rims: readonly (readonly [number, string])[];
  /** Draws an inner mark (into the current path) and says how to ink it (null: none at this radius), or null for no mark. */
  mark: ((ctx: Ctx, r: number) => { stroke: boolean; width: number; ink: string } | null) | null;
  /** Sprites made for this look, by radius step and scale (discSpriteAt fills it). */
  sprites: Map<number, Sprite | null>;
}

/** Largest disc sprite, device px per side; bigger discs (zoomed far in) are drawn as paths. */
export const SPRITE_MAX_PX = 160;
/** Radii are rounded to this many steps per CSS px (the sprite's size never differs by more). */
const RADIUS_STEPS = 4;
/** Room around a disc for its widest rim, CSS px. */
const PAD_CSS = 3;
/** Sprites one look (or the text cache) keeps before it starts again (zooming makes new sizes). */
const MAX_SPRITES = 300;

/** True where sprites can be made (a browser or worker with OffscreenCanvas). */
export function spritesAvailable(): boolean {
  return typeof OffscreenCanvas === 'function';
}

/** A 2D context's transform as plain numbers (a DOMMatrix is one). */
export interface Transform2D {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/**
 * The transform the sprites are placed with: `known` when the caller knows the context's transform
 * (a tissue view sets it itself every picture), else the context's own. `getTransform()` makes a
 * DOMMatrix, an object in Blink's heap: three per picture were garbage that brought the page's major
 * collections nearer (docs/performance.md). Null where no sprites can be made.
 */
export function spriteTransform(ctx: Ctx, known?: Transform2D): Transform2D | null {
  if (!spritesAvailable()) return null;
  return known ?? ctx.getTransform();
}

/** Sets the context's transform back to `m` (numbers: a DOMMatrix argument is read as a dictionary). */
export function restoreTransform(ctx: Ctx, m: Transform2D): void {
  ctx.setTransform(m.a, m.b, m.c, m.d, m.e, m.f);
}

/** Device px per CSS px of a context transform that only scales evenly and shifts (the views' own), else null. */
export function spriteScale(m: Transform2D): number | null {
  return m.b === 0 && m.c === 0 && m.a === m.d && m.a > 0 && Number.isFinite(m.a) ? m.a : null;
}

/**
 * The context a sprite is drawn with. `willReadFrequently` keeps the canvas a plain bitmap in the
 * page's memory, and so its ImageBitmap: without it Chromium backs each sprite with a shared image
 * of the compositor's, and a few of the commits that hand the view's canvas over took 36–68 ms of
 * CPU at 4× in liquid-biopsy and nk-weapons (12–37 ms with plain bitmaps; docs/performance.md).
 */
export function spriteContext(canvas: OffscreenCanvas): Ctx | null {
  return canvas.getContext('2d', { willReadFrequently: true }) as unknown as Ctx | null;
}

/** A 1 × 1 context kept for measuring text (a sprite's size is known before it is drawn). */
let probe: Ctx | null | undefined;

/** The context text is measured on, made once; null where OffscreenCanvas cannot give one. */
export function measuringContext(): Ctx | null {
  if (probe === undefined) probe = typeof OffscreenCanvas === 'function' ? spriteContext(new OffscreenCanvas(1, 1)) : null;
  return probe;
}

/** The one canvas new sprites are drawn on (where its bitmap can be taken off it), and its context. */
let pad: { canvas: OffscreenCanvas; ctx: Ctx } | null | undefined;

/**
 * A blank canvas of `w` × `h` device px to draw one sprite on. Where a bitmap can be taken off a
 * canvas, it is the same canvas every time, resized (which clears it and resets its state): a new
 * canvas and context per sprite cost the frame that made it several times as much, and left a
 * context behind for the collector each time. Elsewhere a new canvas.
 */
function drawingCanvas(w: number, h: number): { canvas: OffscreenCanvas; ctx: Ctx } | null {
  if (pad === undefined) {
    const canvas = new OffscreenCanvas(1, 1);
    const ctx = typeof canvas.transferToImageBitmap === 'function' ? spriteContext(canvas) : null;
    pad = ctx ? { canvas, ctx } : null;
  }
  if (!pad) {
    const canvas = new OffscreenCanvas(w, h);
    const ctx = spriteContext(canvas);
    return ctx ? { canvas, ctx } : null;
  }
  pad.canvas.width = w;
  pad.canvas.height = h;
  return pad;
}

/**
 * The finished bitmap: an ImageBitmap taken from the canvas. Drawing an OffscreenCanvas makes
 * Chromium snapshot it at every copy (measured: thousands of snapshots a second); a bitmap is copied as it is.
 */
export function frozen(canvas: OffscreenCanvas): ImageBitmap | OffscreenCanvas {
  return typeof canvas.transferToImageBitmap === 'function' ? canvas.transferToImageBitmap() : canvas;
}

/**
 * A radius (CSS px) as the whole number of sprite size steps it rounds to. The cell layer passes
 * this to discSpriteAt for each cell: a whole number crosses a call as it is, while a fractional
 * radius passed to a function that is not inlined is boxed, a small object per cell per frame.
 */
export function radiusStep(r: number): number {
  return Math.round(r * RADIUS_STEPS);
}

/** The sprite of `look` at radius step `step` (radiusStep) and `scale` device px per CSS px, or null when it would be too big. */
export function discSpriteAt(look: DiscLook, step: number, scale: number): Sprite | null {
  const key = step + scale * 1e7;
  const hit = look.sprites.get(key);
  if (hit !== undefined) return hit;
  const rq = step / RADIUS_STEPS;
  const size = 2 * Math.ceil((rq + PAD_CSS) * scale);
  const drawn = size > 0 && size <= SPRITE_MAX_PX ? drawingCanvas(size, size) : null;
  if (look.sprites.size >= MAX_SPRITES) look.sprites.clear();
  if (!drawn) {
    look.sprites.set(key, null);
    return null;
  }
  const { canvas, ctx } = drawn;
  ctx.setTransform(scale, 0, 0, scale, size / 2, size / 2);
  ctx.globalAlpha = look.alpha ?? 1;
  ctx.beginPath();
  ctx.arc(0, 0, rq, 0, 2 * Math.PI);
  if (look.fill !== null) {
    ctx.fillStyle = look.fill;
    ctx.fill();
  }
  for (const [width, colour] of look.rims) {
    ctx.lineWidth = width;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  if (look.mark) {
    ctx.beginPath();
    const ink = look.mark(ctx, rq);
    if (ink) {
      ctx.lineWidth = ink.width;
      ctx.strokeStyle = ink.ink;
      ctx.fillStyle = ink.ink;
      if (ink.stroke) ctx.stroke();
      else ctx.fill();
    }
  }
  // A disc's pixels (rings are drawn on the canvas), read before the bitmap is taken off the canvas (taking it clears it).
  const pixels = look.fill !== null ? spritePixels(ctx.getImageData(0, 0, size, size).data, size, size) : undefined;
  const sprite = { canvas: frozen(canvas), ax: size / 2, ay: size / 2, pixels };
  look.sprites.set(key, sprite);
  return sprite;
}

/** How a text sprite is drawn: font, ink, and a halo (line width 0: none). */
export interface TextStyle {
  font: string;
  ink: string;
  halo: string;
  haloWidth: number;
}

const texts = new Map<string, Sprite | null>();

/**
 * The sprite of `text` in `style` at `scale`, anchored at its baseline and its left, centre or
 * right end (`align`), or null where sprites cannot be made.
 */
export function textSprite(text: string, style: TextStyle, align: CanvasTextAlign, scale: number): Sprite | null {
  const key = `${scale}|${align}|${style.font}|${style.ink}|${style.halo}|${style.haloWidth}|${text}`;
  const hit = texts.get(key);
  if (hit !== undefined) return hit;
  if (texts.size >= MAX_SPRITES) texts.clear();
  const measure = measuringContext();
  if (!measure) return null;
  measure.font = style.font;
  const m = measure.measureText(text);
  const pad = style.haloWidth / 2 + 1;
  const left = Math.ceil((m.actualBoundingBoxLeft + pad) * scale);
  const right = Math.ceil((m.actualBoundingBoxRight + pad) * scale);
  const up = Math.ceil((m.actualBoundingBoxAscent + pad) * scale);
  const down = Math.ceil((m.actualBoundingBoxDescent + pad) * scale);
  const w = Math.max(1, left + right);
  const h = Math.max(1, up + down);
  const drawn = Number.isFinite(w + h) ? drawingCanvas(w, h) : null;
  if (!drawn) {
    texts.set(key, null);
    return null;
  }
  const { canvas, ctx } = drawn;
  ctx.setTransform(scale, 0, 0, scale, left, up);
  ctx.font = style.font;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  if (style.haloWidth > 0) {
    ctx.lineJoin = 'round';
    ctx.lineWidth = style.haloWidth;
    ctx.strokeStyle = style.halo;
    ctx.strokeText(text, 0, 0);
  }
  ctx.fillStyle = style.ink;
  ctx.fillText(text, 0, 0);
  const shift = align === 'right' || align === 'end' ? m.width * scale : align === 'center' ? (m.width * scale) / 2 : 0;
  const sprite = { canvas: frozen(canvas), ax: left + shift, ay: up };
  texts.set(key, sprite);
  return sprite;
}

/** CSS px → device px as x·a + e, y·d + f: a context's transform without rotation (a DOMMatrix is one). */
export interface DeviceMap {
  a: number;
  d: number;
  e: number;
  f: number;
}

/**
 * Copies `sprite` with its anchor on (x, y) CSS px, where `m` maps CSS px to device px and the
 * context's own transform is the identity: an unscaled copy at whole device pixels.
 */
export function blit(ctx: Ctx, m: DeviceMap, sprite: Sprite, x: number, y: number): void {
  ctx.drawImage(sprite.canvas, Math.round(m.a * x + m.e - sprite.ax), Math.round(m.d * y + m.f - sprite.ay));
}
