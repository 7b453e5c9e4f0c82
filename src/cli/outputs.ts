// The outputs of run and replay: --csv, --json, --save-run, --cells and --packets files (or "-"
// for stdout), checked before a long run — writable, each its own file, none of them an input,
// at most one on stdout — and the human summary when neither --csv nor --json is given.
import { resolve } from 'node:path';
import type { Model } from '../../sim/index';
import { CliError } from './errors';
import { checkWritable, identity, OutputFile, writeText } from './files';
import { t } from './messages';
import { SeriesSink } from './series';
import { humanSummary, jsonSummary, type RunInfo } from './summary';

export interface OutputFiles {
  csv?: string;
  json?: string;
  saveRun?: string;
  cells?: string;
  packets?: string;
}

/** The flag that names each output, in the order they are checked and named in messages. */
const FLAG: Record<keyof OutputFiles, string> = { csv: '--csv', json: '--json', saveRun: '--save-run', cells: '--cells', packets: '--packets' };

/** An input file and how it was given (e.g. '--scenario-file', 'the run file'). */
export interface InputFile {
  what: string;
  file: string | undefined;
}

/** Checks the output flags before any work is done (exit 2 on a problem). */
export function checkOutputs(o: OutputFiles, inputs: readonly InputFile[] = []): void {
  const given = (Object.keys(FLAG) as (keyof OutputFiles)[]).filter((k) => o[k] !== undefined).map((k) => ({ flag: FLAG[k], file: o[k]! }));
  const toStdout = given.filter((g) => g.file === '-');
  if (toStdout.length > 1) {
    const flags = toStdout.map((g) => `${g.flag} -`).join(t('cli.out.and'));
    throw new CliError(t('cli.out.manyStdout', { count: toStdout.length, flags }));
  }
  const seen = new Map<string, string>();
  const names = new Map<string, string>();
  for (const input of inputs) if (input.file !== undefined && input.file !== '-') seen.set(identity(input.file), `input:${input.what}`);
  for (const g of given) {
    if (g.file === '-') continue;
    const id = identity(g.file);
    const before = seen.get(id);
    if (before?.startsWith('input:')) throw new CliError(t('cli.out.isInput', { flag: g.flag, file: g.file, input: before.slice(6) }));
    const name = names.get(id);
    if (before && name !== undefined && resolve(name) !== resolve(g.file))
      throw new CliError(t('cli.out.linked', { before, name, flag: g.flag, file: g.file }));
    if (before) throw new CliError(t('cli.out.same', { before, flag: g.flag, file: g.file }));
    seen.set(id, g.flag);
    names.set(id, g.file);
    checkWritable(g.file, g.flag);
  }
}

/**
 * Opens --csv before the run (the series is written as the run goes, through a temporary file
 * put in place by commit(); abort() leaves the target as it was).
 */
export function openSeries(o: OutputFiles): { sink: SeriesSink; commit: () => void; abort: () => void } {
  const file = o.csv === undefined ? undefined : new OutputFile(o.csv, '--csv');
  const sink = new SeriesSink(file);
  return {
    sink,
    commit: () => {
      sink.flush();
      file?.commit();
    },
    abort: () => file?.abort(),
  };
}

/**
 * Writes --json, or prints the human summary when neither --csv nor --json was given and no
 * other output went to standard output (--csv is written as the run goes: openSeries).
 */
export function writeOutputs(m: Model, info: RunInfo, o: OutputFiles, quiet = false): void {
  if (o.json !== undefined) writeText(o.json, jsonSummary(m, info), '--json');
  if (o.csv === undefined && o.json === undefined && !quiet && !Object.values(o).includes('-')) process.stdout.write(humanSummary(m, info));
}
