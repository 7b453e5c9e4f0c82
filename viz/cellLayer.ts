// The cell layer: discs in their role's colour — pale with a dark rim when resting, solid with a
// light rim when switched (palette.cellLooks) — the thin uptake ring, the state-change pulse,
// dying cells fading out, and highlight rings. Discs never shrink below MIN_CELL_PX on screen.
// Discs are cached bitmaps copied per cell (sprites.ts); where that is not possible, ordinary
// canvas paths batched by (type, state).
import type { Frame } from '../sim/frame';
import { MAX_STATES } from '../sim/state';
import { cellTypeColour, DYING_COLOUR, FLASH_EDGE, LIGHT_RIM, OUTLINE_COLOUR, stateStyle, type CellLook, type StateStyle } from './palette';
import type { CellEffects } from './effects';
import { blit, discSprite, spriteScale, spritesAvailable, type DiscLook, type Sprite } from './sprites';

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

/** Visible cells of the tissue, grouped by type * MAX_STATES + state (the schema allows at most MAX_STATES states). */
function groupCells(cells: Frame['cells'], o: CellDrawOptions): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < cells.count; i++) {
    if (cells.tissue[i] !== o.tissue) continue;
    const r = screenRadius(cells.radius[i], o.k, o.minRadius);
    const x = o.sx(cells.x[i]);
    const y = o.sy(cells.y[i]);
    if (x + r < -12 || y + r < -12 || x - r > o.width + 12 || y - r > o.height + 12) continue;
    const key = cells.type[i] * MAX_STATES + (cells.state[i] % MAX_STATES);
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  return groups;
}

/**
 * Draws every cell of `o.tissue`: resting states pale with a dark rim in the role's colour,
 * switched states solid with a white rim; states past the second also get an inner mark.
 * Then dying cells, effects and highlights.
 */
