// The metric series as CSV: one row per sample time, a t_hours column, then one column per
// metric named as the engine reports it. Fields are quoted when needed (RFC 4180); a value
// that is not a finite number is left empty, so NaN never appears.
import type { Series } from '../../sim/index';

/** One CSV field, quoted when needed. */
export function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number for CSV: empty unless finite. */
export function num(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** The whole CSV text, with a header row and a final newline. */
export function seriesCsv(series: Series): string {
  const lines = [['t_hours', ...series.names].map(field).join(',')];
  for (let i = 0; i < series.t.length; i++) {
    const row = [num(series.t[i])];
    for (const column of series.values) row.push(num(column[i]));
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
