// `cellpost replay FILE [--verify]`: re-runs a run file and compares the state hash at each
// checkpoint; --verify turns a difference into exit code 1 with the tick, hours and hashes.
import { hoursOverLimit, MAX_HOURS, runMemoryProblem, parseRunFile, replay, type ReplayResult, type RunFile } from '../../lab';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { readText } from '../files';
import { HELP } from '../help';
import { fmtHours } from '../numbers';
import { checkOutputs, openSeries, writeOutputs } from '../outputs';
import { progressBar } from '../progress';
import { firstProblem } from '../scenario-source';
import { printWarnings } from '../warnings';

/** Most steps replayed before the series gathered so far is written out. */
const SERIES_CHUNK = 2000;

const FLAGS: Record<string, FlagSpec> = {
  verify: { kind: 'switch' },
  csv: { kind: 'value' },
  json: { kind: 'value' },
  help: { kind: 'switch' },
};

/** Reads and validates a run file, or fails with its first problem. */
export function loadRunFile(file: string): RunFile {
  const parsed = parseRunFile(readText(file, 'run file'));
  if (!parsed.ok) throw new CliError(`${file} is not a valid run file: ${firstProblem(parsed.problems, `run \`cellpost validate ${file}\` for all`)}`);
  return parsed.value;
}

export function replayCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'replay');
  if (args.switches.has('help')) {
    process.stdout.write(HELP.replay);
    return EXIT.ok;
  }
  const [file] = expectPositionals(args, ['FILE'], 'replay');
  if (file === undefined) throw new CliError('missing the run file: cellpost replay FILE [--verify]');
  const verify = args.switches.has('verify');
  const outputs = { csv: args.values.get('csv'), json: args.values.get('json') };
  checkOutputs(outputs, [{ what: 'run file', file }]);
  const f = loadRunFile(file);
  const recordedHours = (f.stopTick * f.scenario.dtSeconds) / 3600;
  const over = hoursOverLimit(recordedHours);
  if (over !== null) throw new CliError(`${file} covers ${over} simulated hours, more than the ${MAX_HOURS} Cellpost replays`);
  if (verify && f.checkpoints.length === 0) throw new CliError(`${file} records no checkpoints, so there is nothing to verify`);
  const tooBig = runMemoryProblem(f.scenario, { hours: recordedHours, keepSeries: false });
  if (tooBig) throw new CliError(`${file}: ${tooBig}`);
  const series = openSeries(outputs);
  const bar = progressBar(f.stopTick, `replay ${f.scenario.id}`);
  let r: ReplayResult;
  try {
    r = replay(f, (c) => bar.update(c.tick), { stopAtMismatch: verify, chunk: SERIES_CHUNK, onSteps: (m) => series.sink.drain(m) });
    series.sink.drain(r.model);
  } catch (e) {
    series.abort();
    throw e;
  }
  bar.done();
  for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
  printWarnings(r.model.warnings);
  const where = r.firstMismatch
    ? `differs from the recorded run at tick ${r.firstMismatch.tick} (${fmtHours(r.firstMismatch.hours)}): expected hash ${r.firstMismatch.expected}, got ${r.firstMismatch.actual}`
    : '';
  if (verify) {
    if (r.firstMismatch) {
      series.abort();
      process.stderr.write(`cellpost: replay ${where}\n`);
      return EXIT.differs;
    }
  } else if (r.firstMismatch) process.stderr.write(`note: the replay ${where}\n`);
  const info = { scenarioId: f.scenario.id, seed: f.seed, hours: recordedHours, steps: f.stopTick, overrides: [] };
  series.commit();
  writeOutputs(r.model, info, outputs, verify);
  if (!verify && !r.firstMismatch && outputs.csv === undefined && outputs.json === undefined)
    process.stdout.write(`matches the recorded run at all ${r.checked} checkpoint${r.checked === 1 ? '' : 's'}\n`);
  if (verify) process.stdout.write(`verified: identical to the recorded run (${r.checked} checkpoint${r.checked === 1 ? '' : 's'})\n`);
  return EXIT.ok;
}
