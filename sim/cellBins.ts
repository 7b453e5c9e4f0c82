// Where the cells are right now, for cell–cell questions during cell behaviour (is there room
// here? which targets touch this killer?): each live cell sits in the bin of its centre, in a
// doubly linked list, and changes bin the moment it moves or is born, so answers never lag.
// (The vesicle grid in grid.ts lists each cell in every bin its disc covers and is rebuilt once
// per step; a cell that moved or was born since then is not where that grid says.)
import type { Model } from './model';
import type { Grid } from './grid';

export interface CellBins {
  /** Largest cell radius of the scenario (µm): how far a disc can reach past its centre's bin. */
  rmax: number;
  /** First cell of each bin (same bin layout as the vesicle grid), or -1. */
  head: Int32Array;
  next: Int32Array;
  prev: Int32Array;
  /** The bin each indexed cell sits in. */
  bin: Int32Array;
}

/** One set of arrays per grid (a new grid comes with every parameter change). */
const reuse = new WeakMap<Grid, CellBins>();

function binOf(g: Grid, t: number, x: number, y: number): number {
  let bx = Math.floor(x * g.inv[t]);
  let by = Math.floor(y * g.inv[t]);
  if (bx < 0) bx = 0;
  else if (bx >= g.cols[t]) bx = g.cols[t] - 1;
  if (by < 0) by = 0;
  else if (by >= g.rows[t]) by = g.rows[t] - 1;
  return g.offset[t] + by * g.cols[t] + bx;
}

function fit(b: CellBins, n: number): void {
  if (b.next.length >= n) return;
  const cap = Math.max(n, 2 * b.next.length);
  const grow = (a: Int32Array) => {
    const out = new Int32Array(cap);
    out.set(a);
    return out;
  };
  b.next = grow(b.next);
  b.prev = grow(b.prev);
  b.bin = grow(b.bin);
}

/** Indexes every live cell at its current position (called once per step, before cells act). */
export function indexCells(m: Model): CellBins {
  const g = m.tables.grid;
  let b = reuse.get(g);
  if (!b) {
    let rmax = 0;
    for (const id of m.index.cellTypes) rmax = Math.max(rmax, m.scenario.cellTypes[id].radius);
    b = { rmax, head: new Int32Array(g.offset[g.offset.length - 1]), next: new Int32Array(0), prev: new Int32Array(0), bin: new Int32Array(0) };
    reuse.set(g, b);
  }
  const c = m.cells;
  b.head.fill(-1);
  fit(b, c.capacity);
  for (let i = 0; i < c.count; i++) if (!c.dead[i]) insertCell(b, m, i);
  return b;
}

/** Adds cell i (just born or placed) at its current position. */
export function insertCell(b: CellBins, m: Model, i: number): void {
  const c = m.cells;
  fit(b, i + 1);
  const k = binOf(m.tables.grid, c.tissue[i], c.x[i], c.y[i]);
  const first = b.head[k];
  b.bin[i] = k;
  b.prev[i] = -1;
  b.next[i] = first;
  if (first >= 0) b.prev[first] = i;
  b.head[k] = i;
}

/** Moves cell i to (x, y) and into the bin there. */
export function moveCell(b: CellBins, m: Model, i: number, x: number, y: number): void {
  const c = m.cells;
  c.x[i] = x;
  c.y[i] = y;
  const k = binOf(m.tables.grid, c.tissue[i], x, y);
  if (k === b.bin[i]) return;
  const p = b.prev[i];
  const n = b.next[i];
  if (p >= 0) b.next[p] = n;
  else b.head[b.bin[i]] = n;
  if (n >= 0) b.prev[n] = p;
  insertCell(b, m, i);
}

/**
 * The one walk over the bins near a disc: calls hit(j, d2) for every live cell j other than `skip`
 * in tissue t whose disc comes within `pad` of the disc (x, y, r) — d2 is the squared distance of
 * the centres — in bin order, and stops at the first hit that returns true (then so does this).
 * The reach is r + radius + pad, summed in that order (exact either way: the sum of two numbers
 * does not depend on their order, and adding a pad of 0 changes nothing).
 */
function someNear(b: CellBins, m: Model, t: number, x: number, y: number, r: number, pad: number, skip: number, hit: (j: number, d2: number) => boolean): boolean {
  const g = m.tables.grid;
  const c = m.cells;
  const span = r + b.rmax + pad;
  const inv = g.inv[t];
  const x0 = Math.max(0, Math.floor((x - span) * inv));
  const x1 = Math.min(g.cols[t] - 1, Math.floor((x + span) * inv));
  const y0 = Math.max(0, Math.floor((y - span) * inv));
  const y1 = Math.min(g.rows[t] - 1, Math.floor((y + span) * inv));
  for (let by = y0; by <= y1; by++)
    for (let bx = x0; bx <= x1; bx++)
      for (let j = b.head[g.offset[t] + by * g.cols[t] + bx]; j >= 0; j = b.next[j]) {
        if (j === skip || c.dead[j]) continue;
        const dx = c.x[j] - x;
        const dy = c.y[j] - y;
        const reach = r + c.radius[j] + pad;
        const d2 = dx * dx + dy * dy;
        if (d2 < reach * reach && hit(j, d2)) return true;
      }
  return false;
}

/**
 * Calls visit(j, gap) for every live cell j other than `skip` in tissue t whose membrane lies
 * less than `pad` from the disc (x, y, r) (gap = distance between membranes, negative when the
 * discs overlap). Visiting order follows the bins and is not meaningful.
 */
export function forEachNear(b: CellBins, m: Model, t: number, x: number, y: number, r: number, pad: number, skip: number, visit: (j: number, gap: number) => void): void {
  const radius = m.cells.radius;
  someNear(b, m, t, x, y, r, pad, skip, (j, d2) => {
    visit(j, Math.sqrt(d2) - r - radius[j]);
    return false;
  });
}

const anyHit = () => true;

/** True when a disc of radius r at (x, y) lies inside tissue t and overlaps no live cell other than `skip`. */
export function roomFor(b: CellBins, m: Model, t: number, x: number, y: number, r: number, skip: number): boolean {
  if (x < r || y < r || x > m.tables.tissues.width[t] - r || y > m.tables.tissues.height[t] - r) return false;
  return !someNear(b, m, t, x, y, r, 0, skip, anyHit);
}

/**
 * True when a live cell of tissue t comes within `pad` of the disc (x, y, r): the very test of
 * scanning every cell of the tissue (same arithmetic, same answer), over the nearby bins only.
 */
export function crowded(b: CellBins, m: Model, t: number, x: number, y: number, r: number, pad: number): boolean {
  return someNear(b, m, t, x, y, r, pad, -1, anyHit);
}
