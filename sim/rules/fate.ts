// Tissue fates of free packets: degradation (constant hazard from the tissue half-life) and
// intravasation (a packet over a vessel rectangle enters the blood with the vessel's chance).
import type { Model } from '../model';
import type { Rule } from '../rule';
import { REMOVED } from '../state';
import { chanceIn } from '../random';
import { pow } from '../exactMath';

export interface FateTable {
  /** Chance per step of decaying, per tissue. */
  decay: Float64Array;
  /** Vessel rectangles: tissue t owns vessels start[t]..start[t+1]. */
  start: Int32Array;
  x0: Float64Array;
  y0: Float64Array;
  x1: Float64Array;
  y1: Float64Array;
  enter: Float64Array;
}

export function initFate(m: Model): FateTable {
  const ids = m.index.tissues;
  const start = new Int32Array(ids.length + 1);
  const rects: number[][] = [];
  ids.forEach((id, t) => {
    for (const v of m.scenario.tissues[id].vessels)
      rects.push([v.x, v.y, v.x + v.width, v.y + v.height, 1 - pow(1 - v.entryPerMinute, m.dt / 60)]);
    start[t + 1] = rects.length;
  });
  const col = (k: number) => Float64Array.from(rects.map((r) => r[k]));
  return {
    decay: Float64Array.from(ids.map((id) => chanceIn(Math.LN2 / (m.scenario.tissues[id].halfLifeHours * 3600), m.dt))),
    start,
    x0: col(0),
    y0: col(1),
    x1: col(2),
    y1: col(3),
    enter: col(4),
  };
}

const U32 = 1 / 4294967296;

export function tissueFates(m: Model): void {
  const v = m.vesicles;
  const n = v.count;
  const T = v.tissue;
  const X = v.x;
  const Y = v.y;
  const { decay, start, x0, y0, x1, y1, enter } = m.tables.fate;
  const nT = m.index.tissues.length;
  const blood = m.blood;
  const rng = m.rng.fate;
  let degraded = 0;
  let entered = 0;
  // seedrandom's xor128 step inline (see random.ts), on local state words.
  let sx = rng.x;
  let sy = rng.y;
  let sz = rng.z;
  let sw = rng.w;
  let tt = 0;
  // Per-tissue constants, reloaded only when the tissue changes from one packet to the next.
  let lastT = -1;
  let p = 0;
  let k0 = 0;
  let k1 = 0;
  for (let i = 0; i < n; i++) {
    const t = T[i];
    if (t === REMOVED) continue;
    if (t !== lastT) {
      lastT = t;
      p = decay[t];
      k0 = start[t];
      k1 = start[t + 1];
    }
    tt = sx ^ (sx << 11);
    sx = sy;
    sy = sz;
    sz = sw;
    sw = sw ^ (sw >>> 19) ^ tt ^ (tt >>> 8);
    if ((sw >>> 0) * U32 < p) {
      T[i] = REMOVED;
      degraded++;
      continue;
    }
    for (let k = k0; k < k1; k++) {
      const x = X[i];
      const y = Y[i];
      if (x < x0[k] || x > x1[k] || y < y0[k] || y > y1[k]) continue;
      tt = sx ^ (sx << 11);
      sx = sy;
      sy = sz;
      sz = sw;
      sw = sw ^ (sw >>> 19) ^ tt ^ (tt >>> 8);
      if ((sw >>> 0) * U32 < enter[k]) {
        blood[v.type[i] * nT + v.originTissue[i]] += 1;
        T[i] = REMOVED;
        entered++;
      }
      break;
    }
  }
  rng.x = sx;
  rng.y = sy;
  rng.z = sz;
  rng.w = sw;
  m.ledger.degraded += degraded;
  m.ledger.intravasated += entered;
}

export const fateRule: Rule<'fate'> = { name: 'fate', init: initFate, run: tissueFates };
