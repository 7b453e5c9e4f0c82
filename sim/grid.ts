// A uniform bin grid over every tissue, rebuilt each step, listing for each bin the cells
// whose disc overlaps it. A vesicle then checks only the cells of its own bin. All tissues
// share one flat CSR layout (binStart/items) with a bin offset per tissue.
import type { Model } from './model';
import type { Rule } from './rule';
import { NO_CELL } from './state';

export interface Grid {
  /** Bin edge length per tissue (µm) and its inverse. */
  size: Float64Array;
  inv: Float64Array;
  cols: Int32Array;
  rows: Int32Array;
  offset: Int32Array;
  /** binStart[b]..binStart[b+1] index into items (cell indices). */
  binStart: Int32Array;
  items: Int32Array;
  /** One bit per bin, set when some cell's disc overlaps it: bit (b & 31) of occupied[b >>> 5]. */
  occupied: Int32Array;
  /**
   * A finer grid over the same tissues (bins FINE times smaller per axis, fewer when that would
   * pass MAX_FINE_BINS) with one bit per bin, set when some cell's disc comes within NEAR_PAD of
   * the bin: a clear bit means no point of that bin lies in any cell (see nearBits).
   */
  fineInv: Float64Array;
  fineCols: Int32Array;
  fineRows: Int32Array;
  fineOffset: Int32Array;
  near: Int32Array;
}

/** Fine bins per bin edge (when they fit MAX_FINE_BINS). */
const FINE = 8;
/** At most this many fine bins over all tissues, so their bits (32 kB) stay in the L1 cache. */
const MAX_FINE_BINS = 262_144;
/**
 * How far (µm) beyond a disc its fine bins are still marked: far more than the rounding of the
 * disc test (coordinates of at most ~10⁵ µm are off by ~10⁻¹¹ µm), so a clear bit is certain.
 */
const NEAR_PAD = 1e-3;

export function createGrid(m: Model): Grid {
  const tissues = m.index.tissues.map((id) => m.scenario.tissues[id]);
  const nT = tissues.length;
  let rmax = 1;
  for (const id of m.index.cellTypes) rmax = Math.max(rmax, m.scenario.cellTypes[id].radius);
  const size = new Float64Array(nT);
  const inv = new Float64Array(nT);
  const cols = new Int32Array(nT);
  const rows = new Int32Array(nT);
  const offset = new Int32Array(nT + 1);
  for (let t = 0; t < nT; t++) {
    // Bins at least one cell diameter wide, and at most ~250 000 bins per tissue.
    let s = 2 * rmax;
    while ((tissues[t].width / s) * (tissues[t].height / s) > 250_000) s *= 2;
    size[t] = s;
    inv[t] = 1 / s;
    cols[t] = Math.max(1, Math.ceil(tissues[t].width / s));
    rows[t] = Math.max(1, Math.ceil(tissues[t].height / s));
    offset[t + 1] = offset[t] + cols[t] * rows[t];
  }
  let fine = FINE;
  while (fine > 1 && offset[nT] * fine * fine > MAX_FINE_BINS) fine--;
  const fineInv = new Float64Array(nT);
  const fineCols = new Int32Array(nT);
  const fineRows = new Int32Array(nT);
  const fineOffset = new Int32Array(nT + 1);
  for (let t = 0; t < nT; t++) {
    fineInv[t] = fine / size[t];
    fineCols[t] = cols[t] * fine;
    fineRows[t] = rows[t] * fine;
    fineOffset[t + 1] = fineOffset[t] + fineCols[t] * fineRows[t];
  }
  return {
    size,
    inv,
    cols,
    rows,
    offset,
    binStart: new Int32Array(offset[nT] + 1),
    items: new Int32Array(64),
    occupied: new Int32Array((offset[nT] + 31) >>> 5),
    fineInv,
    fineCols,
    fineRows,
    fineOffset,
    near: new Int32Array((fineOffset[nT] + 31) >>> 5),
  };
}

/**
 * Sets the near bit of every fine bin that cell i's disc, grown by NEAR_PAD, touches (bins grown
 * by NEAR_PAD too): the distance from the centre to the bin's rectangle is below r + NEAR_PAD.
 */
