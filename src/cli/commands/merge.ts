// `cellpost merge OUT IN…`: joins the results files of a sweep's shards into one file sorted by
// run, after checking that they are shards of the same sweep (columns, scenario, engine version,
// sweep id); reports duplicate and missing runs (exit 1 when runs are missing).
import { parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { col, csvLine, resultsCsv, type SweepRow } from '../../lab';
import { checkWritable } from '../files';
import { HELP } from '../help';
import { readResults, writeSorted } from '../sweep/results';

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
  row: SweepRow;
}

function sameSweep(ref: Source, s: Source): void {
  const differ = (name: 'scenario' | 'engine_version' | 'runs' | 'sweep', label: string, why = '') => {
    const [a, b] = [ref.row.fields[col(name)], s.row.fields[col(name)]];
    if (a !== b) throw new CliError(`${s.file} and ${ref.file} are not shards of the same sweep: ${label} ${b} and ${a}${why}`);
  };
  differ('scenario', 'scenarios');
  differ('engine_version', 'engine versions');
  differ('runs', 'numbers of runs');
  differ('sweep', 'sweep ids', ' (the --set, --vary, --seeds or --hours differ)');
}

export function mergeCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'merge');
  if (args.switches.has('help')) {
    process.stdout.write(HELP.merge);
    return EXIT.ok;
  }
  const [out, ...inputs] = args.positionals;
  if (out === undefined || inputs.length === 0) throw new CliError('merge needs OUT and at least one results file: cellpost merge OUT shard1.csv shard2.csv …');
  checkWritable(out, 'OUT');
  const report = out === '-' ? process.stderr : process.stdout;
  let header: string[] | undefined;
  let headerFile = '';
  let ref: Source | undefined;
  const rows = new Map<number, Source>();
  let duplicates = 0;
  for (const file of inputs) {
    const parsed = readResults(file);
    if (header === undefined) [header, headerFile] = [parsed.header, file];
    else if (csvLine(parsed.header) !== csvLine(header)) {
      const k = Math.max(0, header.findIndex((h, i) => parsed.header[i] !== h));
      throw new CliError(`${file} and ${headerFile} are not shards of the same sweep: their columns differ (column ${k + 1}: "${parsed.header[k] ?? ''}" and "${header[k] ?? ''}")`);
    }
    for (const d of parsed.dropped) process.stderr.write(`warning: ${d}; skipped\n`);
    for (const row of parsed.rows) {
      const s = { file, row };
      ref ??= s;
      sameSweep(ref, s);
      const seen = rows.get(row.run);
      if (!seen) rows.set(row.run, s);
      else if (csvLine(seen.row.fields) === csvLine(row.fields)) duplicates++;
      else throw new CliError(`run ${row.run} is in ${seen.file} and ${file} with different results (state hash ${seen.row.fields.at(-1)} and ${row.fields.at(-1)})`);
    }
  }
  const kept = [...rows.values()].map((s) => s.row);
  if (out === '-') process.stdout.write(resultsCsv(header!, kept));
  else writeSorted(out, header!, kept);
  if (!ref) {
    report.write(`merged ${inputs.length} files into ${out}: they hold no runs\n`);
    return EXIT.incomplete;
  }
  const total = Number(ref.row.fields[col('runs')]);
  const missing: number[] = [];
  for (let run = 1; run <= total; run++) if (!rows.has(run)) missing.push(run);
  const dup = duplicates ? `; ${duplicates} duplicate row${duplicates > 1 ? 's' : ''} left out` : '';
  report.write(`merged ${inputs.length} file${inputs.length > 1 ? 's' : ''} into ${out}: ${rows.size} of ${total} runs of sweep ${ref.row.fields[col('sweep')]} (${ref.row.fields[col('scenario')]})${dup}\n`);
  if (!missing.length) return EXIT.ok;
  process.stderr.write(`cellpost: ${missing.length} run${missing.length > 1 ? 's are' : ' is'} missing: ${runList(missing)}\n`);
  return EXIT.incomplete;
}
