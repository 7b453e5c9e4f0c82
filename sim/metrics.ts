// Metrics: named reporters sampled into series every `sampleEveryMinutes`. A census of the
// model is taken once per sample (one pass over cells and vesicles); each reporter reads one
// number from it. The set of names depends only on the scenario, so every run of a scenario
// has the same columns.
import type { Model } from './model';
import { DEATH_CAUSES, DeathCause, MAX_STATES, REMOVED } from './state';

export interface Census {
  cellsByTypeState: Float64Array; // [type * MAX_STATES + state]
  cellsByType: Float64Array;
  /** Live cells per (type, tissue): [type * nTissues + tissue]. */
  cellsByTypeTissue: Float64Array;
  signalSum: Float64Array; // [type * nSignals + signal]
  freeByTissue: Float64Array;
  freeByType: Float64Array;
  bloodByType: Float64Array;
  bloodPerMl: Float64Array;
  bound: number;
}

export interface Reporter {
  name: string;
  unit: string;
  read: (m: Model, c: Census) => number;
}

export interface Series {
  names: string[];
  units: string[];
  /** Sample times in hours. */
  t: number[];
  /** values[k][sample] for metric names[k]. */
  values: number[][];
}

/** The causes of death reported as metrics (deaths.<cellType>.<cause>), with their DeathCause. */
export const CAUSES = [
  ['signal', DeathCause.Signal],
  ['contact', DeathCause.Contact],
  ['background', DeathCause.Background],
  ['removed', DeathCause.Removed],
] as const;

export function takeCensus(m: Model): Census {
  const { cellTypes, vesicleTypes, tissues, signals } = m.index;
  const nS = signals.length;
  const nT = tissues.length;
  const c = m.cells;
  const cellsByTypeState = new Float64Array(cellTypes.length * MAX_STATES);
  const cellsByType = new Float64Array(cellTypes.length);
  const cellsByTypeTissue = new Float64Array(cellTypes.length * nT);
  const signalSum = new Float64Array(cellTypes.length * nS);
  let bound = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.dead[i]) continue;
    cellsByType[c.type[i]]++;
    cellsByTypeState[c.type[i] * MAX_STATES + c.state[i]]++;
    cellsByTypeTissue[c.type[i] * nT + c.tissue[i]]++;
    for (let s = 0; s < nS; s++) signalSum[c.type[i] * nS + s] += c.signals[i * nS + s];
    for (let v = 0; v < c.nVesicleTypes; v++) bound += c.bound[i * c.nVesicleTypes + v];
  }
  const freeByTissue = new Float64Array(nT);
  const freeByType = new Float64Array(vesicleTypes.length);
  const v = m.vesicles;
  for (let i = 0; i < v.count; i++) {
    const t = v.tissue[i];
    if (t === REMOVED) continue;
    freeByTissue[t]++;
    freeByType[v.type[i]]++;
  }
  const { bloodByType, bloodPerMl } = bloodCensus(m);
  return { cellsByTypeState, cellsByType, cellsByTypeTissue, signalSum, freeByTissue, freeByType, bloodByType, bloodPerMl, bound };
}

/** The blood part of the census alone: packets and EV/mL per vesicle type (walks no packets or cells). */
export function bloodCensus(m: Model): { bloodByType: Float64Array; bloodPerMl: Float64Array } {
  const { vesicleTypes, tissues } = m.index;
  const nT = tissues.length;
  const bloodByType = new Float64Array(vesicleTypes.length);
  const bloodPerMl = new Float64Array(vesicleTypes.length);
  const s = m.scenario;
  for (let vt = 0; vt < vesicleTypes.length; vt++)
    for (let ot = 0; ot < nT; ot++) {
      const n = m.blood[vt * nT + ot];
      bloodByType[vt] += n;
      bloodPerMl[vt] += (n * s.vesiclesPerDot * s.tissues[tissues[ot]].representation) / s.blood.volumeMl;
    }
  return { bloodByType, bloodPerMl };
}