export function drawCells(ctx: Ctx, cells: Frame['cells'], o: CellDrawOptions): void {
  const groups = groupCells(cells, o);
  const keys = [...groups.keys()].sort((a, b) => a - b);
  const pos = (i: number): [number, number, number] => [o.sx(cells.x[i]), o.sy(cells.y[i]), screenRadius(cells.radius[i], o.k, o.minRadius)];

  drawDying(ctx, o);
  // Discs as cached bitmaps where the canvas allows (sprites.ts); the rest as batched paths.
  const m = spritesAvailable() ? ctx.getTransform() : null;
  const scale = m ? spriteScale(m) : null;
  for (const key of keys) {
    const group = groups.get(key) as number[];
    const type = Math.floor(key / MAX_STATES);
    const stateIndex = key % MAX_STATES;
    const look = lookOf(o, type);
    const switched = look.switched[stateIndex] ?? stateIndex > 0;
    const style = stateStyle(stateIndex);
    let idx = group;
    if (m && scale !== null) {
      const disc = discLook(look, switched, stateIndex, style);
      const rest: number[] = [];
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      // Every frame, for every cell: no tuple per cell (no garbage for the collector to sweep mid-frame).
      for (const i of group) {
        const sprite = discSprite(disc, screenRadius(cells.radius[i], o.k, o.minRadius), scale);
        if (sprite) blit(ctx, m, sprite, o.sx(cells.x[i]), o.sy(cells.y[i]));
        else rest.push(i);
      }
      ctx.setTransform(m);
      idx = rest;
      if (idx.length === 0) continue;
    }
    let rSum = 0;
    ctx.beginPath();
    for (const i of idx) {
      const [x, y, r] = pos(i);
      rSum += r;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    const rMean = rSum / idx.length;
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
    if (stateIndex >= 2 && style.mark !== 'none' && rMean >= MIN_MARK_RADIUS) {
      ctx.beginPath();
      for (const i of idx) {
        const [x, y, r] = pos(i);
        traceMark(ctx, style.mark, x, y, r);
      }
      const ink = switched ? LIGHT_RIM : OUTLINE_COLOUR;
      ctx.lineWidth = Math.max(1, Math.min(2, rMean / 5));
      ctx.strokeStyle = ink;
      ctx.fillStyle = ink;
      if (style.mark === 'dot') ctx.fill();
      else ctx.stroke();
    }
  }
  drawEffects(ctx, cells, groups, o);
  drawHighlights(ctx, cells, groups, o);
}

/** Disc looks made so far, by colours and state (each keeps its sprites across frames). */
const discLooks = new Map<string, DiscLook>();

/** The look of one disc of a (type, state) group, as sprites.ts draws it: the same strokes as the paths above. */
function discLook(look: CellLook, switched: boolean, stateIndex: number, style: StateStyle): DiscLook {
  const hasMark = stateIndex >= 2 && style.mark !== 'none';
  const ink = switched ? LIGHT_RIM : OUTLINE_COLOUR;
  const fill = switched ? look.colour : look.pale;
  const key = `${fill}|${switched ? '' : look.rim}|${hasMark ? style.mark : ''}|${ink}`;
  const known = discLooks.get(key);
  if (known) return known;
  const made: DiscLook = {
    fill,
    rims: switched ? [[3, OUTLINE_COLOUR], [1.4, LIGHT_RIM]] : [[1.8, look.rim]],
    mark: hasMark
      ? (ctx, r) => {
          if (r < MIN_MARK_RADIUS) return null;
          traceMark(ctx, style.mark, 0, 0, r);
          return { stroke: style.mark !== 'dot', width: Math.max(1, Math.min(2, r / 5)), ink };
        }
      : null,
    sprites: new Map(),
  };
  discLooks.set(key, made);
  return made;
}

/**
 * Cells removed in the last moment: a grey disc with a cross that swells a little and fades.
 * With reduced motion the mark stays still at full strength until it goes.
 */
function drawDying(ctx: Ctx, o: CellDrawOptions): void {
  const list = o.effects.dying(o.now);
  if (list.length === 0) return;
  for (const { death: d, p } of list) {
    if (d.tissue !== o.tissue) continue;
    const x = o.sx(d.x);
    const y = o.sy(d.y);
    const r0 = screenRadius(d.radius, o.k, o.minRadius);
    const r = o.reducedMotion ? r0 : r0 * (1 + 0.5 * p);
    ctx.globalAlpha = o.reducedMotion ? 0.85 : 0.85 * (1 - p);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = '#d9d9d9';
    ctx.fill();
    ctx.setLineDash([2, 2]);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = DYING_COLOUR;
    ctx.stroke();
    ctx.setLineDash([]);
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

/** Uptake (a thin gold ring just outside the disc, brief, never over it) and state-change pulse (a ring that grows and fades). */
function drawEffects(ctx: Ctx, cells: Frame['cells'], groups: Map<number, number[]>, o: CellDrawOptions): void {
  const { effects, now, reducedMotion } = o;
  // Rings as cached bitmaps where the canvas allows (sprites.ts), copied at whole device pixels.
  const m = spritesAvailable() ? ctx.getTransform() : null;
  const scale = m ? spriteScale(m) : null;
  // Flash rings batched by strength (4 steps), so hundreds of uptakes are a few strokes.
  const rings: Path2D[] = [];
  for (const idx of groups.values()) {
    for (const i of idx) {
      const id = cells.id[i];
      const f = effects.flash(id, now);
      const p = reducedMotion ? -1 : effects.pulse(id, now);
      if (f <= 0 && p < 0) continue;
      const x = o.sx(cells.x[i]);
      const y = o.sy(cells.y[i]);
      const r = screenRadius(cells.radius[i], o.k, o.minRadius);
      if (f > 0) {
        const b = reducedMotion ? 3 : Math.min(3, Math.floor(f * 4));
        const sprite = m && scale !== null ? discSprite(ringLook(FLASH_EDGE, 1.5, (b + 1) / 4), r + 2.2, scale) : null;
        if (m && sprite) blitAt(ctx, m, sprite, x, y);
        else {
          const path = (rings[b] ??= new Path2D());
          path.moveTo(x + r + 2.2, y);
          path.arc(x, y, r + 2.2, 0, 2 * Math.PI);
        }
      }
      if (p >= 0) {
        // The pulse's opacity and size in PULSE_STEPS steps (a 1 px step of its 12 px growth), so
        // each cell size has one bitmap per step and a pulse makes no new bitmap after its first.
        const step = Math.min(PULSE_STEPS - 1, Math.floor(p * PULSE_STEPS));
        const sprite = m && scale !== null ? discSprite(ringLook(OUTLINE_COLOUR, 2, 1 - step / PULSE_STEPS), r + 2 + ((step + 0.5) * 12) / PULSE_STEPS, scale) : null;
        if (m && sprite) blitAt(ctx, m, sprite, x, y);
        else {
          ctx.beginPath();
          ctx.arc(x, y, r + 2 + p * 12, 0, 2 * Math.PI);
          ctx.globalAlpha = 1 - p;
          ctx.lineWidth = 2;
          ctx.strokeStyle = OUTLINE_COLOUR;
          ctx.stroke();
        }
      }
    }
  }
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = FLASH_EDGE;
  rings.forEach((path, b) => {
    if (!path) return;
    ctx.globalAlpha = (b + 1) / 4;
    ctx.stroke(path);
  });
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

/** One sprite at (x, y) CSS px under the transform `m` (the context's own transform is kept). */
function blitAt(ctx: Ctx, m: DOMMatrix, sprite: Sprite, x: number, y: number): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  blit(ctx, m, sprite, x, y);
  ctx.setTransform(m);
}

/** A strong ring (white halo, dark ring) around each highlighted cell. */
function drawHighlights(ctx: Ctx, cells: Frame['cells'], groups: Map<number, number[]>, o: CellDrawOptions): void {
  if (o.highlight.size === 0) return;
  ctx.beginPath();
  let any = false;
  for (const idx of groups.values()) {
    for (const i of idx) {
      if (!o.highlight.has(cells.id[i])) continue;
      const x = o.sx(cells.x[i]);
      const y = o.sy(cells.y[i]);
      const r = screenRadius(cells.radius[i], o.k, o.minRadius) + 4;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      any = true;
    }
  }
  if (!any) return;
  ctx.lineWidth = 5;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = '#7a0177';
  ctx.stroke();
}