function markNear(g: Grid, m: Model, i: number): void {
  const c = m.cells;
  const t = c.tissue[i];
  const fs = 1 / g.fineInv[t];
  const x = c.x[i];
  const y = c.y[i];
  const reach = c.radius[i] + NEAR_PAD;
  const cols = g.fineCols[t];
  const x0 = Math.max(0, Math.floor((x - reach) * g.fineInv[t]) - 1);
  const x1 = Math.min(cols - 1, Math.floor((x + reach) * g.fineInv[t]) + 1);
  const y0 = Math.max(0, Math.floor((y - reach) * g.fineInv[t]) - 1);
  const y1 = Math.min(g.fineRows[t] - 1, Math.floor((y + reach) * g.fineInv[t]) + 1);
  for (let by = y0; by <= y1; by++) {
    const dy = Math.max(by * fs - NEAR_PAD - y, 0, y - (by + 1) * fs - NEAR_PAD);
    for (let bx = x0; bx <= x1; bx++) {
      const dx = Math.max(bx * fs - NEAR_PAD - x, 0, x - (bx + 1) * fs - NEAR_PAD);
      if (dx * dx + dy * dy >= reach * reach) continue;
      const b = g.fineOffset[t] + by * cols + bx;
      g.near[b >>> 5] |= 1 << (b & 31);
    }
  }
}

/** Visits every bin that cell i's disc overlaps. */
function forEachBin(g: Grid, m: Model, i: number, visit: (bin: number) => void): void {
  const c = m.cells;
  const t = c.tissue[i];
  const inv = g.inv[t];
  const r = c.radius[i];
  const x0 = Math.max(0, Math.floor((c.x[i] - r) * inv));
  const x1 = Math.min(g.cols[t] - 1, Math.floor((c.x[i] + r) * inv));
  const y0 = Math.max(0, Math.floor((c.y[i] - r) * inv));
  const y1 = Math.min(g.rows[t] - 1, Math.floor((c.y[i] + r) * inv));
  for (let by = y0; by <= y1; by++) for (let bx = x0; bx <= x1; bx++) visit(g.offset[t] + by * g.cols[t] + bx);
}

/** Refills the grid from the cells' current positions (live cells only). */
export function rebuildGrid(g: Grid, m: Model): void {
  const start = g.binStart;
  start.fill(0);
  const n = m.cells.count;
  const dead = m.cells.dead;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (dead[i]) continue;
    forEachBin(g, m, i, (b) => {
      start[b + 1]++;
      total++;
    });
  }
  for (let b = 0; b + 1 < start.length; b++) start[b + 1] += start[b];
  if (g.items.length < total) g.items = new Int32Array(Math.max(total, g.items.length * 2));
  const occupied = g.occupied;
  occupied.fill(0);
  for (let b = 0; b + 1 < start.length; b++) if (start[b + 1] > start[b]) occupied[b >>> 5] |= 1 << (b & 31);
  g.near.fill(0);
  for (let i = 0; i < n; i++) if (!dead[i]) markNear(g, m, i);
  const fill = start.slice(0, start.length - 1);
  for (let i = 0; i < n; i++) {
    if (dead[i]) continue;
    forEachBin(g, m, i, (b) => {
      g.items[fill[b]++] = i;
    });
  }
}

/** Index of the first live cell (other than `skip`) whose disc, grown by `pad`, holds (x, y) in tissue t, or NO_CELL. */
export function cellAt(g: Grid, m: Model, t: number, x: number, y: number, pad: number, skip = NO_CELL): number {
  const bx = Math.floor(x * g.inv[t]);
  const by = Math.floor(y * g.inv[t]);
  if (bx < 0 || by < 0 || bx >= g.cols[t] || by >= g.rows[t]) return NO_CELL;
  const b = g.offset[t] + by * g.cols[t] + bx;
  const c = m.cells;
  for (let k = g.binStart[b]; k < g.binStart[b + 1]; k++) {
    const j = g.items[k];
    if (j === skip || c.dead[j]) continue;
    const dx = c.x[j] - x;
    const dy = c.y[j] - y;
    const r = c.radius[j] + pad;
    if (dx * dx + dy * dy < r * r) return j;
  }
  return NO_CELL;
}

export const gridRule: Rule<'grid'> = { name: 'grid', init: createGrid, run: (m) => rebuildGrid(m.tables.grid, m) };
