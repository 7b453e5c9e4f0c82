// A class's runs together: which count (verified, not a duplicate), which do not and why, the
// groups by lesson, settings and length with the mean and 95 % interval of the main metric and
// the spread of predictions, and the CSV of the counted runs. Pure: the app's "Class results"
// screen and `cellpost class` build the same table from the same code.
import { ENGINE_VERSION } from '../../../sim/version';
import { csvLine, num } from '../csv';
import { meanInterval, type Interval } from '../stats';
import type { ClassEntry, ClassRun } from './inputs';
import { predictionSpread, type PromptSpread } from './predictions';
import type { VerifyOutcome } from './verify';
import { say, t } from './messages';

/** A counted run: verified (or replayed, when it carries no hash) and not a duplicate. */
export interface ClassRow extends Omit<ClassRun, 'job'> {
  /** Position in the list brought in (1 …). */
  n: number;
  value: number;
  unit: string;
  hash: string;
  warnings: string[];
}

export type RejectKind = 'invalid' | 'tampered' | 'duplicate';

/** A run that does not count, and why. */
export interface ClassRejected {
  n: number;
  name: string;
  kind: RejectKind;
  reason: string;
}

export interface ClassGroup {
  lesson: string;
  lessonTitle: string;
  settings: string;
  hours: number;
  metric: string;
  metricLabel: string;
  unit: string;
  rows: ClassRow[];
  interval: Interval;
  predictions: PromptSpread[];
}

export interface ClassTable {
  rows: ClassRow[];
  rejected: ClassRejected[];
  groups: ClassGroup[];
  /** Counted runs that carried no hash (plain links, run files without checkpoints). */
  unsigned: number;
}

/** Text order by UTF-16 code units, with runs of digits compared as numbers ("2" before "10"). */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = x.replace(/^0+/, '').length - y.replace(/^0+/, '').length;
      if (d !== 0) return d;
      const u = x.replace(/^0+/, '');
      const v = y.replace(/^0+/, '');
      if (u !== v) return u < v ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** The order of rows in the table and the CSV: lesson, settings, hours, then seed. */
export function compareRows(a: Pick<ClassRow, 'lesson' | 'settings' | 'hours' | 'seed'>, b: Pick<ClassRow, 'lesson' | 'settings' | 'hours' | 'seed'>): number {
  return naturalCompare(a.lesson, b.lesson) || naturalCompare(a.settings, b.settings) || a.hours - b.hours || naturalCompare(a.seed, b.seed);
}

const groupKey = (r: Pick<ClassRow, 'lesson' | 'settings' | 'hours'>) => `${r.lesson}\u0000${r.settings}\u0000${r.hours}`;

function mismatchReason(o: VerifyOutcome): string {
  const m = o.mismatch!;
  const at = { hours: Number(m.hours.toFixed(4)), tick: m.tick, expected: m.expected, actual: m.actual };
  return o.otherEngine === undefined ? t('class.reason.mismatch', at) : t('class.reason.mismatchOtherEngine', { ...at, recorded: o.otherEngine, current: ENGINE_VERSION });
}

/**
 * The class table from the runs read (`entries`, in the order brought in) and each one's
 * verification (`outcomes[i]` for entries[i]; undefined for entries that were not valid). A run
 * counts when it was replayed and every hash it carries matched; of runs with the same lesson,
 * settings, seed and events only the first counts, the others are listed as duplicates.
 */
export function classTable(entries: readonly ClassEntry[], outcomes: readonly (VerifyOutcome | undefined)[]): ClassTable {
  const rows: ClassRow[] = [];
  const rejected: ClassRejected[] = [];
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const n = i + 1;
    if (!e.ok) return rejected.push({ n, name: e.name, kind: 'invalid', reason: e.reason });
    const o = outcomes[i];
    if (!o) return rejected.push({ n, name: e.name, kind: 'invalid', reason: t('class.reason.notReplayed') });
    if (!o.ran) return rejected.push({ n, name: e.name, kind: 'invalid', reason: o.problem ? say(o.problem) : t('class.reason.notReplayed') });
    if (!o.ok) return rejected.push({ n, name: e.name, kind: 'tampered', reason: o.mismatch ? mismatchReason(o) : o.problem ? say(o.problem) : t('class.reason.replayFailed') });
    const key = `${e.lesson}\u0000${e.settings}\u0000${e.seed}\u0000${o.eventsKey}`;
    const first = seen.get(key);
    if (first !== undefined) return rejected.push({ n, name: e.name, kind: 'duplicate', reason: t('class.reason.duplicate', { first, name: entries[first - 1].name }) });
    seen.set(key, n);
    const { job: _job, ok: _ok, ...run } = e;
    rows.push({ ...run, n, value: o.value, unit: o.unit, hash: o.finalHash, warnings: o.warnings });
  });
  rows.sort((a, b) => compareRows(a, b) || a.n - b.n);
  const groups = new Map<string, ClassGroup>();
  for (const r of rows) {
    const k = groupKey(r);
    let g = groups.get(k);
    if (!g) {
      g = { lesson: r.lesson, lessonTitle: r.lessonTitle, settings: r.settings, hours: r.hours, metric: r.metric, metricLabel: r.metricLabel, unit: r.unit, rows: [], interval: meanInterval([]), predictions: [] };
      groups.set(k, g);
    }
    g.rows.push(r);
  }
  for (const g of groups.values()) {
    g.interval = meanInterval(g.rows.map((r) => r.value));
    g.predictions = predictionSpread(g.rows.map((r) => r.predictions));
  }
  return { rows, rejected, groups: [...groups.values()], unsigned: rows.filter((r) => !r.signed).length };
}

/** The CSV's columns, in order: data, the same in every language (docs/teaching.md says why). */
export const CLASS_COLUMNS = ['lesson', 'settings', 'seed', 'hours', 'metric', 'value', 'unit', 'hash'] as const;

/** One row of the CSV as the table has it (the app, `cellpost class`, or a table built from `cellpost run`). */
export interface ClassCsvRow {
  lesson: string;
  settings: string;
  seed: string;
  hours: number;
  metric: string;
  value: number;
  unit: string;
  hash: string;
}

/** The CSV of counted runs: a header, then one line per run in table order (lesson, settings, hours, seed). */
export function classCsv(rows: readonly ClassCsvRow[]): string {
  const sorted = [...rows].sort(compareRows);
  return csvLine([...CLASS_COLUMNS]) + sorted.map((r) => csvLine([r.lesson, r.settings, r.seed, num(r.hours), r.metric, num(r.value), r.unit, r.hash])).join('');
}

/** The interval in words: "mean 12.4, 95 % interval 10.1 to 14.7 (n = 27)", or why there is none. */
export function intervalWords(i: Interval, fmt: (x: number) => string = (x) => String(Number(x.toPrecision(4)))): string {
  if (i.n === 0) return t('class.interval.none');
  if (i.n === 1) return t('class.interval.one', { mean: fmt(i.mean) });
  return t('class.interval.many', { mean: fmt(i.mean), lo: fmt(i.lo), hi: fmt(i.hi), n: i.n });
}
