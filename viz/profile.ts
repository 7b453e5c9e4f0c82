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
