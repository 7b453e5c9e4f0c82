// The cell layer: discs filled by cell-type colour with the state's outline and inner mark
// (palette.stateStyle), the uptake glow, the state-change pulse and highlight rings. Cells are
// few (hundreds to thousands), so ordinary canvas paths, batched by (type, state).
import type { Frame } from '../sim/frame';
import { MAX_STATES } from '../sim/state';
import { cellTypeColour, FLASH_COLOUR, FLASH_EDGE, OUTLINE_COLOUR, stateStyle, type StateStyle } from './palette';
import type { CellEffects } from './effects';

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
}

/** Below this radius (CSS px) inner marks are left out: they would be a smudge. */
const MIN_MARK_RADIUS = 3;

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

/** Strokes the outline (and inner ring, if double) of cells already traced as arcs. */
function strokeOutline(ctx: Ctx, style: StateStyle, scale: number): void {
  ctx.setLineDash(style.dash.map((d) => d * scale));
  ctx.lineWidth = style.width;
  ctx.strokeStyle = OUTLINE_COLOUR;
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Visible cells of the tissue, grouped by type * MAX_STATES + state (the schema allows at most MAX_STATES states). */
function groupCells(cells: Frame['cells'], o: CellDrawOptions): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < cells.count; i++) {
    if (cells.tissue[i] !== o.tissue) continue;
    const r = cells.radius[i] * o.k;
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

/** Draws every cell of `o.tissue` with its state outline, then the effects and highlights. */
export function drawCells(ctx: Ctx, cells: Frame['cells'], o: CellDrawOptions): void {
  const groups = groupCells(cells, o);
  const keys = [...groups.keys()].sort((a, b) => a - b);
  const pos = (i: number): [number, number, number] => [o.sx(cells.x[i]), o.sy(cells.y[i]), Math.max(1, cells.radius[i] * o.k)];

  for (const key of keys) {
    const idx = groups.get(key) as number[];
    const type = Math.floor(key / MAX_STATES);
    const style = stateStyle(key % MAX_STATES);
    let rSum = 0;
    ctx.beginPath();
    for (const i of idx) {
      const [x, y, r] = pos(i);
      rSum += r;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    const rMean = rSum / idx.length;
    ctx.globalAlpha = 0.9;
    ctx.fillStyle = cellTypeColour(type);
    ctx.fill();
    ctx.globalAlpha = 1;
    strokeOutline(ctx, style, Math.max(1, Math.min(3, rMean / 5)));

    if (style.ring === 'double' && rMean > 2.5) {
      ctx.beginPath();
      for (const i of idx) {
        const [x, y, r] = pos(i);
        const ri = Math.max(0.5, r - style.width - 1.4);
        ctx.moveTo(x + ri, y);
        ctx.arc(x, y, ri, 0, 2 * Math.PI);
      }
      ctx.lineWidth = style.width;
      ctx.strokeStyle = OUTLINE_COLOUR;
      ctx.stroke();
    }
    if (style.mark !== 'none' && rMean >= MIN_MARK_RADIUS) {
      ctx.beginPath();
      for (const i of idx) {
        const [x, y, r] = pos(i);
        traceMark(ctx, style.mark, x, y, r);
      }
      ctx.lineWidth = Math.max(1, Math.min(2, rMean / 5));
      ctx.strokeStyle = OUTLINE_COLOUR;
      ctx.fillStyle = OUTLINE_COLOUR;
      if (style.mark === 'dot') ctx.fill();
      else ctx.stroke();
    }
  }
  drawEffects(ctx, cells, groups, o);
  drawHighlights(ctx, cells, groups, o);
}

/** Uptake flash (the disc lights up inside an amber ring, then fades) and state-change pulse (a ring that grows and fades). */
function drawEffects(ctx: Ctx, cells: Frame['cells'], groups: Map<number, number[]>, o: CellDrawOptions): void {
  const { effects, now, reducedMotion } = o;
  for (const idx of groups.values()) {
    for (const i of idx) {
      const id = cells.id[i];
      const f = effects.flash(id, now);
      const p = reducedMotion ? -1 : effects.pulse(id, now);
      if (f <= 0 && p < 0) continue;
      const x = o.sx(cells.x[i]);
      const y = o.sy(cells.y[i]);
      const r = Math.max(1, cells.radius[i] * o.k);
      if (f > 0) {
        // A flash of light on the disc (reads without colour) and an amber ring around it.
        const a = reducedMotion ? 1 : f;
        ctx.beginPath();
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.globalAlpha = 0.5 * a * a;
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.beginPath();
        ctx.arc(x, y, r + 2.5, 0, 2 * Math.PI);
        ctx.globalAlpha = 0.5 * a;
        ctx.lineWidth = 5;
        ctx.strokeStyle = FLASH_COLOUR;
        ctx.stroke();
        ctx.globalAlpha = a;
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = FLASH_EDGE;
        ctx.stroke();
      }
      if (p >= 0) {
        ctx.beginPath();
        ctx.arc(x, y, r + 2 + p * 12, 0, 2 * Math.PI);
        ctx.globalAlpha = 1 - p;
        ctx.lineWidth = 2;
        ctx.strokeStyle = OUTLINE_COLOUR;
        ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;
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
      const r = Math.max(1, cells.radius[i] * o.k) + 4;
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
