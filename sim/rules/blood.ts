// Blood: one well-mixed compartment holding packet counts per (vesicle type, tissue of origin).
// Each step packets are cleared with the blood half-life (faster for types with a
// clearanceFactor above 1), and a share leaves into the tissues' vessels (extravasation) in
// proportion to each tissue's blood-flow share, where they diffuse and bind by label.
import type { Model } from '../model';
import type { Rule } from '../rule';
import { chanceIn } from '../random';
import { NO_CELL } from '../state';

export interface BloodTable {
  /** Clearance chance per step, per vesicle type. */
  clear: Float64Array;
  /** Chance per step that a packet leaves into some tissue. */
  leave: number;
  /** Tissues that receive packets, with their share of the flow (summing to 1). */
  targets: { tissue: number; share: number }[];
}

export function initBlood(m: Model): BloodTable {
  const s = m.scenario;
  const base = Math.LN2 / (s.blood.halfLifeMinutes * 60);
  const clear = Float64Array.from(m.index.vesicleTypes.map((vt) => chanceIn(base * s.vesicleTypes[vt].clearanceFactor, m.dt)));
  const candidates = m.index.tissues
    .map((id, t) => ({ tissue: t, share: s.tissues[id].vessels.length > 0 ? s.tissues[id].bloodFlowShare : 0 }))
    .filter((c) => c.share > 0);
  const total = candidates.reduce((a, c) => a + c.share, 0);
  const targets = candidates.map((c) => ({ tissue: c.tissue, share: c.share / total }));
  const leave = targets.length > 0 ? chanceIn(s.blood.extravasationPerHour / 3600, m.dt) : 0;
  return { clear, leave, targets };
}

export function bloodExchange(m: Model): void {
  const { clear, leave, targets } = m.tables.blood;
  const rng = m.rng.blood;
  const nT = m.index.tissues.length;
  const nVT = m.index.vesicleTypes.length;
  const fate = m.tables.fate;
  for (let vt = 0; vt < nVT; vt++)
    for (let ot = 0; ot < nT; ot++) {
      const k = vt * nT + ot;
      const n = m.blood[k];
      if (n === 0) continue;
      const cleared = rng.binomial(n, clear[vt]);
      m.blood[k] -= cleared;
      m.ledger.cleared += cleared;
      if (leave === 0) continue;
      let out = rng.binomial(m.blood[k], leave);
      if (out > m.vesicles.room()) out = m.vesicles.room();
      let shareLeft = 1;
      for (let q = 0; q < targets.length && out > 0; q++) {
        const { tissue, share } = targets[q];
        const go = q === targets.length - 1 ? out : rng.binomial(out, share / shareLeft);
        shareLeft -= share;
        out -= go;
        m.blood[k] -= go;
        m.ledger.extravasated += go;
        m.vesicles.reserve(go);
        const v0 = fate.start[tissue];
        const nv = fate.start[tissue + 1] - v0;
        for (let j = 0; j < go; j++) {
          const r = v0 + rng.below(nv);
          const x = fate.x0[r] + rng.next() * (fate.x1[r] - fate.x0[r]);
          const y = fate.y0[r] + rng.next() * (fate.y1[r] - fate.y0[r]);
          m.vesicles.push(x, y, tissue, vt, NO_CELL, m.tick);
          m.vesicles.originTissue[m.vesicles.count - 1] = ot;
        }
      }
    }
}

export const bloodRule: Rule<'blood'> = { name: 'blood', init: initBlood, run: bloodExchange };
