// Following one vesicle packet: packets have no id, so one is known by its origin cell, birth
// step and type, and found again after each step as the nearest packet with that key. When it
// is gone, its fate is judged from where it was last seen (a cell that just took one up, a vessel).
import { NO_CELL, type Model } from '../sim/index';
import type { Fate, FollowReport } from './protocol';

/** Most path points kept; longer paths are thinned by half. */
const MAX_POINTS = 1500;

/** The free packet nearest to (x, y) in a tissue within maxDist µm, or -1. */
export function vesicleNear(m: Model, tissue: number, x: number, y: number, maxDist: number): number {
  const v = m.vesicles;
  let best = -1;
  let bestD = maxDist * maxDist;
  for (let i = 0; i < v.count; i++) {
    if (v.tissue[i] !== tissue) continue;
    const dx = v.x[i] - x;
    const dy = v.y[i] - y;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** The newest packet released by a cell (any cell when id is undefined), or -1. */
export function newestVesicle(m: Model, cellId?: number): number {
  const v = m.vesicles;
  for (let i = v.count - 1; i >= 0; i--) if (cellId === undefined ? v.originCell[i] !== NO_CELL : v.originCell[i] === cellId) return i;
  return v.count - 1;
}

export class Follower {
  private index: number;
  private readonly origin: number;
  private readonly born: number;
  private readonly type: number;
  private readonly tissue: number;
  private x: number;
  private y: number;
  private path: number[] = [];
  private fate: Fate = 'free';
  private fateText = 'still free in the tissue';
  private takenBy?: number;
  private endTick?: number;

  constructor(m: Model, index: number) {
    const v = m.vesicles;
    this.index = index;
    this.origin = v.originCell[index];
    this.born = v.born[index];
    this.type = v.type[index];
    this.tissue = v.tissue[index];
    this.x = v.x[index];
    this.y = v.y[index];
    this.path.push(this.x, this.y);
  }

  get ended(): boolean {
    return this.fate !== 'free';
  }

  /** Finds the packet again after one step; records its position, or its fate when it is gone. */
  afterStep(m: Model): void {
    if (this.ended) return;
    const v = m.vesicles;
    const top = Math.min(this.index, v.count - 1);
    let best = -1;
    let bestD = Infinity;
    // Compaction keeps order, so the packet's index can only fall.
    for (let i = top; i >= 0; i--) {
      if (v.born[i] !== this.born || v.originCell[i] !== this.origin || v.type[i] !== this.type || v.tissue[i] !== this.tissue) continue;
      const dx = v.x[i] - this.x;
      const dy = v.y[i] - this.y;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best >= 0) {
      this.index = best;
      this.x = v.x[best];
      this.y = v.y[best];
      this.path.push(this.x, this.y);
      if (this.path.length > 2 * MAX_POINTS) this.path = this.path.filter((_, k) => k % 4 < 2);
      return;
    }
    this.judgeFate(m);
  }

  private judgeFate(m: Model): void {
    this.endTick = m.tick;
    const c = m.cells;
    const reach = 3 * m.tables.diffusion.halfStep[this.tissue] * m.tables.diffusion.substeps[this.tissue] + 1;
    let cell = NO_CELL;
    let cellD = Infinity;
    for (let j = 0; j < c.count; j++) {
      if (c.tissue[j] !== this.tissue || c.lastUptake[j] !== m.tick - 1) continue;
      const dx = c.x[j] - this.x;
      const dy = c.y[j] - this.y;
      const d = Math.sqrt(dx * dx + dy * dy) - c.radius[j];
      if (d < reach && d < cellD) {
        cellD = d;
        cell = j;
      }
    }
    const name = (j: number) => m.scenario.cellTypes[m.index.cellTypes[c.type[j]]].name;
    if (cell !== NO_CELL) {
      this.fate = 'taken up';
      this.takenBy = c.id[cell];
      this.fateText = `taken up by ${name(cell)} #${c.id[cell]}`;
      return;
    }
    const f = m.tables.fate;
    for (let k = f.start[this.tissue]; k < f.start[this.tissue + 1]; k++) {
      if (this.x >= f.x0[k] - reach && this.x <= f.x1[k] + reach && this.y >= f.y0[k] - reach && this.y <= f.y1[k] + reach) {
        this.fate = 'entered the blood';
        this.fateText = 'entered a blood vessel and left the tissue';
        return;
      }
    }
    this.fate = 'broken down';
    this.fateText = 'broken down in the tissue (vesicles decay with the tissue half-life)';
  }

  report(m: Model): FollowReport {
    const s = m.scenario;
    const vtId = m.index.vesicleTypes[this.type];
    const vt = s.vesicleTypes[vtId];
    const amounts = (rec: Record<string, number>) => Object.entries(rec).map(([id, value]) => ({ id, name: s.signals[id]?.name ?? id, value }));
    const j = this.origin !== NO_CELL ? m.cells.indexOf(this.origin) : NO_CELL;
    return {
      vesicleType: vtId,
      typeName: vt.name,
      labels: vt.labels.map((l) => s.labels[l]?.name ?? l),
      cargo: amounts(vt.cargo),
      onBind: amounts(vt.onBind),
      originCell: this.origin,
      originTypeName: this.origin === NO_CELL ? 'injected (no cell)' : j !== NO_CELL ? s.cellTypes[m.index.cellTypes[m.cells.type[j]]].name : 'a cell that has since died',
      bornHours: (this.born * m.dt) / 3600,
      tissue: s.tissues[m.index.tissues[this.tissue]].name,
      tissueIndex: this.tissue,
      path: this.path.slice(),
      fate: this.fate,
      fateText: this.fateText,
      takenBy: this.takenBy,
      endHours: this.endTick === undefined ? undefined : (this.endTick * m.dt) / 3600,
    };
  }
}
