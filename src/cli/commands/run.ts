// `cellpost run`: builds the scenario (built-in or file, then --set changes), runs it headless
// for --hours with checkpoint hashes, and writes the CSV, JSON summary and run file asked for.
import { createModel, hoursToSteps, stateHash, step, type Model } from '../../../sim/index';
import { makeRunFile, runFileText, type Checkpoint } from '../../lab';
import { expectPositionals, parseArgs, type FlagSpec } from '../args';
import { EXIT } from '../errors';
import { writeText } from '../files';
import { HELP } from '../help';
import { printWarnings } from '../warnings';
import { CHECKPOINT_HOURS } from '../limits';
import { checkOutputs, writeOutputs } from '../outputs';
import { applySet } from '../overrides';
import { progressBar } from '../progress';
import { loadScenario, readHours, readSeed } from '../run-options';

const FLAGS: Record<string, FlagSpec> = {
  scenario: { kind: 'value' },
  'scenario-file': { kind: 'value' },
  seed: { kind: 'value' },
  hours: { kind: 'value' },
  set: { kind: 'list' },
  csv: { kind: 'value' },
  json: { kind: 'value' },
  'save-run': { kind: 'value' },
  help: { kind: 'switch' },
};

/** Steps the model, taking a checkpoint hash at the start, every CHECKPOINT_HOURS and at the end. */
function execute(m: Model, steps: number, label: string): Checkpoint[] {
  const every = Math.max(1, hoursToSteps(m, CHECKPOINT_HOURS));
  const chunk = Math.max(1, Math.min(every, Math.ceil(steps / 200)));
  const bar = progressBar(steps, label);
  const checkpoints: Checkpoint[] = [{ tick: m.tick, hash: stateHash(m) }];
  const end = m.tick + steps;
  while (m.tick < end) {
    const nextCheckpoint = (Math.floor(m.tick / every) + 1) * every;
    step(m, Math.min(chunk, end - m.tick, nextCheckpoint - m.tick));
    if (m.tick % every === 0 || m.tick === end) checkpoints.push({ tick: m.tick, hash: stateHash(m) });
    bar.update(steps - (end - m.tick));
  }
  bar.done();
  return checkpoints;
}

export function runCommand(argv: readonly string[]): number {
  const args = parseArgs(argv, FLAGS, 'run');
  if (args.switches.has('help')) {
    process.stdout.write(HELP.run);
    return EXIT.ok;
  }
  expectPositionals(args, [], 'run');
  const outputs = { csv: args.values.get('csv'), json: args.values.get('json'), saveRun: args.values.get('save-run') };
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
  checkOutputs(outputs);
  const m = createModel(scenario, seed);
  const checkpoints = execute(m, steps, `${scenarioId} ${hours} h`);
  printWarnings(m.warnings);
  if (outputs.saveRun !== undefined) writeText(outputs.saveRun, runFileText(makeRunFile(m, checkpoints, scenario)), '--save-run');
  writeOutputs(m, { scenarioId, seed, hours, steps, overrides }, outputs, outputs.saveRun === '-');
  return EXIT.ok;
}
