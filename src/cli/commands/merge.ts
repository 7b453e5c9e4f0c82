// `cellpost merge OUT IN…`: joins the results files of a sweep's shards into one file sorted by
// run, after checking that they are shards of the same sweep (columns, scenario, engine version,
// sweep id, sound numbers); reports duplicate and missing runs (exit 1 when runs are missing).
// The inputs are read as streams and the output copied line by line: no file is held whole.
import { parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { closeSync } from 'node:fs';
import { col, csvLine, parseCsv } from '../../lab';
import { checkWritable, identity } from '../files';
import { HELP } from '../help';
import { t } from '../messages';
import { n } from '../numbers';
import { writeSortedFrom } from '../sweep/results';
import { openRegular, readPlace, scanResults, type RowPlace } from '../sweep/scan';

const FLAGS: Record<string, FlagSpec> = { help: { kind: 'switch' } };

/** "3, 7, 9–12" for a sorted list of run numbers (at most `max` items shown). */
export function runList(runs: readonly number[], max = 20): string {
  const parts: string[] = [];
  for (let i = 0; i < runs.length; ) {
    let j = i;
    while (j + 1 < runs.length && runs[j + 1] === runs[j] + 1) j++;
    parts.push(j > i ? `${runs[i]}-${runs[j]}` : String(runs[i]));
    i = j + 1;
  }
  return parts.length > max ? `${parts.slice(0, max).join(', ')}, …` : parts.join(', ');
}

interface Source {
  file: string;
  fields: string[];
}

function sameSweep(ref: Source, s: Source): void {
  const differ = (name: 'scenario' | 'engine_version' | 'runs' | 'sweep') => {
    const [a, b] = [ref.fields[col(name)], s.fields[col(name)]];
    if (a !== b) throw new CliError(t('cli.merge.notSameSweep', { file: s.file, ref: ref.file, what: name, b, a }));
  };
  differ('scenario');
  differ('engine_version');
  differ('runs');
  differ('sweep');
}

/** A row found in one of the inputs: which input, and where its line lies. */
type Place = RowPlace & { input: number };

export function mergeCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'merge');
  if (args.switches.has('help')) {
    process.stdout.write(HELP('merge'));
    return EXIT.ok;
  }
  const [out, ...inputs] = args.positionals;
  if (out === undefined || inputs.length === 0) throw new CliError(t('cli.merge.needsFiles'));
  checkWritable(out, 'OUT');
  if (out !== '-') {
    const target = identity(out);
    const same = inputs.find((f) => identity(f) === target);
    if (same !== undefined) throw new CliError(t('cli.merge.outIsInput', { out, same }));
  }
  const report = out === '-' ? process.stderr : process.stdout;
  let header: string[] | undefined;
  let headerFile = '';
  let ref: Source | undefined;
  const rows = new Map<number, Place>();
  let duplicates = 0;
  const fds = inputs.map(() => -1);
  const lineAt = (p: Place): string => {
    if (fds[p.input] < 0) fds[p.input] = openRegular(inputs[p.input], t('cli.file.results'));
    return csvLine(parseCsv(readPlace(fds[p.input], p).toString('utf8')).records[0] ?? []);
  };
  try {
    inputs.forEach((file, input) => {
      scanResults(file, {
        onHeader: (found) => {
          if (header === undefined) [header, headerFile] = [found, file];
          else if (csvLine(found) !== csvLine(header)) {
            const k = Math.max(0, header.findIndex((h, i) => found[i] !== h));
            throw new CliError(t('cli.merge.columnsDiffer', { file, ref: headerFile, column: n(k + 1), found: found[k] ?? '', expected: header[k] ?? '' }));
          }
        },
        onDropped: (d) => process.stderr.write(`${t('cli.merge.skipped', { message: d })}\n`),
        onRow: (row) => {
          const s = { file, fields: row.fields };
          ref ??= s;
          sameSweep(ref, s);
          const seen = rows.get(row.run);
          if (!seen) {
            rows.set(row.run, { input, offset: row.offset, length: row.length });
            return;
          }
          const before = lineAt(seen);
          if (before === csvLine(row.fields)) duplicates++;
          else {
            const hash = parseCsv(before).records[0]?.at(-1);
            throw new CliError(t('cli.merge.conflict', { run: n(row.run), first: inputs[seen.input], file, hash: hash ?? '', other: row.fields.at(-1) ?? '' }));
          }
        },
      });
    });
    for (let k = 0; k < inputs.length; k++) if (fds[k] < 0) fds[k] = openRegular(inputs[k], t('cli.file.results'));
    const places = new Map([...rows].map(([run, p]) => [run, { ...p, fd: fds[p.input] }]));
    if (out === '-') {
      let chunk = csvLine(header!);
      for (const run of [...places.keys()].sort((a, b) => a - b)) {
        chunk += lineAt(rows.get(run)!);
        if (chunk.length > 1 << 20) {
          process.stdout.write(chunk);
          chunk = '';
        }
      }
      process.stdout.write(chunk);
    } else writeSortedFrom(out, header!, places);
  } finally {
    for (const fd of fds) if (fd >= 0) closeSync(fd);
  }
  if (!ref) {
    report.write(`${t('cli.merge.empty', { count: inputs.length, shown: n(inputs.length), out })}\n`);
    return EXIT.incomplete;
  }
  const first: Source = ref;
  const total = Number(first.fields[col('runs')]);
  const missing: number[] = [];
  for (let run = 1; run <= total; run++) if (!rows.has(run)) missing.push(run);
  const merged = { count: inputs.length, shown: n(inputs.length), out, runs: n(rows.size), total: n(total), sweep: first.fields[col('sweep')], scenario: first.fields[col('scenario')] };
  report.write(`${duplicates ? t('cli.merge.doneDuplicates', { ...merged, duplicates, shownDuplicates: n(duplicates) }) : t('cli.merge.done', merged)}\n`);
  if (!missing.length) return EXIT.ok;
  process.stderr.write(`cellpost: ${t('cli.merge.missing', { count: missing.length, shown: n(missing.length), runs: runList(missing) })}\n`);
  return EXIT.incomplete;
}
