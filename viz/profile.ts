// Profiles against distance, computed from a frame (pure, no DOM): for each cell of one type,
// the distance to the nearest cell of another type, and the fraction of those cells in a given
// state per distance bin — "suppressed T cells by distance from the tumour".
import { quadtree, type Quadtree } from 'd3';
import type { Frame } from '../sim/frame';

export interface DistanceBin {
  /** Centre of the bin, µm. */
  distance: number;
  /** Share of the bin's cells in the counted state, 0–1 (0 when the bin is empty). */
  fraction: number;
  /** Cells of the profiled type in this bin. */
  n: number;
}

export interface ProfileOptions {
  /** Index of the cell type whose states are counted. */
  cellType: number;
  /** Index of the counted state within that type's states. */
  state: number;
  /** Index of the cell type distance is measured from. */
  fromType: number;
  /** Bin width, µm (> 0). */
  binWidth: number;
  /** Cells farther than this from every `fromType` cell are left out, µm. */
  maxDistance: number;
  /** Only this tissue (index); all tissues when omitted, each measured within itself. */
  tissue?: number;
}

/**
 * Bins [0, binWidth), [binWidth, 2·binWidth) … up to maxDistance of centre-to-centre distance
 * from each `cellType` cell to the nearest `fromType` cell of the same tissue (the cell itself
 * excluded when the two types are the same). Tissues without a `fromType` cell contribute nothing.
 * Always returns every bin, in order, with finite numbers.
 */
export function profileByDistance(frame: Frame, opts: ProfileOptions): DistanceBin[] {
  const width = Number.isFinite(opts.binWidth) && opts.binWidth > 0 ? opts.binWidth : 1;
  const maxD = Number.isFinite(opts.maxDistance) && opts.maxDistance > 0 ? opts.maxDistance : 0;
  const nb = Math.min(10_000, Math.ceil(maxD / width));
  const n = new Array<number>(nb).fill(0);
  const hit = new Array<number>(nb).fill(0);
  const c = frame.cells;
  const count = Math.min(c.count, c.x.length, c.y.length, c.type.length, c.state.length, c.tissue.length);

  // One quadtree of `fromType` cells per tissue.
  const trees = new Map<number, Quadtree<number>>();
  for (let i = 0; i < count; i++) {
    if (c.type[i] !== opts.fromType) continue;
    if (opts.tissue !== undefined && c.tissue[i] !== opts.tissue) continue;
    let tree = trees.get(c.tissue[i]);
    if (!tree) {
      tree = quadtree<number>()
        .x((j) => c.x[j])
        .y((j) => c.y[j]);
      trees.set(c.tissue[i], tree);
    }
    tree.add(i);
  }
  const same = opts.cellType === opts.fromType;

  for (let i = 0; i < count; i++) {
    if (c.type[i] !== opts.cellType) continue;
    if (opts.tissue !== undefined && c.tissue[i] !== opts.tissue) continue;
    const tree = trees.get(c.tissue[i]);
    if (!tree) continue;
    let d: number;
    if (same) {
      // Nearest other cell: take it out, ask, put it back.
      tree.remove(i);
      const j = tree.find(c.x[i], c.y[i], maxD);
      tree.add(i);
      if (j === undefined) continue;
      d = Math.hypot(c.x[j] - c.x[i], c.y[j] - c.y[i]);
    } else {
      const j = tree.find(c.x[i], c.y[i], maxD);
      if (j === undefined) continue;
      d = Math.hypot(c.x[j] - c.x[i], c.y[j] - c.y[i]);
    }
    if (!(d < maxD)) continue;
    const b = Math.min(nb - 1, Math.floor(d / width));
    n[b]++;
    if (c.state[i] === opts.state) hit[b]++;
  }

  return n.map((k, b) => ({
    distance: (b * width + Math.min((b + 1) * width, maxD)) / 2,
    fraction: k > 0 ? hit[b] / k : 0,
    n: k,
  }));
}

/** Bands with fewer cells than this show a pale bar: one or two cells make 0 % or 100 % by chance. */
export const MIN_TRUSTED_CELLS = 3;

/** How much a band's bar can be trusted: no cells, too few cells, or enough. */
export type BandStatus = 'empty' | 'few' | 'ok';

export function bandStatus(n: number): BandStatus {
  if (!(n > 0)) return 'empty';
  return n < MIN_TRUSTED_CELLS ? 'few' : 'ok';
}

/**
 * Joins every `k` neighbouring bins into one (a shorter remainder at the end joins the last full
 * group, so no bar is narrower than the others): cells add up, the fraction is the joint share of
 * counted cells, the centre is the middle of the joined span.
 * k ≤ 1 (or not finite) returns the bins unchanged.
 */
export function mergeBins(bins: DistanceBin[], k: number): DistanceBin[] {
  const g = Number.isFinite(k) ? Math.floor(k) : 1;
  if (g <= 1 || bins.length <= 1) return bins.slice();
  const e = binEdges(bins);
  const out: DistanceBin[] = [];
  const full = Math.max(1, Math.floor(bins.length / g));
  for (let q = 0; q < full; q++) {
    const i = q * g;
    const part = bins.slice(i, q === full - 1 ? bins.length : i + g);
    const n = part.reduce((a, b) => a + b.n, 0);
    const hits = part.reduce((a, b) => a + Math.round(b.fraction * b.n), 0);
    const x0 = e[i].x0;
    const x1 = e[i + part.length - 1].x1;
    out.push({ distance: (x0 + x1) / 2, fraction: n > 0 ? hits / n : 0, n });
  }
  return out;
}

/**
 * The edges of contiguous bins from their centres, walking up from the first: each bin ends as
 * far past its centre as it starts before it, so a narrower last bin keeps its true end. The
 * first bin starts half the first spacing before its centre (never below 0).
 */
export function binEdges(bins: DistanceBin[]): { x0: number; x1: number }[] {
  const out: { x0: number; x1: number }[] = [];
  let x0 = 0;
  for (let i = 0; i < bins.length; i++) {
    const c = bins[i].distance;
    const next = i + 1 < bins.length ? bins[i + 1].distance : NaN;
    if (i === 0) x0 = Math.max(0, c - (Number.isFinite(next) ? (next - c) / 2 : Math.max(1, c)));
    let x1 = 2 * c - x0;
    // Centres that are not contiguous bins: fall back to the midpoint with the next one.
    if (!(x1 > c) || (Number.isFinite(next) && !(x1 < next))) x1 = Number.isFinite(next) ? (c + next) / 2 : c + Math.max(1, c - x0);
    out.push({ x0, x1 });
    x0 = x1;
  }
  return out;
}

/**
 * The smallest whole number of bins to join so that each bar is at least `minBarPx` wide, given
 * `count` bins across `plotPx` pixels (1 when they already fit; never more than `count`).
 */
export function binsPerBar(count: number, plotPx: number, minBarPx: number): number {
  if (!(count > 1) || !(plotPx > 0) || !(minBarPx > 0)) return 1;
  const barPx = plotPx / count;
  return Math.max(1, Math.min(count, Math.ceil(minBarPx / barPx)));
}
