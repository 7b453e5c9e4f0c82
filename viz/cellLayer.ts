// The cell layer: discs in their role's colour — pale with a dark rim when resting, solid with a
// light rim when switched (palette.cellLooks) — the thin uptake ring, the state-change pulse,
// dying cells fading out, and highlight rings. Discs never shrink below MIN_CELL_PX on screen.
// Discs are cached bitmaps (sprites.ts), written into the view's pixels (blitCells) or copied per
// cell; where that is not possible, ordinary canvas paths batched by (type, state).
import type { Frame } from '../sim/frame';
import { MAX_STATES } from '../sim/state';
import { cellTypeColour, DYING_COLOUR, FLASH_EDGE, LIGHT_RIM, OUTLINE_COLOUR, stateMark, type CellLook, type StateStyle } from './palette';
import type { CellEffects } from './effects';
import { blitPixels, type PixelTarget } from './pixelBlit';
import { blit, discSpriteAt, spritesAvailable, radiusStep, spriteScale, spriteTransform, type DeviceMap, type DiscLook, type Transform2D } from './sprites';
import { CellGroups } from './cellGroups';

type Ctx = CanvasRenderingContext2D;

export interface CellDrawOptions {
  tissue: number;
  /** World µm → screen CSS px. */
  sx: (x: number) => number;
  sy: (y: number) => number;
  /** CSS px per µm. */
  k: number;
  /** Canvas size in CSS px (for culling). */
  width: number;
  height: number;
  highlight: ReadonlySet<number>;
  effects: CellEffects;
  now: number;
  reducedMotion: boolean;
  /** Colour and resting/switched look per cell type (palette.cellLooks); without it, colours by index. */
  looks?: readonly CellLook[];
  /** Smallest on-screen radius, CSS px (default MIN_CELL_PX; small thumbnails use less). */
  minRadius?: number;
  /** The context's transform when the caller set it (no DOMMatrix read back); else read from the context. */
  transform?: Transform2D;
  /** The discs with sprites are in the pixels under the context already (blitCells): drawCells leaves them out. */
  blitted?: boolean;
}

/** Smallest on-screen cell radius, CSS px: zoomed out, cells stay this big; zoomed in, true scale. */
export const MIN_CELL_PX = 5;
/** Below this radius (CSS px) inner marks are left out: they would be a smudge. */
const MIN_MARK_RADIUS = 3;

/** On-screen radius of a cell of `radius` µm at `k` CSS px per µm. */
export function screenRadius(radius: number, k: number, min = MIN_CELL_PX): number {
  const r = radius * k;
  return Number.isFinite(r) ? Math.max(min, r) : min;
}

/** The look of cell type `type`, falling back to the colour by index and "first state rests". */
function lookOf(o: CellDrawOptions, type: number): CellLook {
  const l = o.looks?.[type];
  if (l) return l;
  const colour = cellTypeColour(type);
  return { role: undefined, colour, pale: colour, rim: OUTLINE_COLOUR, switched: [] };
}

/** Draws one state mark (inside a disc of radius r at x, y) into the current path. */
export function traceMark(ctx: Ctx, mark: StateStyle['mark'], x: number, y: number, r: number): void {
  if (mark === 'dot') {
    const d = Math.max(1, r * 0.3);
    ctx.moveTo(x + d, y);
    ctx.arc(x, y, d, 0, 2 * Math.PI);
  } else if (mark === 'cross') {
    const a = r * 0.45;
    ctx.moveTo(x - a, y - a);
    ctx.lineTo(x + a, y + a);
    ctx.moveTo(x + a, y - a);
    ctx.lineTo(x - a, y + a);
  } else if (mark === 'bar') {
    const a = r * 0.55;
    ctx.moveTo(x - a, y);
    ctx.lineTo(x + a, y);
  } else if (mark === 'hatch') {
    // Three parallel diagonal chords, kept inside the disc.
    for (const off of [-0.5, 0, 0.5]) {
      const d = off * r;
      const half = Math.sqrt(Math.max(0, r * r - d * d)) * 0.8;
      const cx = x + d * Math.SQRT1_2;
      const cy = y - d * Math.SQRT1_2;
      ctx.moveTo(cx - half * Math.SQRT1_2, cy - half * Math.SQRT1_2);
      ctx.lineTo(cx + half * Math.SQRT1_2, cy + half * Math.SQRT1_2);
    }
  }
}

