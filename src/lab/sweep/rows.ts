// The rows of a sweep's results table (results.csv), one per run: run, runs, sweep id, scenario,
// engine version, hours, seed, one column per varied parameter, every final metric and the final
// state hash. The command line and the app write it with these functions, so their files are
// byte-identical; reading it back tolerates a last line cut off by an interruption.
import { ENGINE_VERSION } from '../../../sim/version';
import { csvLine, num } from '../csv';
import { MAX_HOURS } from '../hours';
import { parseNumber } from '../numbers';
import { t } from './messages';
import { MAX_SWEEP_RUNS } from './parse';
import type { PlannedRun, SweepPlan } from './plan';
import type { SweepRunResult } from './protocol';

/** The columns before the varied parameters; the metrics and `state_hash` follow them. */
export const FIXED_COLUMNS = ['run', 'runs', 'sweep', 'scenario', 'engine_version', 'hours', 'seed'] as const;
export const col = (name: (typeof FIXED_COLUMNS)[number]) => FIXED_COLUMNS.indexOf(name);

export interface SweepRow {
  run: number;
  fields: string[];
}

export function headerFor(plan: Pick<SweepPlan, 'vary' | 'metricNames'>): string[] {
  return [...FIXED_COLUMNS, ...plan.vary.map((v) => v.path), ...plan.metricNames, 'state_hash'];
}

/** A column name the header holds twice (a varied path named like a results column), if any. */
export function repeatedColumn(header: readonly string[]): string | undefined {
  return header.find((h, k) => header.indexOf(h) !== k);
}

/** A varied value as a CSV cell: numbers as numbers, text as it is, anything else as JSON. */
export function cell(value: unknown): string {
  if (typeof value === 'number') return num(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The row of a finished run; refuses a run that reports other metrics than the plan. */
export function rowFor(plan: SweepPlan, task: Pick<PlannedRun, 'seed' | 'sets'>, r: Pick<SweepRunResult, 'run' | 'hash' | 'names' | 'values'>): SweepRow {
  if (r.names.join() !== plan.metricNames.join()) throw new Error(`run ${r.run} reported other metrics than the plan`);
  const fields = [String(r.run), String(plan.runs), plan.id, plan.scenarioId, ENGINE_VERSION, String(plan.hours), task.seed, ...task.sets.map((o) => cell(o.value)), ...r.values.map(num), r.hash];
  return { run: r.run, fields };
}

/** The rows sorted by run (the final order, whatever order the runs finished in). */
export function sortedRows(rows: Iterable<SweepRow>): SweepRow[] {
  return [...rows].sort((a, b) => a.run - b.run);
}

/** The whole table: the header, then one line per row sorted by run. */
export function resultsCsv(header: readonly string[], rows: Iterable<SweepRow>): string {
  let text = csvLine(header);
  for (const r of sortedRows(rows)) text += csvLine(r.fields);
  return text;
}

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

/** A whole number from 1 to max written plainly ("12", not "1.2e1", "012" or "-5"), or undefined. */
function wholeFrom1(text: string, max: number): number | undefined {
  if (!/^[1-9]\d{0,9}$/.test(text)) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/**
 * What is wrong with the numbers of a complete row of a results file (run, runs, hours), in
 * words, or null: files from elsewhere are checked before any of their numbers is used.
 */
export function rowProblem(header: readonly string[], fields: readonly string[]): string | null {
  const at = (name: (typeof FIXED_COLUMNS)[number]) => fields[col(name)] ?? '';
  const runs = wholeFrom1(at('runs'), MAX_SWEEP_RUNS);
  if (runs === undefined) return t('labtools.rows.runsColumn', { held: at('runs').slice(0, 40), max: MAX_SWEEP_RUNS });
  const run = wholeFrom1(at('run'), runs);
  if (run === undefined) return t('labtools.rows.runColumn', { held: at('run').slice(0, 40), runs });
  const hours = parseNumber(at('hours'));
  if (hours === undefined || hours <= 0 || hours > MAX_HOURS) return t('labtools.rows.hoursColumn', { held: at('hours').slice(0, 40), max: MAX_HOURS });
  if (header.length !== fields.length) return t('labtools.rows.columns', { n: fields.length, header: header.length });
  return null;
}

export interface ResultsTable {
  header: string[];
  rows: SweepRow[];
  /** Lines that are not complete rows (e.g. cut off by an interruption), as messages about `name`. */
  dropped: string[];
}

/** A results table's text read back, rows in file order; null when it is not a sweep's results table. */
export function parseResults(text: string, name: string): ResultsTable | null {
  const { records, cut } = parseCsv(text);
  const header = records[0] ?? [];
  if (header[0] !== 'run' || header[header.length - 1] !== 'state_hash') return null;
  const rows: SweepRow[] = [];
  const dropped: string[] = [];
  records.slice(1).forEach((fields, k) => {
    const run = Number(fields[0]);
    if (fields.length === header.length && /^\d+$/.test(fields[0]) && run >= 1) rows.push({ run, fields });
    else if (!(fields.length === 1 && fields[0] === '')) dropped.push(t('labtools.rows.incomplete', { name, line: k + 2 }));
  });
  if (cut) dropped.push(t('labtools.rows.cutOff', { name }));
  return { header, rows, dropped };
}
