// The outputs shared by run and replay: --csv and --json files (or "-" for stdout), checked
// for writability before a long run, and the human summary when neither is given.
import type { Model } from '../../sim/index';
import { CliError } from './errors';
import { checkWritable, writeText } from './files';
import { seriesCsv } from './csv';
import { humanSummary, jsonSummary, type RunInfo } from './summary';

export interface OutputFiles {
  csv?: string;
  json?: string;
}

/** Checks the output flags before any work is done. */
export function checkOutputs(o: OutputFiles & { saveRun?: string }): void {
  if (o.csv === '-' && o.json === '-') throw new CliError('--csv - and --json - cannot both write to standard output; give one of them a file name');
  if (o.saveRun === '-' && (o.csv === '-' || o.json === '-')) throw new CliError('only one output may go to standard output (-)');
  if (o.csv !== undefined) checkWritable(o.csv, '--csv');
  if (o.json !== undefined) checkWritable(o.json, '--json');
  if (o.saveRun !== undefined) checkWritable(o.saveRun, '--save-run');
}

/** Writes the requested files, or prints the human summary when no --csv/--json was given. */
export function writeOutputs(m: Model, info: RunInfo, o: OutputFiles, quiet = false): void {
  if (o.csv !== undefined) writeText(o.csv, seriesCsv(m.series), '--csv');
  if (o.json !== undefined) writeText(o.json, jsonSummary(m, info), '--json');
  if (o.csv === undefined && o.json === undefined && !quiet) process.stdout.write(humanSummary(m, info));
}