/** Every reporter of a model, in a fixed order. */
export function reporters(m: Model): Reporter[] {
  const { cellTypes, vesicleTypes, tissues, signals, states } = m.index;
  const out: Reporter[] = [];
  const nVT = vesicleTypes.length;
  const nS = signals.length;
  cellTypes.forEach((ct, t) => {
    out.push({ name: `cells.${ct}`, unit: 'cells', read: (_m, c) => c.cellsByType[t] });
    states[t].forEach((st, k) => {
      if (states[t].length > 1) out.push({ name: `cells.${ct}.${st}`, unit: 'cells', read: (_m, c) => c.cellsByTypeState[t * MAX_STATES + k] });
    });
  });
  // With several tissues: where each cell type is (e.g. tumour cells in the lung: none yet).
  if (tissues.length > 1)
    cellTypes.forEach((ct, t) =>
      tissues.forEach((tid, k) => out.push({ name: `cells.${ct}.in.${tid}`, unit: 'cells', read: (_m, c) => c.cellsByTypeTissue[t * tissues.length + k] })),
    );
  cellTypes.forEach((ct, t) =>
    CAUSES.forEach(([name, cause]) => out.push({ name: `deaths.${ct}.${name}`, unit: 'cells', read: (mm) => mm.deaths[t * DEATH_CAUSES + cause] })),
  );
  out.push({ name: 'vesicles.tissue', unit: 'packets', read: (mm) => mm.vesicles.count });
  if (tissues.length > 1)
    tissues.forEach((tid, t) => out.push({ name: `vesicles.tissue.${tid}`, unit: 'packets', read: (_m, c) => c.freeByTissue[t] }));
  out.push({ name: 'vesicles.blood', unit: 'packets', read: (_m, c) => c.bloodByType.reduce((a, b) => a + b, 0) });
  out.push({ name: 'vesicles.bound', unit: 'packets', read: (_m, c) => c.bound });
  vesicleTypes.forEach((vt, v) => out.push({ name: `vesicles.${vt}`, unit: 'packets', read: (_m, c) => c.freeByType[v] + c.bloodByType[v] }));
  vesicleTypes.forEach((vt, v) => out.push({ name: `blood.perMl.${vt}`, unit: 'EV/mL', read: (_m, c) => c.bloodPerMl[v] }));
  // A lesson with an assay: 1 while the blood level of a vesicle type is at or above the
  // detection limit (read at each sample, so a live change of the limit applies at once).
  if (m.scenario.lesson?.detectionLimitPerMl !== undefined)
    vesicleTypes.forEach((vt, v) =>
      out.push({
        name: `assay.positive.${vt}`,
        unit: '1 = detected, 0 = not',
        read: (mm, c) => (c.bloodPerMl[v] >= (mm.scenario.lesson?.detectionLimitPerMl ?? Infinity) ? 1 : 0),
      }),
    );
  cellTypes.forEach((ct, t) => {
    out.push({
      name: `uptake.${ct}`,
      unit: 'packets',
      read: (mm) => {
        let s = 0;
        for (let v = 0; v < nVT; v++) s += mm.uptakeTotals[t * nVT + v];
        return s;
      },
    });
    if (nVT > 1) vesicleTypes.forEach((vt, v) => out.push({ name: `uptake.${ct}.${vt}`, unit: 'packets', read: (mm) => mm.uptakeTotals[t * nVT + v] }));
  });
  cellTypes.forEach((ct, t) =>
    signals.forEach((sg, s) =>
      out.push({ name: `signal.${ct}.${sg}`, unit: 'a.u.', read: (_m, c) => (c.cellsByType[t] > 0 ? c.signalSum[t * nS + s] / c.cellsByType[t] : 0) }),
    ),
  );
  for (const k of ['released', 'injected', 'degraded', 'cleared', 'takenUp', 'delivered', 'intravasated', 'extravasated'] as const)
    out.push({ name: `ledger.${k}`, unit: 'packets', read: (mm) => mm.ledger[k] });
  out.push({ name: 'warnings.releasePaused', unit: 'steps', read: (mm) => mm.pausedSteps.release });
  out.push({ name: 'warnings.divisionPaused', unit: 'times', read: (mm) => mm.pausedSteps.division });
  return out;
}

export function emptySeries(list: Reporter[]): Series {
  return { names: list.map((r) => r.name), units: list.map((r) => r.unit), t: [], values: list.map(() => []) };
}

/** The current value of every metric, by name. */
export function measure(m: Model): Record<string, number> {
  const c = takeCensus(m);
  const out: Record<string, number> = {};
  for (const r of m.reporters) out[r.name] = r.read(m, c);
  return out;
}

/** Appends one sample of every metric to the model's series. */
export function sample(m: Model): void {
  const c = takeCensus(m);
  m.series.t.push((m.tick * m.dt) / 3600);
  m.reporters.forEach((r, k) => m.series.values[k].push(r.read(m, c)));
}
