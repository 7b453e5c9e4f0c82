// `cellpost class FILE…`: a class's runs together, as the app's "Class results" screen shows them
// — every run file or file of links verified by replay, duplicates and tampered runs listed,
// the groups with the mean and 95 % interval of the lesson's main metric, and --csv the table
// of counted runs, byte for byte the app's. `--class-code C --students N` prints the seeds.
import { basename } from 'node:path';
import { classCsv, classSeed, classTable, intervalWords, MAX_CLASS_CODE, MAX_STUDENT, readSources, readWholeNumber, verifyInline, type ClassSource } from '../../lab';
import { parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { readText, writeText, checkWritable } from '../files';
import { HELP } from '../help';
import { fmt } from '../numbers';

const FLAGS: Record<string, FlagSpec> = {
  csv: { kind: 'value' },
  'class-code': { kind: 'value' },
  students: { kind: 'value' },
  help: { kind: 'switch' },
};

/** The seeds of students 1…N of a class, as CSV (student,seed). */
function seedsCommand(code: string | undefined, students: string | undefined): number {
  const c = readWholeNumber(code ?? '', 'classNumber', MAX_CLASS_CODE);
  if (!c.ok) throw new CliError(`--class-code: ${c.problem}`);
  const n = readWholeNumber(students ?? '30', 'students', MAX_STUDENT);
  if (!n.ok) throw new CliError(`--students: ${n.problem}`);
  let out = 'student,seed\n';
  for (let k = 1; k <= n.value; k++) out += `${k},${classSeed(c.value, k)}\n`;
  process.stdout.write(out);
  return EXIT.ok;
}

export async function classCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, FLAGS, 'class');
  if (args.switches.has('help')) {
    process.stdout.write(HELP.class);
    return EXIT.ok;
  }
  if (args.values.has('class-code') || args.values.has('students')) {
    if (args.positionals.length > 0) throw new CliError('--class-code prints seeds; give it no files');
    return seedsCommand(args.values.get('class-code'), args.values.get('students'));
  }
  const files = args.positionals;
  if (files.length === 0) throw new CliError('class needs at least one run file or file of links: cellpost class run1.json run2.json links.txt …');
  const csv = args.values.get('csv');
  if (csv !== undefined) checkWritable(csv, '--csv');
  const sources: ClassSource[] = files.map((f) => ({ name: basename(f), text: readText(f, 'run file or file of links') }));
  const { entries, dropped } = await readSources(sources);
  const outcomes = verifyInline(entries, (done, of) => {
    if (process.stderr.isTTY) process.stderr.write(`\rverified ${done} of ${of}`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const t = classTable(entries, outcomes);
  const lines: string[] = [];
  lines.push(`${t.rows.length} run${t.rows.length === 1 ? '' : 's'} counted${t.unsigned > 0 ? ` (${t.unsigned} not signed: no hash to check, replayed and counted)` : ''}; ${t.rejected.length} not counted`);
  for (const g of t.groups) {
    lines.push('');
    lines.push(`${g.lesson} (${g.lessonTitle}), ${g.settings === '' ? "the lesson's own settings" : g.settings}, ${fmt(g.hours)} h: ${g.metricLabel} (${g.metric}, ${g.unit})`);
    lines.push(`  ${intervalWords(g.interval, fmt)}`);
    for (const p of g.predictions)
      lines.push(`  prompt ${p.prompt + 1}: ${p.runs} prediction${p.runs === 1 ? '' : 's'}${p.choices.length ? `; ${p.choices.map((c) => `${c.choice} ×${c.count}`).join(', ')}` : ''}${p.sketchEnd ? `; ${p.sketches} sketch${p.sketches === 1 ? '' : 'es'} ending ${fmt(p.sketchEnd.lo)} to ${fmt(p.sketchEnd.hi)}` : ''}`);
  }
  if (t.rejected.length > 0) {
    lines.push('', 'Not counted:');
    for (const r of t.rejected) lines.push(`  ${r.n}. ${r.name}: ${r.kind}: ${r.reason}`);
  }
  if (dropped > 0) lines.push('', `${dropped} more run${dropped === 1 ? ' was' : 's were'} not read (at most ${entries.length} at once)`);
  if (csv !== undefined) writeText(csv, classCsv(t.rows), '--csv');
  (csv === '-' ? process.stderr : process.stdout).write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
