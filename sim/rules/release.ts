// Release: each live cell emits a Poisson number of vesicle packets per step for each of its
// type's release entries that is active in its current state, scaled by (1 − releaseInhibition).
// Packets appear just outside the cell's membrane at a random angle. When the vesicle
// capacity is full, release pauses and the run says so.
import type { Model } from '../model';
import type { Rule } from '../rule';
import { PoissonTable } from '../random';
import { RIM_ANGLES, RIM_COS, RIM_SIN } from './geometry';

export interface ReleaseTable {
  /** sources[cellType][state] = list of (vesicle type, Poisson table). */
  sources: { type: number; poisson: PoissonTable }[][][];
}

export function initRelease(m: Model): ReleaseTable {
  const s = m.scenario;
  const sources = m.index.cellTypes.map((ctId) => {
    const ct = s.cellTypes[ctId];
    return ct.states.map((state) =>
      ct.release
        .filter((r) => !r.states || r.states.includes(state))
        .map((r) => ({
          type: m.index.vesicleTypes.indexOf(r.vesicleType),
          poisson: new PoissonTable(((r.perHour * m.dt) / 3600 / s.vesiclesPerDot) * (1 - ct.releaseInhibition)),
        }))
        .filter((r) => r.poisson.mean > 0),
    );
  });
  return { sources };
}

export function release(m: Model): void {
  const { cells, vesicles } = m;
  const rng = m.rng.release;
  const sources = m.tables.release.sources;
  const tissues = m.tables.tissues;
  let paused = false;
  const n = cells.count;
  for (let i = 0; i < n; i++) {
    if (cells.dead[i]) continue;
    const list = sources[cells.type[i]][cells.state[i]];
    for (let e = 0; e < list.length; e++) {
      let k = list[e].poisson.sample(rng);
      if (k === 0) continue;
      const room = vesicles.room();
      if (k > room) {
        k = room;
        paused = true;
      }
      if (k === 0) continue;
      vesicles.reserve(k);
      const t = cells.tissue[i];
      const r = cells.radius[i] + 0.05;
      const w = tissues.width[t];
      const h = tissues.height[t];
      for (let j = 0; j < k; j++) {
        const a = rng.below(RIM_ANGLES);
        const x = Math.min(w, Math.max(0, cells.x[i] + r * RIM_COS[a]));
        const y = Math.min(h, Math.max(0, cells.y[i] + r * RIM_SIN[a]));
        vesicles.push(x, y, t, list[e].type, cells.id[i], m.tick);
      }
      m.ledger.released += k;
    }
  }
  if (paused) {
    m.pausedSteps.release++;
    if (m.pausedSteps.release === 1)
      m.warnings.push({
        tick: m.tick,
        code: 'vesicleCapacity',
        message: `vesicle capacity of ${vesicles.limit} packets reached: release pauses until packets are cleared`,
      });
  }
}

export const releaseRule: Rule<'release'> = { name: 'release', init: initRelease, run: release };
