// Binding: when a vesicle's step lands on a cell, it binds with a per-touch probability derived
// from a binding speed κ (µm/s), the reactive-boundary result of Erban & Chapman (2007):
//   P = κ·√dt / (√(2D)·c),  c = mean positive normal component of the unit-variance step,
// so uptake does not depend on the time step. κ comes from the affinity matrix (vesicle labels ×
// recipient receptors, minus blocked labels) plus non-specific uptake, and falls as the cell's
// surface fills up (bound / maxBound), so uptake saturates with dose.
import type { Model } from '../model';
import type { Rule } from '../rule';
import { NO_CELL, REMOVED } from '../state';
import { log } from '../exactMath';

/**
 * E[max(n·ξ, 0)] for ξ uniform on the square [−√3, √3]² (unit variance per axis), averaged over
 * the direction n: ½·E|ξ|·2/π with E|ξ| = √3·(√2 + ln(1 + √2))/3.
 */
export const STEP_OVERSHOOT = (0.5 * ((Math.sqrt(3) * (Math.SQRT2 + log(1 + Math.SQRT2))) / 3) * 2) / Math.PI;

export interface BindingTable {
  /** Per-touch probability before saturation: [(tissue * nVT + vesicleType) * nCT + cellType]. */
  p: Float64Array;
  /** 1 / maxBound per cell type. */
  invMaxBound: Float64Array;
  /** onBind signal amounts: [vesicleType * nSignals + signal]. */
  onBind: Float64Array;
}

/** κ as a fraction of bindingSpeed for one vesicle type touching one cell type. */
export function affinityOf(m: Model, vt: string, ct: string): number {
  const s = m.scenario;
  const cell = s.cellTypes[ct];
  let miss = 1 - cell.nonSpecificUptake;
  for (const l of s.vesicleTypes[vt].labels) {
    // Own keys only: a label or receptor named like an Object.prototype member has no inherited row.
    const row = Object.hasOwn(s.affinity, l) ? s.affinity[l] : undefined;
    if (!row) continue;
    const open = 1 - s.labels[l].blocked;
    for (const r of cell.receptors) miss *= 1 - (Object.hasOwn(row, r) ? row[r] : 0) * open;
  }
  return 1 - miss;
}

/** Per-touch probability for a binding speed kappa (µm/s), step dt (s) and diffusion D (µm²/s). */
export function touchProbability(kappa: number, dt: number, D: number): number {
  if (kappa <= 0 || D <= 0) return 0;
  return Math.min(1, (kappa * Math.sqrt(dt)) / (Math.sqrt(2 * D) * STEP_OVERSHOOT));
}

export function initBinding(m: Model): BindingTable {
  const { cellTypes, vesicleTypes, tissues, signals } = m.index;
  const nCT = cellTypes.length;
  const nVT = vesicleTypes.length;
  const p = new Float64Array(tissues.length * nVT * nCT);
  tissues.forEach((tId, t) => {
    const D = m.scenario.tissues[tId].diffusion;
    const dtSub = m.dt / m.tables.diffusion.substeps[t];
    vesicleTypes.forEach((vt, v) =>
      cellTypes.forEach((ct, c) => {
        p[(t * nVT + v) * nCT + c] = touchProbability(m.scenario.bindingSpeed * affinityOf(m, vt, ct), dtSub, D);
      }),
    );
  });
  const onBind = new Float64Array(nVT * signals.length);
  vesicleTypes.forEach((vt, v) =>
    signals.forEach((sg, k) => {
      const amounts = m.scenario.vesicleTypes[vt].onBind;
      onBind[v * signals.length + k] = Object.hasOwn(amounts, sg) ? amounts[sg] : 0;
    }),
  );
  const invMaxBound = Float64Array.from(cellTypes.map((ct) => 1 / m.scenario.cellTypes[ct].maxBound));
  return { p, invMaxBound, onBind };
}

/** Binding chance of vesicle packet i touching cell j right now (with saturation). */
export function bindChance(m: Model, i: number, j: number): number {
  const { cells, vesicles } = m;
  const nVT = cells.nVesicleTypes;
  const nCT = m.index.cellTypes.length;
  const b = m.tables.binding;
  const base = b.p[(vesicles.tissue[i] * nVT + vesicles.type[i]) * nCT + cells.type[j]];
  if (base === 0) return 0;
  let bound = 0;
  for (let v = 0; v < nVT; v++) bound += cells.bound[j * nVT + v];
  const free = 1 - bound * b.invMaxBound[cells.type[j]];
  return free > 0 ? base * free : 0;
}

/** Packet i binds to cell j: it leaves the free pool and its surface ligands signal. */
export function bind(m: Model, i: number, j: number): void {
  const { cells, vesicles } = m;
  const nVT = cells.nVesicleTypes;
  const nS = cells.nSignals;
  const vt = vesicles.type[i];
  cells.bound[j * nVT + vt] += 1;
  const onBind = m.tables.binding.onBind;
  for (let k = 0; k < nS; k++) cells.signals[j * nS + k] += onBind[vt * nS + k];
  cells.lastUptake[j] = m.tick;
  if (vesicles.originCell[i] !== NO_CELL) cells.noteDonor(j, vesicles.originCell[i]);
  vesicles.tissue[i] = REMOVED;
}

/** Binding has no run of its own: diffusion calls bindChance() and bind() when a packet touches a cell. */
export const bindingRule: Rule<'binding'> = { name: 'binding', init: initBinding };
