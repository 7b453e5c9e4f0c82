// `cellpost run`: builds the scenario (built-in or file, then --set changes), runs it headless
// for --hours with checkpoint hashes, and writes the CSV, JSON summary and run file asked for.
import { createModel, hoursToSteps, makeRunFile, runFileText, stateHash, step, type Checkpoint, type Model, type Scenario } from '../../../sim/index';
import { expectPositionals, parseArgs, type FlagSpec, type ParsedArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { writeText } from '../files';
import { HELP } from '../help';
import { printWarnings } from '../warnings';
import { CHECKPOINT_HOURS, MAX_HOURS } from '../limits';
import { fmtHours, parseNumber } from '../numbers';
import { checkOutputs, writeOutputs } from '../outputs';
import { applySet } from '../overrides';
import { progressBar } from '../progress';
import { builtInScenario, scenarioFromFile } from '../scenario-source';

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

function loadScenario(args: ParsedArgs): Scenario {
  const id = args.values.get('scenario');
  const file = args.values.get('scenario-file');
  if (id !== undefined && file !== undefined) throw new CliError('give --scenario ID or --scenario-file FILE, not both');
  if (file !== undefined) return scenarioFromFile(file);
  if (id === undefined) throw new CliError('missing --scenario ID (or --scenario-file FILE); see cellpost scenarios for the ids');
  return builtInScenario(id);
}

function readSeed(args: ParsedArgs, s: Scenario): string {
  const seed = args.values.get('seed');
  if (seed === undefined) return s.seed;
  if (seed.trim() === '' || seed.length > 100) throw new CliError(`--seed must be 1 to 100 characters; got "${seed.slice(0, 20)}${seed.length > 20 ? '…' : ''}"`);
  return seed;
}

/** Hours and the whole number of steps they take, refusing negative, absurd or too-short runs. */
function readHours(args: ParsedArgs, s: Scenario): { hours: number; steps: number } {
  const text = args.values.get('hours');
  const hours = text === undefined ? (s.lesson?.hours ?? 24) : parseNumber(text);
  const range = `more than 0 and at most ${MAX_HOURS}`;
  if (hours === undefined) throw new CliError(`--hours must be a number of simulated hours, ${range}; got "${text}"`);
  if (hours <= 0) throw new CliError(`--hours must be ${range}; got ${text}`);
  if (hours > MAX_HOURS) throw new CliError(`--hours ${text} is over the limit of ${MAX_HOURS} simulated hours (about 14 months); run in parts or shorten it`);
  const steps = Math.round((hours * 3600) / s.dtSeconds);
  if (steps < 1) throw new CliError(`--hours ${text} is shorter than one time step (${s.dtSeconds} s); give at least ${fmtHours(s.dtSeconds / 3600)}`);
  return { hours, steps };
}

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
