// CSV text shared by the command line and the app, so both write byte-identical files: RFC 4180
// quoting, empty fields for non-finite numbers (never NaN), and the metric series as one row per
// sample time with a t_hours column then one column per metric, named as reported.

/** Metric series as the engine records them (sim/metrics.ts) or as the page holds them. */
export interface SeriesLike {
  names: readonly string[];
  t: readonly number[];
  values: readonly (readonly number[])[];
}

/** One CSV field, quoted when needed. */
export function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of CSV: the fields quoted where needed, joined by commas, with its line break. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(field).join(',')}\n`;
}

/** A number for CSV: empty unless finite. */
export function num(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** The series CSV's header line, with its line break. */
export function seriesHeader(names: readonly string[]): string {
  return `${['t_hours', ...names].map(field).join(',')}\n`;
}

/** Lines of samples `from` to `to` (exclusive) of a series, each with its line break. */
export function seriesLines(series: SeriesLike, from = 0, to = series.t.length): string {
  let text = '';
  for (let i = from; i < to; i++) {
    let line = num(series.t[i]);
    for (const column of series.values) line += `,${num(column[i])}`;
    text += `${line}\n`;
  }
  return text;
}

/** The whole series CSV, with a header row and a final newline. */
export function seriesCsv(series: SeriesLike): string {
  return seriesHeader(series.names) + seriesLines(series);
}
