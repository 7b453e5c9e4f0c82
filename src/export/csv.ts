// CSV text for the app's downloads: the metric series exactly as the CLI writes them (`cellpost
// run --csv`: t_hours, then one column per metric) and the table of living cells. RFC 4180
// quoting; a value that is not a finite number is left empty. Pure (unit-tested in test/export).
import type { CellTable } from '../../workers/cellTable';

export type { CellTable, CellRow } from '../../workers/cellTable';

/** Metric series as the page holds them (src/series.ts) or as the engine records them (sim/metrics.ts). */
export interface SeriesLike {
  names: readonly string[];
  t: readonly number[];
  values: readonly (readonly number[])[];
}

/** One CSV field, quoted when needed. */
export function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number for CSV: empty unless finite. */
export function num(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** The metric series: a header row, one row per sample time, and a final newline. */
export function seriesCsv(series: SeriesLike): string {
  const lines = [['t_hours', ...series.names].map(field).join(',')];
  for (let i = 0; i < series.t.length; i++) {
    const row = [num(series.t[i])];
    for (const column of series.values) row.push(num(column[i]));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

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
