// Uptake and delivery: bound packets are internalised at the cell type's rate; a fraction
// (deliveryFraction) delivers its cargo into the cytosol, where it adds to the cell's signal
// channels; the rest is degraded in lysosomes (it still counts as taken up).
import type { Model } from '../model';
import type { Rule } from '../rule';
import { chanceIn } from '../random';

export interface UptakeTable {
  /** Chance per step that one bound packet is internalised, per cell type. */
  internalise: Float64Array;
  delivery: number;
  /** Cargo amounts: [vesicleType * nSignals + signal]. */
  cargo: Float64Array;
}

export function initUptake(m: Model): UptakeTable {
  const { cellTypes, vesicleTypes, signals } = m.index;
  const cargo = new Float64Array(vesicleTypes.length * signals.length);
  vesicleTypes.forEach((vt, v) =>
    signals.forEach((sg, k) => {
      const amounts = m.scenario.vesicleTypes[vt].cargo;
      cargo[v * signals.length + k] = Object.hasOwn(amounts, sg) ? amounts[sg] : 0;
    }),
  );
  return {
    internalise: Float64Array.from(cellTypes.map((ct) => chanceIn(m.scenario.cellTypes[ct].internalisePerHour / 3600, m.dt))),
    delivery: m.scenario.deliveryFraction,
    cargo,
  };
}

export function uptake(m: Model): void {
  const c = m.cells;
  const { internalise, delivery, cargo } = m.tables.uptake;
  const rng = m.rng.uptake;
  const nVT = c.nVesicleTypes;
  const nS = c.nSignals;
  for (let i = 0; i < c.count; i++) {
    if (c.dead[i]) continue;
    const p = internalise[c.type[i]];
    for (let v = 0; v < nVT; v++) {
      const b = c.bound[i * nVT + v];
      if (b === 0) continue;
      const k = rng.binomial(b, p);
      if (k === 0) continue;
      c.bound[i * nVT + v] = b - k;
      c.uptake[i * nVT + v] += k;
      m.uptakeTotals[c.type[i] * nVT + v] += k;
      m.ledger.takenUp += k;
      const delivered = rng.binomial(k, delivery);
      m.ledger.delivered += delivered;
      for (let s = 0; s < nS; s++) c.signals[i * nS + s] += delivered * cargo[v * nS + s];
    }
  }
}

export const uptakeRule: Rule<'uptake'> = { name: 'uptake', init: initUptake, run: uptake };
