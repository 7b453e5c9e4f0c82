// Reading the table of living cells for the app's "Cells now (CSV)" download: id, type, state,
// tissue, position, packets taken up by vesicle type and signal levels, one row per cell in the
// engine's order. Ids are the scenario's own (machine-readable, as in metric names).
import type { Model } from '../sim/index';

/** One row per living cell, as the engine worker reads them (below). */
export interface CellTable {
  vesicleTypes: string[];
  signals: string[];
  rows: CellRow[];
}

export interface CellRow {
  id: number;
  type: string;
  state: string;
  tissue: string;
  /** Position in µm. */
  x: number;
  y: number;
  /** Packets taken up over the cell's life, by vesicle type (CellTable.vesicleTypes order). */
  uptake: number[];
  /** Signal levels now (CellTable.signals order). */
  signals: number[];
}

export function cellTable(m: Model): CellTable {
  const c = m.cells;
  const { cellTypes, vesicleTypes, signals, tissues, states } = m.index;
  const nVT = c.nVesicleTypes;
  const nS = c.nSignals;
  const rows: CellTable['rows'] = [];
  for (let i = 0; i < c.count; i++) {
    if (c.dead[i]) continue;
    rows.push({
      id: c.id[i],
      type: cellTypes[c.type[i]],
      state: states[c.type[i]][c.state[i]],
      tissue: tissues[c.tissue[i]],
      x: c.x[i],
      y: c.y[i],
      uptake: Array.from(c.uptake.subarray(i * nVT, i * nVT + nVT)),
      signals: Array.from(c.signals.subarray(i * nS, i * nS + nS)),
    });
  }
  return { vesicleTypes: [...vesicleTypes], signals: [...signals], rows };
}
