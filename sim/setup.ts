// Setting the scene: places each tissue's cells (uniformly in a region or a cluster disc,
// without overlap) from the 'setup' random stream; the overlap test asks the cell bins, so
// placing n cells takes time near n, not n².
import type { Model } from './model';
import type { Stream } from './random';
import { NO_CELL } from './state';
import { crowded, indexCells, insertCell, type CellBins } from './cellBins';

/** Tries per cell before giving up on finding free room. */
const PLACE_TRIES = 200;

/** Cells between two progress reports of a placement (a power of two). */
const PROGRESS_EVERY = 1024;

export interface Area {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** When set, a disc (cx, cy, r) instead of the rectangle. */
  disc?: { cx: number; cy: number; r: number };
}

/** Gap kept between the membranes of placed cells (µm). */
const PLACE_GAP = 0.5;

/** The cell bins with every live cell in, and a search reach covering every cell's radius. */
function placementBins(m: Model): CellBins {
  const b = indexCells(m);
  const c = m.cells;
  for (let j = 0; j < c.count; j++) if (!c.dead[j] && c.radius[j] > b.rmax) b.rmax = c.radius[j];
  return b;
}

/** Places up to `count` cells of a type in an area; returns how many found room. */
export function placeCells(m: Model, rng: Stream, tissue: number, type: number, state: number, count: number, area: Area, onProgress?: (placed: number) => void): number {
  const r = m.scenario.cellTypes[m.index.cellTypes[type]].radius;
  const bins = placementBins(m);
  if (r > bins.rmax) bins.rmax = r;
  const w = m.tables.tissues.width[tissue];
  const h = m.tables.tissues.height[tissue];
  let placed = 0;
  for (let k = 0; k < count; k++) {
    for (let tries = 0; tries < PLACE_TRIES; tries++) {
      let x: number;
      let y: number;
      if (area.disc) {
        const { cx, cy, r: R } = area.disc;
        x = cx + R * (2 * rng.next() - 1);
        y = cy + R * (2 * rng.next() - 1);
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > R * R) continue;
      } else {
        x = area.x0 + rng.next() * (area.x1 - area.x0);
        y = area.y0 + rng.next() * (area.y1 - area.y0);
      }
      if (x < r || y < r || x > w - r || y > h - r) continue;
      if (crowded(bins, m, tissue, x, y, r, PLACE_GAP)) continue;
      const i = m.cells.add(x, y, r, type, state, tissue, m.tick);
      if (i === NO_CELL) return placed;
      insertCell(bins, m, i);
      placed++;
      break;
    }
    if (onProgress && (k & (PROGRESS_EVERY - 1)) === PROGRESS_EVERY - 1) onProgress(k + 1);
  }
  return placed;
}

/** Places every tissue's cells as the scenario describes; returns notes about cells that found no room. */
export function setScene(m: Model, onProgress?: (done: number, total: number) => void): string[] {
  const notes: string[] = [];
  let total = 0;
  for (const tId of m.index.tissues) for (const p of m.scenario.tissues[tId].cells) total += p.count;
  let before = 0;
  m.index.tissues.forEach((tId, t) => {
    const tissue = m.scenario.tissues[tId];
    for (const p of tissue.cells) {
      const type = m.index.cellTypes.indexOf(p.type);
      const ct = m.scenario.cellTypes[p.type];
      const state = p.state === undefined ? 0 : ct.states.indexOf(p.state);
      const area: Area = p.cluster
        ? { x0: 0, y0: 0, x1: 0, y1: 0, disc: { cx: p.cluster.x, cy: p.cluster.y, r: p.cluster.radius } }
        : p.region
          ? { x0: p.region.x, y0: p.region.y, x1: p.region.x + p.region.width, y1: p.region.y + p.region.height }
          : { x0: 0, y0: 0, x1: tissue.width, y1: tissue.height };
      const placed = placeCells(m, m.rng.setup, t, type, state, p.count, area, onProgress && ((k) => onProgress(before + k, total)));
      before += p.count;
      onProgress?.(before, total);
      if (placed < p.count) notes.push(`${tId}: only ${placed} of ${p.count} ${p.type} cells found room`);
    }
  });
  return notes;
}
