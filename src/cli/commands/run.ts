// `cellpost run`: builds the scenario (built-in or file, then --set changes), runs it headless
// for --hours with checkpoint hashes, and writes the CSV, JSON summary, run file, cells table
// (at the end or every --cells-every hours) and packets table asked for.
import { createModel, hoursToSteps, stateHash, step, type Model } from '../../../sim/index';
import { makeRunFile, runMemoryProblem, runFileText, type Checkpoint } from '../../lab';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { CliError, EXIT } from '../errors';
import { writeText } from '../files';
import { HELP } from '../help';
import { t } from '../messages';
import { n } from '../numbers';
import { printWarnings } from '../warnings';
import { CHECKPOINT_HOURS } from '../limits';
import { checkOutputs, openSeries, writeOutputs } from '../outputs';
import { CellsFile, writePackets } from '../tables';
import { applySet } from '../overrides';
import { placingProgress, progressBar } from '../progress';
import { loadScenario, readCellsEvery, readHours, readSeed } from '../run-options';

const FLAGS: Record<string, FlagSpec> = {
  scenario: { kind: 'value' },
  'scenario-file': { kind: 'value' },
  seed: { kind: 'value' },
  hours: { kind: 'value' },
  set: { kind: 'list' },
  csv: { kind: 'value' },
  json: { kind: 'value' },
  'save-run': { kind: 'value' },
  cells: { kind: 'value' },
  'cells-every': { kind: 'value' },
  packets: { kind: 'value' },
  help: { kind: 'switch' },
};

/**
 * Steps the model, taking a checkpoint hash at the start, every CHECKPOINT_HOURS and at the end,
 * and calling `atMoment` at the start, every `momentEvery` steps and at the end (if given).
 */
function execute(m: Model, steps: number, label: string, momentEvery = 0, atMoment?: (m: Model) => void, afterSteps?: (m: Model) => void): Checkpoint[] {
  const every = Math.max(1, hoursToSteps(m, CHECKPOINT_HOURS));
  const chunk = Math.max(1, Math.min(every, Math.ceil(steps / 200)));
  const bar = progressBar(steps, label);
  const checkpoints: Checkpoint[] = [{ tick: m.tick, hash: stateHash(m) }];
  const end = m.tick + steps;
  const next = (period: number) => (Math.floor(m.tick / period) + 1) * period;
  if (momentEvery > 0) atMoment?.(m);
  while (m.tick < end) {
    step(m, Math.min(chunk, end - m.tick, next(every) - m.tick, momentEvery > 0 ? next(momentEvery) - m.tick : Infinity));
    afterSteps?.(m);
    if (m.tick % every === 0 || m.tick === end) checkpoints.push({ tick: m.tick, hash: stateHash(m) });
    if (momentEvery > 0 && m.tick % momentEvery === 0) atMoment?.(m);
    bar.update(steps - (end - m.tick));
  }
  atMoment?.(m);
  bar.done();
  return checkpoints;
}

export function runCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'run');
  if (args.switches.has('help')) {
    process.stdout.write(HELP('run'));
    return EXIT.ok;
  }
  expectPositionals(args, [], 'run');
  const outputs = { csv: args.values.get('csv'), json: args.values.get('json'), saveRun: args.values.get('save-run'), cells: args.values.get('cells'), packets: args.values.get('packets') };
  let scenario = loadScenario(args);
  const scenarioId = scenario.id;
  const overrides: { path: string; value: unknown }[] = [];
  for (const assignment of args.lists.get('set') ?? []) {
    const r = applySet(scenario, assignment);
    scenario = r.scenario;
    overrides.push({ path: r.path, value: r.value });
  }
  const seed = readSeed(args, scenario);
  const { hours, steps } = readHours(args, scenario);
  const cellsEvery = readCellsEvery(args, scenario, steps);
  checkOutputs(outputs, [{ what: '--scenario-file', file: args.values.get('scenario-file') }]);
  const tooBig = runMemoryProblem(scenario, { hours, keepSeries: false });
  if (tooBig) throw new CliError(tooBig);
  const series = openSeries(outputs);
  const cells = outputs.cells === undefined ? null : new CellsFile(outputs.cells);
  try {
    const m = createModel(scenario, seed, { onPlacing: placingProgress() });
    series.sink.drain(m);
    const checkpoints = execute(m, steps, `${scenarioId} ${t('cli.hours', { hours: n(hours) })}`, cellsEvery, cells ? (model) => cells.add(model) : undefined, (model) => series.sink.drain(model));
    series.sink.drain(m);
    printWarnings(m.warnings);
    if (outputs.packets !== undefined) {
      const note = writePackets(outputs.packets, m);
      if (note) process.stderr.write(`${t('cli.note', { message: note })}\n`);
    }
    if (outputs.saveRun !== undefined) writeText(outputs.saveRun, runFileText(makeRunFile(m, checkpoints, scenario)), '--save-run');
    series.commit();
    cells?.close();
    writeOutputs(m, { scenarioId, seed, hours, steps, overrides }, outputs);
  } catch (e) {
    series.abort();
    cells?.abort();
    throw e;
  }
  return EXIT.ok;
}
