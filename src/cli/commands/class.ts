// `cellpost class FILE…`: a class's runs together, as the app's "Class results" screen shows them
// — every run file or file of links verified by replay, duplicates and tampered runs listed,
// the groups with the mean and 95 % interval of the lesson's main metric, and --csv the table
// of counted runs, byte for byte the app's. `--class-code C --students N` prints the seeds.
import { basename } from 'node:path';
import { classCsv, classSeed, classTable, MAX_CLASS_CODE, MAX_STUDENT, readSources, verifyInline, type ClassSource, type Interval } from '../../lab';
import { lessonTitle, mainMetricLabel } from '../lessonWords';
import { parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { readText, writeText, checkWritable } from '../files';
import { HELP } from '../help';
import { t } from '../messages';
import { fmt, n } from '../numbers';

const FLAGS: Record<string, FlagSpec> = {
  csv: { kind: 'value' },
  'class-code': { kind: 'value' },
  students: { kind: 'value' },
  help: { kind: 'switch' },
};

/** The mean and 95 % interval of a group's runs in words. */
function intervalText(i: Interval): string {
  if (i.n === 0) return t('cli.class.noRuns');
  if (i.n === 1) return t('cli.class.oneRun', { value: fmt(i.mean) });
  return t('cli.class.interval', { mean: fmt(i.mean), lo: fmt(i.lo), hi: fmt(i.hi), n: n(i.n) });
}

/** A whole number from 1 to max written as digits (as the app's class code field reads it), or undefined. */
function wholeNumber(text: string, max: number): number | undefined {
  const x = text.trim();
  if (!/^\d{1,9}$/.test(x)) return undefined;
  const value = Number(x);
  return value >= 1 && value <= max ? value : undefined;
}

/** The seeds of students 1…N of a class, as CSV (student,seed). */
function seedsCommand(code: string | undefined, students: string | undefined): number {
  const c = wholeNumber(code ?? '', MAX_CLASS_CODE);
  if (c === undefined) throw new CliError(t('cli.class.codeRange', { max: MAX_CLASS_CODE }));
  const count = wholeNumber(students ?? '30', MAX_STUDENT);
  if (count === undefined) throw new CliError(t('cli.class.studentsRange', { max: MAX_STUDENT }));
  let out = 'student,seed\n'; // i18n-exempt: a CSV header, the same in every language
  for (let k = 1; k <= count; k++) out += `${k},${classSeed(c, k)}\n`;
  process.stdout.write(out);
  return EXIT.ok;
}

export async function classCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, FLAGS, 'class');
  if (args.switches.has('help')) {
    process.stdout.write(HELP('class'));
    return EXIT.ok;
  }
  if (args.values.has('class-code') || args.values.has('students')) {
    if (args.positionals.length > 0) throw new CliError(t('cli.class.codeNoFiles'));
    return seedsCommand(args.values.get('class-code'), args.values.get('students'));
  }
  const files = args.positionals;
  if (files.length === 0) throw new CliError(t('cli.class.needsFiles'));
  const csv = args.values.get('csv');
  if (csv !== undefined) checkWritable(csv, '--csv');
  const sources: ClassSource[] = files.map((f) => ({ name: basename(f), text: readText(f, t('cli.file.runOrLinks')) }));
  const { entries, dropped } = await readSources(sources);
  const outcomes = verifyInline(entries, (done, of) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${t('cli.class.progress', { done: n(done), of: n(of) })}`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const table = classTable(entries, outcomes);
  const lines: string[] = [];
  const counted = { count: table.rows.length, shown: n(table.rows.length), rejected: n(table.rejected.length) };
  lines.push(table.unsigned > 0 ? t('cli.class.countedUnsigned', { ...counted, unsigned: n(table.unsigned) }) : t('cli.class.counted', counted));
  for (const g of table.groups) {
    lines.push('');
    const settings = g.settings === '' ? t('cli.class.ownSettings') : g.settings;
    lines.push(t('cli.class.group', { lesson: g.lesson, title: lessonTitle(g.lesson, g.lessonTitle), settings, hours: t('cli.hours', { hours: fmt(g.hours) }), label: mainMetricLabel(g.lesson, g.metric, g.metricLabel), metric: g.metric, unit: g.unit }));
    lines.push(`  ${intervalText(g.interval)}`);
    for (const p of g.predictions) {
      const choices = p.choices.map((c) => `${c.choice} ×${n(c.count)}`).join(', ');
      const sketch = p.sketchEnd ? { sketches: p.sketches, shownSketches: n(p.sketches), lo: fmt(p.sketchEnd.lo), hi: fmt(p.sketchEnd.hi) } : null;
      const head = t('cli.class.prompt', { prompt: n(p.prompt + 1), runs: p.runs, shown: n(p.runs) });
      const parts = [head, ...(choices ? [choices] : []), ...(sketch ? [t('cli.class.sketches', sketch)] : [])];
      lines.push(`  ${parts.join('; ')}`);
    }
  }
  if (table.rejected.length > 0) {
    lines.push('', t('cli.class.notCounted'));
    for (const r of table.rejected) lines.push(`  ${r.n}. ${r.name}: ${t('cli.class.kind', { kind: r.kind })}: ${r.reason}`);
  }
  if (dropped > 0) lines.push('', t('cli.class.dropped', { count: dropped, shown: n(dropped), max: n(entries.length) }));
  if (csv !== undefined) writeText(csv, classCsv(table.rows), '--csv');
  (csv === '-' ? process.stderr : process.stdout).write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
