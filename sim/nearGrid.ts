// The fine grid's marks for diffusion's cell check (the fine bins are laid out in grid.ts):
// which fine bins a listed cell's disc comes near, and the one cell when there is only one, so
// that most sub-steps skip the bin walk and most of the rest test a single cell. Built only when
// the cells changed and the step's packets are many enough to pay for it.
import type { Model } from './model';
import { binRange, type Grid } from './grid';

/**
 * How far (µm) beyond a disc its fine bins are still marked: far more than the rounding of the
 * disc test (coordinates of at most ~10⁵ µm are off by ~10⁻¹¹ µm), so a clear bit is certain.
 */
const NEAR_PAD = 1e-3;

/**
 * Marking costs about as much per fine bin as the check saves per sub-step of a packet, and a
 * build may serve one step only (when cells move every step): build when the step's sub-step
 * updates are at least `worth` times the fine bins to mark. No result depends on it (tests set 0
 * or Infinity to take one way or the other throughout).
 */
export const nearGridSettings = { worth: 4 };

/**
 * Marks the fine bins, within the bins that list cell i, that its disc grown by NEAR_PAD touches
 * (the distance from its centre to the fine bin's rectangle, grown by NEAR_PAD, is below r +
 * NEAR_PAD). Only those bins: diffusion's bin walk meets cell i nowhere else, so for a packet in
 * an unmarked fine bin the walk would certainly find no cell, and in a fine bin marked by one cell
 * alone, that cell is the only one the walk could find.
 */
function markNear(g: Grid, m: Model, i: number): void {
  const c = m.cells;
  const t = c.tissue[i];
  const k = g.fineShift;
  const fs = 1 / g.fineInv[t];
  const x = c.x[i];
  const y = c.y[i];
  const reach = c.radius[i] + NEAR_PAD;
  const reach2 = reach * reach;
  const cols = g.fineCols[t];
  const base = g.fineOffset[t];
  const near = g.near;
  const nearCell = g.nearCell;
  const [x0, x1, y0, y1] = binRange(g, m, i);
  for (let fy = y0 << k; fy < (y1 + 1) << k; fy++) {
    const dy = Math.max(fy * fs - NEAR_PAD - y, 0, y - (fy + 1) * fs - NEAR_PAD);
    for (let fx = x0 << k; fx < (x1 + 1) << k; fx++) {
      const dx = Math.max(fx * fs - NEAR_PAD - x, 0, x - (fx + 1) * fs - NEAR_PAD);
      if (dx * dx + dy * dy >= reach2) continue;
      const f = base + fy * cols + fx;
      // The first cell to mark a bin is its cell; a second makes it a bin of several.
      const bit = 1 << (f & 31);
      nearCell[f] = near[f >>> 5] & bit ? -2 : i;
      near[f >>> 5] |= bit;
    }
  }
}

/**
 * Readies the fine grid for a diffusion pass of `work` sub-step updates. Returns true when near
 * and nearCell are built for the cells as they are; false when marking would cost more than it
 * saves: then every near bit is set and nearCell must not be read (diffusion walks the bins).
 */
export function prepareNear(g: Grid, m: Model, work: number): boolean {
  if (g.nearBuilt) return true;
  if (!(work >= nearGridSettings.worth * (g.listed << (2 * g.fineShift)))) {
    g.near.fill(-1);
    return false;
  }
  g.near.fill(0);
  const dead = m.cells.dead;
  for (let i = 0; i < m.cells.count; i++) if (!dead[i]) markNear(g, m, i);
  g.nearBuilt = true;
  return true;
}