/** The view's world → screen map as x·a + b (its scales are linear): no scale call per cell. */
interface Affine {
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

function affineOf(o: CellDrawOptions): Affine {
  const bx = o.sx(0);
  const by = o.sy(0);
  return { ax: o.sx(1) - bx, bx, ay: o.sy(1) - by, by };
}

/** The groups of the frame being drawn (kept between frames: grouping makes no garbage). */
const groups = new CellGroups();
/** Cells of a group drawn as paths (no sprite at their size); kept between frames. */
let rest = new Int32Array(64);

/** Groups the visible cells of the tissue by type * MAX_STATES + state (the schema allows at most MAX_STATES states). */
function groupCells(cells: Frame['cells'], o: CellDrawOptions, f: Affine): CellGroups {
  const n = cells.count;
  const keyOf = groups.begin(n);
  for (let i = 0; i < n; i++) {
    keyOf[i] = -1;
    if (cells.tissue[i] !== o.tissue) continue;
    const r = screenRadius(cells.radius[i], o.k, o.minRadius);
    const x = cells.x[i] * f.ax + f.bx;
    const y = cells.y[i] * f.ay + f.by;
    if (x + r < -12 || y + r < -12 || x - r > o.width + 12 || y - r > o.height + 12) continue;
    keyOf[i] = cells.type[i] * MAX_STATES + (cells.state[i] % MAX_STATES);
  }
  groups.finish(n);
  return groups;
}

/**
 * Draws every cell of `o.tissue`: resting states pale with a dark rim in the role's colour,
 * switched states solid with a white rim; states past the second also get an inner mark.
 * Then dying cells, effects and highlights. With `o.blitted` the discs blitCells wrote into the
 * pixels under the canvas are left out. Nothing here is made per cell or per frame but the
 * context's transform (read once): this runs every animation frame while a run plays.
 */
export function drawCells(ctx: Ctx, cells: Frame['cells'], o: CellDrawOptions): void {
  const f = affineOf(o);
  const g = groupCells(cells, o, f);
  const { order, start } = g;

  drawDying(ctx, o, f);
  // Discs as cached bitmaps where the canvas allows (sprites.ts); the rest as batched paths.
  const m = spriteTransform(ctx, o.transform);
  const scale = m ? spriteScale(m) : null;
  const device = m ? deviceOf(m) : null;
  for (let gi = 0; gi < g.keyCount; gi++) {
    const key = g.keys[gi];
    const from = start[key];
    const to = start[key + 1];
    const { look, switched, stateIndex, mark } = groupLook(o, key);
    // Indices of the cells to draw as paths: the whole group, or those without a sprite.
    let idx: Int32Array = order;
    let idxFrom = from;
    let idxTo = to;
    if (device && scale !== null) {
      const disc = discLook(look, switched, stateIndex, mark);
      if (rest.length < to - from) rest = new Int32Array(2 * (to - from));
      let nRest = 0;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      for (let j = from; j < to; j++) {
        const i = order[j];
        const sprite = discSpriteAt(disc, radiusStep(screenRadius(cells.radius[i], o.k, o.minRadius)), scale);
        // Already written into the pixels under the canvas (blitCells).
        if (sprite?.pixels && o.blitted) continue;
        // Whole device px computed here: only whole numbers cross a call per cell (no boxed fractions).
        if (sprite) ctx.drawImage(sprite.canvas, Math.round(device.a * (cells.x[i] * f.ax + f.bx) + device.e - sprite.ax), Math.round(device.d * (cells.y[i] * f.ay + f.by) + device.f - sprite.ay));
        else rest[nRest++] = i;
      }
      ctx.setTransform(device.a, 0, 0, device.d, device.e, device.f);
      idx = rest;
      idxFrom = 0;
      idxTo = nRest;
      if (nRest === 0) continue;
    }
    let rSum = 0;
    ctx.beginPath();
    for (let j = idxFrom; j < idxTo; j++) {
      const i = idx[j];
      const x = cells.x[i] * f.ax + f.bx;
      const y = cells.y[i] * f.ay + f.by;
      const r = screenRadius(cells.radius[i], o.k, o.minRadius);
      rSum += r;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    const rMean = rSum / (idxTo - idxFrom);
    if (switched) {
      // Solid colour, then a dark line with a white line on top: a light rim that reads on any fill.
      ctx.fillStyle = look.colour;
      ctx.fill();
      ctx.lineWidth = 3;
      ctx.strokeStyle = OUTLINE_COLOUR;
      ctx.stroke();
      ctx.lineWidth = 1.4;
      ctx.strokeStyle = LIGHT_RIM;
      ctx.stroke();
    } else {
      ctx.fillStyle = look.pale;
      ctx.fill();
      ctx.lineWidth = 1.8;
      ctx.strokeStyle = look.rim;
      ctx.stroke();
    }
    // More than two states: the third and later also carry the old inner mark, so they stay apart.
    if (stateIndex >= 2 && mark !== 'none' && rMean >= MIN_MARK_RADIUS) {
      ctx.beginPath();
      for (let j = idxFrom; j < idxTo; j++) {
        const i = idx[j];
        traceMark(ctx, mark, cells.x[i] * f.ax + f.bx, cells.y[i] * f.ay + f.by, screenRadius(cells.radius[i], o.k, o.minRadius));
      }
      const ink = switched ? LIGHT_RIM : OUTLINE_COLOUR;
      ctx.lineWidth = Math.max(1, Math.min(2, rMean / 5));
      ctx.strokeStyle = ink;
      ctx.fillStyle = ink;
      if (mark === 'dot') ctx.fill();
      else ctx.stroke();
    }
  }
  drawEffects(ctx, cells, g, o, f, device, scale);
  drawHighlights(ctx, cells, g, o, f);
}

/** The look of a group of cells (key: type * MAX_STATES + state). */
function groupLook(o: CellDrawOptions, key: number): { look: CellLook; switched: boolean; stateIndex: number; mark: StateStyle['mark'] } {
  const stateIndex = key % MAX_STATES;
  const look = lookOf(o, Math.floor(key / MAX_STATES));
  return { look, switched: look.switched[stateIndex] ?? stateIndex > 0, stateIndex, mark: stateMark(stateIndex) };
}

/**
 * Writes the disc of every visible cell that has a sprite into `target`, the pixels the caller
 * puts on the canvas next (device px, its top-left at the canvas's): a drawImage call per cell
 * left ~100–130 bytes in Blink's heap each (docs/performance.md). The caller then draws the rest
 * with drawCells and `blitted: true`. Needs `o.transform` (the one drawCells will be given); returns
 * false, writing nothing, where sprites cannot be made or the transform is not a plain scale.
 */
export function blitCells(target: PixelTarget, cells: Frame['cells'], o: CellDrawOptions): boolean {
  const m = o.transform && spritesAvailable() ? o.transform : null;
  const scale = m ? spriteScale(m) : null;
  if (!m || scale === null) return false;
  const f = affineOf(o);
  const g = groupCells(cells, o, f);
  for (let gi = 0; gi < g.keyCount; gi++) {
    const key = g.keys[gi];
    const { look, switched, stateIndex, mark } = groupLook(o, key);
    const disc = discLook(look, switched, stateIndex, mark);
    for (let j = g.start[key]; j < g.start[key + 1]; j++) {
      const i = g.order[j];
      const sprite = discSpriteAt(disc, radiusStep(screenRadius(cells.radius[i], o.k, o.minRadius)), scale);
      if (sprite?.pixels) blitPixels(target, sprite.pixels, Math.round(m.a * (cells.x[i] * f.ax + f.bx) + m.e - sprite.ax), Math.round(m.d * (cells.y[i] * f.ay + f.by) + m.f - sprite.ay));
    }
  }
  return true;
}

/** The context's transform as plain numbers (a DOMMatrix's fields are read through the browser's bindings). */
function deviceOf(m: Transform2D): DeviceMap {
  return { a: m.a, d: m.d, e: m.e, f: m.f };
}

/** Disc looks made so far, by colours and state (each keeps its sprites across frames). */
const discLooks = new Map<string, DiscLook>();
/** The disc looks of each cell look, by state index and switched (no key text made per frame). */
const looksByCell = new WeakMap<CellLook, (DiscLook | undefined)[]>();

/** The look of one disc of a (type, state) group, as sprites.ts draws it: the same strokes as the paths above. */
function discLook(look: CellLook, switched: boolean, stateIndex: number, markOf: StateStyle['mark']): DiscLook {
  let mine = looksByCell.get(look);
  if (!mine) looksByCell.set(look, (mine = []));
  const slot = 2 * stateIndex + (switched ? 1 : 0);
  const cached = mine[slot];
  if (cached) return cached;
  const hasMark = stateIndex >= 2 && markOf !== 'none';
  const ink = switched ? LIGHT_RIM : OUTLINE_COLOUR;
  const fill = switched ? look.colour : look.pale;
  const key = `${fill}|${switched ? '' : look.rim}|${hasMark ? markOf : ''}|${ink}`;
  const known = discLooks.get(key);
  if (known) return (mine[slot] = known);
  const made: DiscLook = {
    fill,
    rims: switched ? [[3, OUTLINE_COLOUR], [1.4, LIGHT_RIM]] : [[1.8, look.rim]],
    mark: hasMark
      ? (ctx, r) => {
          if (r < MIN_MARK_RADIUS) return null;
          traceMark(ctx, markOf, 0, 0, r);
          return { stroke: markOf !== 'dot', width: Math.max(1, Math.min(2, r / 5)), ink };
        }
      : null,
    sprites: new Map(),
  };
  discLooks.set(key, made);
  return (mine[slot] = made);
}

/**
 * Cells removed in the last moment: a grey disc with a cross that swells a little and fades.
 * With reduced motion the mark stays still at full strength until it goes.
 */
function drawDying(ctx: Ctx, o: CellDrawOptions, f: Affine): void {
  const list = o.effects.dying(o.now);
  if (list.length === 0) return;
  for (const { death: d, p } of list) {
    if (d.tissue !== o.tissue) continue;
    const x = d.x * f.ax + f.bx;
    const y = d.y * f.ay + f.by;
    const r0 = screenRadius(d.radius, o.k, o.minRadius);
    const r = o.reducedMotion ? r0 : r0 * (1 + 0.5 * p);
    ctx.globalAlpha = o.reducedMotion ? 0.85 : 0.85 * (1 - p);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = '#d9d9d9';
    ctx.fill();
    ctx.setLineDash(DYING_DASH);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = DYING_COLOUR;
    ctx.stroke();
    ctx.setLineDash(NO_DASH);
    ctx.beginPath();
    const a = r * 0.5;
    ctx.moveTo(x - a, y - a);
    ctx.lineTo(x + a, y + a);
    ctx.moveTo(x + a, y - a);
    ctx.lineTo(x - a, y + a);
    ctx.lineWidth = 2;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

const DYING_DASH = [2, 2];
const NO_DASH: number[] = [];

/** Flash rings batched as paths by strength (4 steps) where there are no sprites; kept between frames, emptied per use. */
const flashPaths: (Path2D | null)[] = [null, null, null, null];

/** Uptake (a thin gold ring just outside the disc, brief, never over it) and state-change pulse (a ring that grows and fades). */
function drawEffects(ctx: Ctx, cells: Frame['cells'], g: CellGroups, o: CellDrawOptions, f: Affine, device: DeviceMap | null, scale: number | null): void {
  const { effects, now, reducedMotion } = o;
  if (!effects.any()) return;
  // Rings as cached bitmaps where the canvas allows (sprites.ts), copied at whole device pixels.
  const sprites = device !== null && scale !== null;
  // Flash rings batched by strength (4 steps), so hundreds of uptakes are a few strokes.
  let paths = false;
  if (sprites) ctx.setTransform(1, 0, 0, 1, 0, 0);
  for (let j = 0; j < g.count; j++) {
    const i = g.order[j];
    const id = cells.id[i];
    const fl = effects.flash(id, now);
    const p = reducedMotion ? -1 : effects.pulse(id, now);
    if (fl <= 0 && p < 0) continue;
    const x = cells.x[i] * f.ax + f.bx;
    const y = cells.y[i] * f.ay + f.by;
    const r = screenRadius(cells.radius[i], o.k, o.minRadius);
    if (fl > 0) {
      const b = reducedMotion ? 3 : Math.min(3, Math.floor(fl * 4));
      const sprite = sprites ? discSpriteAt(flashRing(b), radiusStep(r + 2.2), scale!) : null;
      if (sprite) blit(ctx, device!, sprite, x, y);
      else {
        const path = (flashPaths[b] ??= new Path2D());
        paths = true;
        path.moveTo(x + r + 2.2, y);
        path.arc(x, y, r + 2.2, 0, 2 * Math.PI);
      }
    }
    if (p >= 0) {
      // The pulse's opacity and size in PULSE_STEPS steps (a 1 px step of its 12 px growth), so
      // each cell size has one bitmap per step and a pulse makes no new bitmap after its first.
      const step = Math.min(PULSE_STEPS - 1, Math.floor(p * PULSE_STEPS));
      const sprite = sprites ? discSpriteAt(pulseRing(step), radiusStep(r + 2 + ((step + 0.5) * 12) / PULSE_STEPS), scale!) : null;
      if (sprite) blit(ctx, device!, sprite, x, y);
      else {
        if (sprites) ctx.setTransform(device!.a, 0, 0, device!.d, device!.e, device!.f);
        ctx.beginPath();
        ctx.arc(x, y, r + 2 + p * 12, 0, 2 * Math.PI);
        ctx.globalAlpha = 1 - p;
        ctx.lineWidth = 2;
        ctx.strokeStyle = OUTLINE_COLOUR;
        ctx.stroke();
        ctx.globalAlpha = 1;
        if (sprites) ctx.setTransform(1, 0, 0, 1, 0, 0);
      }
    }
  }
  if (sprites) ctx.setTransform(device!.a, 0, 0, device!.d, device!.e, device!.f);
  ctx.globalAlpha = 1;
  if (!paths) return;
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = FLASH_EDGE;
  for (let b = 0; b < flashPaths.length; b++) {
    const path = flashPaths[b];
    if (!path) continue;
    ctx.globalAlpha = (b + 1) / 4;
    ctx.stroke(path);
    flashPaths[b] = null;
  }
  ctx.globalAlpha = 1;
}

/** Opacity steps of a state-change pulse drawn from bitmaps. */
const PULSE_STEPS = 12;

/** A ring of `colour`, `width` CSS px wide, at `alpha`, as a disc look without fill (one per kind, kept). */
function ringLook(colour: string, width: number, alpha: number): DiscLook {
  const key = `ring|${colour}|${width}|${alpha}`;
  const known = discLooks.get(key);
  if (known) return known;
  const made: DiscLook = { fill: null, alpha, rims: [[width, colour]], mark: null, sprites: new Map() };
  discLooks.set(key, made);
  return made;
}

/** The flash ring at strength step `b` (0–3) and the pulse ring at step `s`, by step (no key text per cell and frame). */
const flashRings: DiscLook[] = [];
const pulseRings: DiscLook[] = [];
function flashRing(b: number): DiscLook {
  return (flashRings[b] ??= ringLook(FLASH_EDGE, 1.5, (b + 1) / 4));
}
function pulseRing(step: number): DiscLook {
  return (pulseRings[step] ??= ringLook(OUTLINE_COLOUR, 2, 1 - step / PULSE_STEPS));
}

/** A strong ring (white halo, dark ring) around each highlighted cell. */
function drawHighlights(ctx: Ctx, cells: Frame['cells'], g: CellGroups, o: CellDrawOptions, f: Affine): void {
  if (o.highlight.size === 0) return;
  ctx.beginPath();
  let any = false;
  for (let j = 0; j < g.count; j++) {
    const i = g.order[j];
    if (!o.highlight.has(cells.id[i])) continue;
    const x = cells.x[i] * f.ax + f.bx;
    const y = cells.y[i] * f.ay + f.by;
    const r = screenRadius(cells.radius[i], o.k, o.minRadius) + 4;
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    any = true;
  }
  if (!any) return;
  ctx.lineWidth = 5;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#7a0177';
  ctx.stroke();
}
