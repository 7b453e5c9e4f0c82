// The sweep's results table (results.csv): one row per run, keyed by the run number in the
// first column. Reading it back (for --resume and `cellpost merge`) tolerates a last line cut off
// by an interruption; writing the final file sorts rows by run, so it never depends on scheduling.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { field } from '../csv';
import { CliError } from '../errors';

/** The columns before the varied parameters; the metrics and `state_hash` follow them. */
export const FIXED_COLUMNS = ['run', 'runs', 'sweep', 'scenario', 'engine_version', 'hours', 'seed'] as const;
export const col = (name: (typeof FIXED_COLUMNS)[number]) => FIXED_COLUMNS.indexOf(name);

export const csvLine = (fields: readonly string[]) => `${fields.map(field).join(',')}\n`;

/** CSV records (RFC 4180); `cut` is true when the text does not end with a line break. */
export function parseCsv(text: string): { records: string[][]; cut: boolean } {
  const records: string[][] = [];
  let fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') cur += c;
      else if (text[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(cur);
      cur = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(cur);
      records.push(fields);
      fields = [];
      cur = '';
    } else cur += c;
  }
  const cut = cur !== '' || fields.length > 0 || quoted;
  return { records, cut };
}

export interface ResultRow {
  run: number;
  fields: string[];
}

export interface ResultsFile {
  header: string[];
  rows: ResultRow[];
  /** Lines that are not complete rows (e.g. cut off by an interruption), as messages. */
  dropped: string[];
}

/** Parses a results file's text; rows keep their file order. */
export function parseResults(text: string, name: string): ResultsFile {
  const { records, cut } = parseCsv(text);
  const header = records[0] ?? [];
  if (header[0] !== 'run' || header[header.length - 1] !== 'state_hash')
    throw new CliError(`${name} is not a sweep results file (its first line should start with "run" and end with "state_hash")`);
  const rows: ResultRow[] = [];
  const dropped: string[] = [];
  records.slice(1).forEach((fields, k) => {
    const run = Number(fields[0]);
    if (fields.length === header.length && /^\d+$/.test(fields[0]) && run >= 1) rows.push({ run, fields });
    else if (!(fields.length === 1 && fields[0] === '')) dropped.push(`${name} line ${k + 2} is not a complete row`);
  });
  if (cut) dropped.push(`${name} ends in a cut-off line`);
  return { header, rows, dropped };
}

/** Writes header and rows sorted by run, to a temporary file first, then renamed into place. */
export function writeSorted(file: string, header: readonly string[], rows: readonly ResultRow[]): void {
  const sorted = [...rows].sort((a, b) => a.run - b.run);
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    let chunk = csvLine(header);
    for (const r of sorted) {
      chunk += csvLine(r.fields);
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
