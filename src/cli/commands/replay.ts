// `cellpost replay FILE [--verify]`: re-runs a run file and compares the state hash at each
// checkpoint; --verify turns a difference into exit code 1 with the tick, hours and hashes.
import { hoursOverLimit, MAX_HOURS, runMemoryProblem, parseRunFile, replay, type ReplayResult, type RunFile } from '../../lab';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { readText } from '../files';
import { HELP } from '../help';
import { t } from '../messages';
import { fmtHours, n } from '../numbers';
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
  const parsed = parseRunFile(readText(file, t('cli.file.run')));
  if (!parsed.ok) throw new CliError(t('cli.replay.invalid', { file, problem: firstProblem(parsed.problems, t('cli.problems.validateForAll', { file })) }));
  return parsed.value;
}

export function replayCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'replay');
  if (args.switches.has('help')) {
    process.stdout.write(HELP('replay'));
    return EXIT.ok;
  }
  const [file] = expectPositionals(args, ['FILE'], 'replay');
  if (file === undefined) throw new CliError(t('cli.replay.missingFile'));
  const verify = args.switches.has('verify');
  const outputs = { csv: args.values.get('csv'), json: args.values.get('json') };
  checkOutputs(outputs, [{ what: t('cli.file.run'), file }]);
  const f = loadRunFile(file);
  const recordedHours = (f.stopTick * f.scenario.dtSeconds) / 3600;
  const over = hoursOverLimit(recordedHours);
  if (over !== null) throw new CliError(t('cli.replay.tooLong', { file, hours: over, max: n(MAX_HOURS) }));
  if (verify && f.checkpoints.length === 0) throw new CliError(t('cli.replay.noCheckpoints', { file }));
  const tooBig = runMemoryProblem(f.scenario, { hours: recordedHours, keepSeries: false });
  if (tooBig) throw new CliError(t('cli.replay.fileProblem', { file, problem: tooBig }));
  const series = openSeries(outputs);
  const bar = progressBar(f.stopTick, t('cli.replay.progress', { id: f.scenario.id }));
  let r: ReplayResult;
  try {
    r = replay(f, (c) => bar.update(c.tick), { stopAtMismatch: verify, chunk: SERIES_CHUNK, onSteps: (m) => series.sink.drain(m) });
    series.sink.drain(r.model);
  } catch (e) {
    series.abort();
    throw e;
  }
  bar.done();
  for (const w of r.warnings) process.stderr.write(`${t('cli.warning.plain', { message: w })}\n`);
  printWarnings(r.model.warnings);
  const mismatch = r.firstMismatch;
  const where = mismatch ? { tick: n(mismatch.tick), hours: fmtHours(mismatch.hours), expected: mismatch.expected, actual: mismatch.actual } : null;
  if (verify) {
    if (where) {
      series.abort();
      process.stderr.write(`cellpost: ${t('cli.replay.differs', where)}\n`);
      return EXIT.differs;
    }
  } else if (where) process.stderr.write(`${t('cli.replay.differsNote', where)}\n`);
  const info = { scenarioId: f.scenario.id, seed: f.seed, hours: recordedHours, steps: f.stopTick, overrides: [] };
  series.commit();
  writeOutputs(r.model, info, outputs, verify);
  if (!verify && !r.firstMismatch && outputs.csv === undefined && outputs.json === undefined)
    process.stdout.write(`${t('cli.replay.matches', { count: r.checked, shown: n(r.checked) })}\n`);
  if (verify) process.stdout.write(`${t('cli.replay.verified', { count: r.checked, shown: n(r.checked) })}\n`);
  return EXIT.ok;
}
