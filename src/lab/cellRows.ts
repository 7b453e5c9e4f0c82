// One row per living cell — id, type, state, tissue, position, packets taken up by vesicle type,
// signal levels — read from a model, and the CSV text of such tables, so the app's "Cells now"
// download and `cellpost run --cells` write the same file. Host-neutral (no DOM, no Node).
import type { Model } from '../../sim/index';
import { field, num } from './csv';

/** The living cells at one moment, as the engine worker and the command line read them. */
export interface CellTable {
  /** Simulated time of the table, tick × dtSeconds / 3600 (as the series' t_hours). */
  hours: number;
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

/** The model's living cells, in the engine's order. Ids are the scenario's own, as in metric names. */
export function cellTable(m: Model): CellTable {
  const c = m.cells;
  const { cellTypes, vesicleTypes, signals, tissues, states } = m.index;
  const nVT = c.nVesicleTypes;
  const nS = c.nSignals;
  const rows: CellRow[] = [];
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
  return { hours: (m.tick * m.dt) / 3600, vesicleTypes: [...vesicleTypes], signals: [...signals], rows };
}

/** The columns of the cells CSV. They depend only on the scenario's vesicle types and signals. */
export function cellsHeader(table: Pick<CellTable, 'vesicleTypes' | 'signals'>): string[] {
  return ['t_hours', 'id', 'type', 'state', 'tissue', 'x_um', 'y_um', ...table.vesicleTypes.map((v) => `uptake.${v}`), ...table.signals.map((s) => `signal.${s}`)];
}

/** The table's rows as CSV lines (no header, no line ends), for a file that holds several moments. */
export function cellsLines(table: CellTable): string[] {
  const t = num(table.hours);
  return table.rows.map((r) => [t, String(r.id), field(r.type), field(r.state), field(r.tissue), num(r.x), num(r.y), ...r.uptake.map(num), ...r.signals.map(num)].join(','));
}

/** The whole cells CSV of one moment: a header row, one row per living cell, a final newline. */
export function cellsCsv(table: CellTable): string {
  return `${[cellsHeader(table).map(field).join(','), ...cellsLines(table)].join('\n')}\n`;
}
