// Reading one cell for the inspector panel: its type, state, receptors, signal levels, the
// vesicles it holds and took up by type, and its last donors (the engine's donor ring).
import { DONOR_RING, NO_CELL, type Model } from '../sim/index';
import type { Amount, CellReport } from './protocol';

export function inspectCell(m: Model, id: number): CellReport | null {
  const c = m.cells;
  const i = c.indexOf(id);
  if (i < 0 || c.dead[i]) return null;
  const s = m.scenario;
  const { cellTypes, vesicleTypes, signals, tissues, states } = m.index;
  const typeId = cellTypes[c.type[i]];
  const ct = s.cellTypes[typeId];
  const nVT = c.nVesicleTypes;
  const nS = c.nSignals;
  const perType = (a: Float64Array): Amount[] => vesicleTypes.map((v, k) => ({ id: v, name: s.vesicleTypes[v].name, value: a[i * nVT + k] }));
  const donors: CellReport['donors'] = [];
  const head = c.donorHead[i];
  for (let k = 1; k <= DONOR_RING; k++) {
    const d = c.donors[i * DONOR_RING + ((head - k + DONOR_RING) % DONOR_RING)];
    if (d === NO_CELL) break;
    const j = c.indexOf(d);
    donors.push({ id: d, typeName: j !== NO_CELL ? s.cellTypes[cellTypes[c.type[j]]].name : 'a cell that has since died' });
  }
  return {
    id,
    type: typeId,
    typeName: ct.name,
    state: states[c.type[i]][c.state[i]],
    states: states[c.type[i]],
    tissue: s.tissues[tissues[c.tissue[i]]].name,
    x: c.x[i],
    y: c.y[i],
    radius: c.radius[i],
    receptors: ct.receptors.map((r) => ({ id: r, name: s.receptors[r]?.name ?? r })),
    signals: signals.map((g, k) => ({ id: g, name: s.signals[g].name, value: c.signals[i * nS + k] })),
    bound: perType(c.bound),
    uptake: perType(c.uptake),
    donors,
    ageHours: ((m.tick - c.born[i]) * m.dt) / 3600,
  };
}
