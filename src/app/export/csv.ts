// CSV text for the app's downloads: the metric series exactly as the CLI writes them (`cellpost
// run --csv`: t_hours, then one column per metric) and the table of living cells. RFC 4180
// quoting; a value that is not a finite number is left empty. Pure (unit-tested in test/export).
import type { CellTable } from '../../../workers/cellTable';
import { field, num } from '../../lab/csv';

export type { CellTable, CellRow } from '../../../workers/cellTable';

export { field, num, seriesCsv, type SeriesLike } from '../../lab/csv';

/** The header of the cells table. */
export function cellsHeader(table: Pick<CellTable, 'vesicleTypes' | 'signals'>): string[] {
  return ['id', 'type', 'state', 'tissue', 'x_um', 'y_um', ...table.vesicleTypes.map((v) => `uptake.${v}`), ...table.signals.map((s) => `signal.${s}`)];
}

/** The cells table: one row per living cell, in the engine's order. */
export function cellsCsv(table: CellTable): string {
  const lines = [cellsHeader(table).map(field).join(',')];
  for (const r of table.rows) lines.push([String(r.id), field(r.type), field(r.state), field(r.tissue), num(r.x), num(r.y), ...r.uptake.map(num), ...r.signals.map(num)].join(','));
  return `${lines.join('\n')}\n`;
}
