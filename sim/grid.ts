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
  /**
   * A finer grid over the same tissues, 2^fineShift bins per bin edge, for diffusion's cell check
   * (sim/nearGrid.ts): near has one bit per fine bin, set when a cell listed in the bin's (coarse)
   * bin comes within NEAR_PAD of it; nearCell is that cell when it is the only one, −2 when there
   * are several, −1 when there is none.
   */
  fineShift: number;
  fineInv: Float64Array;
  fineCols: Int32Array;
  fineRows: Int32Array;
  fineOffset: Int32Array;
  near: Int32Array;
  nearCell: Int32Array;
  /** How many (cell, bin) pairs the bins list; whether near and nearCell are built for the cells as they are now. */
  listed: number;
  nearBuilt: boolean;
  /** What the grid was last built from: per cell x, y, radius, tissue and dead, and the cell count (−1: never built). */
  seen: Float64Array;
  seenCount: number;
}

/** Fine bins per bin edge are 2^FINE_SHIFT (fewer when they would pass MAX_FINE_BINS). */
const FINE_SHIFT = 3;
/** At most this many fine bins over all tissues, so their bits (32 kB) stay in the L1 cache. */
const MAX_FINE_BINS = 262_144;

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
  let fineShift = FINE_SHIFT;
  while (fineShift > 0 && offset[nT] << (2 * fineShift) > MAX_FINE_BINS) fineShift--;
  // A power of two, so that fine = 2^k · coarse (nx · fineInv is exactly 2^k · (nx · inv)) and a
  // fine bin's coarse bin is its column and row shifted right by k, with no rounding question.
  const fine = 1 << fineShift;
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
    fineShift,
    fineInv,
    fineCols,
    fineRows,
    fineOffset,
    near: new Int32Array((fineOffset[nT] + 31) >>> 5),
    nearCell: new Int32Array(fineOffset[nT]),
    listed: 0,
    nearBuilt: false,
    seen: new Float64Array(0),
    seenCount: -1,
  };
}

/** The columns x0..x1 and rows y0..y1 of the bins that cell i's disc overlaps (clamped to its tissue). */
export function binRange(g: Grid, m: Model, i: number): [number, number, number, number] {
  const c = m.cells;
  const t = c.tissue[i];
  const inv = g.inv[t];
  const r = c.radius[i];
  return [
    Math.max(0, Math.floor((c.x[i] - r) * inv)),
    Math.min(g.cols[t] - 1, Math.floor((c.x[i] + r) * inv)),
    Math.max(0, Math.floor((c.y[i] - r) * inv)),
    Math.min(g.rows[t] - 1, Math.floor((c.y[i] + r) * inv)),
  ];
}

/** Visits every bin that cell i's disc overlaps. */
function forEachBin(g: Grid, m: Model, i: number, visit: (bin: number) => void): void {
  const t = m.cells.tissue[i];
  const [x0, x1, y0, y1] = binRange(g, m, i);
  for (let by = y0; by <= y1; by++) for (let bx = x0; bx <= x1; bx++) visit(g.offset[t] + by * g.cols[t] + bx);
}

/**
 * Whether the cells are as they were when the grid was last built (the grid is a function of each
 * cell's position, radius, tissue and death alone); if not, notes them as they are now.
 */
function unchanged(g: Grid, m: Model): boolean {
  const c = m.cells;
  const n = c.count;
  let same = n === g.seenCount;
  if (g.seen.length < 5 * n) g.seen = new Float64Array(Math.max(5 * n, 2 * g.seen.length));
  const seen = g.seen;
  for (let i = 0, k = 0; i < n; i++, k += 5) {
    const x = c.x[i];
    const y = c.y[i];
    const r = c.radius[i];
    const t = c.tissue[i];
    const d = c.dead[i];
    if (same && seen[k] === x && seen[k + 1] === y && seen[k + 2] === r && seen[k + 3] === t && seen[k + 4] === d) continue;
    same = false;
    seen[k] = x;
    seen[k + 1] = y;
    seen[k + 2] = r;
    seen[k + 3] = t;
    seen[k + 4] = d;
  }
  g.seenCount = n;
  return same;
}

/** Refills the grid from the cells' current positions (live cells only), unless no cell moved, grew, was born or died. */
export function rebuildGrid(g: Grid, m: Model): void {
  if (unchanged(g, m)) return;
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
  g.listed = total;
  g.nearBuilt = false;
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
