// The plan of a `cellpost sweep`, read from its options and checked in full before any run
// starts: the scenario with --set changes, every value of every --vary (range and validity of
// each combination), the seeds, the hours, the run count (capped) and the sweep's id.
import { createModel, ENGINE_VERSION, type Scenario } from '../../../sim/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { countRuns, MAX_SWEEP_RUNS, parseSeeds, parseVary, runAt, sweepId } from '../../lab';
import type { ParsedArgs } from '../args';
import { CliError } from '../errors';
import { applySet } from '../overrides';
import { loadScenario, readHours } from '../run-options';
import { firstProblem } from '../scenario-source';
import { comboScenario, type Override } from './combo';
import type { RunTask } from './protocol';

export interface Varied {
  path: string;
  /** Parsed values, as --set would apply them. */
  values: unknown[];
}

export interface SweepPlan {
  scenarioId: string;
  base: ScenarioFile;
  fixed: Override[];
  vary: Varied[];
  seeds: string[];
  hours: number;
  steps: number;
  runs: number;
  id: string;
  metricNames: string[];
}

function ok<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) throw new CliError(r.message);
  return r.value;
}

/** Every combination of varied values, first --vary slowest. */
function* combinations(vary: readonly Varied[]): Generator<Override[]> {
  const counts = vary.map((v) => v.values.length);
  const total = counts.reduce((a, b) => a * b, 1);
  for (let c = 0; c < total; c++) {
    const { values } = runAt(c + 1, counts, 1);
    yield vary.map((v, k) => ({ path: v.path, value: v.values[values[k]] }));
  }
}

const show = (sets: readonly Override[]) => sets.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join(', ');

/** Checks each combination's scenario; returns the metric names (the same for every run). */
function checkCombinations(base: ScenarioFile, vary: readonly Varied[]): string[] {
  const names = (s: Scenario) => createModel(s).reporters.map((r) => r.name);
  const first = names(base);
  const structural = vary.some((v) => v.values.some((x) => typeof x !== 'number'));
  for (const sets of combinations(vary)) {
    const p = comboScenario(base, sets);
    if (!p.ok) throw new CliError(`--vary ${show(sets)} makes the scenario invalid: ${firstProblem(p.problems, 'fix the first one first')}`);
    if (structural && names(p.value).join() !== first.join()) throw new CliError(`--vary ${show(sets)} changes the scenario's metrics (its cell, vesicle or tissue types); a sweep needs the same columns in every run`);
  }
  return first;
}

/** One --vary value, checked like a --set value; errors name --vary. */
function varyValue(base: ScenarioFile, path: string, text: string): unknown {
  try {
    return applySet(base, `${path}=${text}`, '--vary').value;
  } catch (e) {
    if (e instanceof CliError && !/--vary/.test(e.message)) throw new CliError(`--vary ${e.message}`);
    throw e;
  }
}

export function readPlan(args: ParsedArgs): SweepPlan {
  let base = loadScenario(args);
  const scenarioId = base.id;
  const fixed: Override[] = [];
  for (const assignment of args.lists.get('set') ?? []) {
    const r = applySet(base, assignment);
    base = r.scenario;
    fixed.push({ path: r.path, value: r.value });
  }
  const specs = (args.lists.get('vary') ?? []).map((text) => ok(parseVary(text)));
  const seedsText = args.values.get('seeds');
  const seeds = seedsText === undefined ? [base.seed] : ok(parseSeeds(seedsText));
  const counts = specs.map((v) => v.values.length);
  const runs = countRuns(counts, seeds.length);
  if (runs === undefined) {
    const size = [...counts, seeds.length].reduce((a, b) => a * b, 1);
    const parts = [...specs.map((v) => `${v.values.length} values of ${v.path}`), `${seeds.length} seed${seeds.length > 1 ? 's' : ''}`].join(' × ');
    throw new CliError(`this sweep would have ${size < 1e15 ? size : size.toExponential(1)} runs (${parts}); at most ${MAX_SWEEP_RUNS} runs in one sweep: use fewer values or seeds, or split it into several sweeps`);
  }
  const vary: Varied[] = [];
  for (const spec of specs) {
    if (vary.some((v) => v.path === spec.path)) throw new CliError(`--vary ${spec.path} is given twice; list all its values in one --vary`);
    if (fixed.some((o) => o.path === spec.path)) throw new CliError(`${spec.path} is given both in --set and in --vary; give it once`);
    const values = spec.values.map((t) => varyValue(base, spec.path, t));
    const twice = values.find((x, k) => values.findIndex((y) => JSON.stringify(y) === JSON.stringify(x)) !== k);
    if (twice !== undefined) throw new CliError(`--vary ${spec.path} lists the value ${JSON.stringify(twice)} twice`);
    vary.push({ path: spec.path, values });
  }
  const { hours, steps } = readHours(args, base);
  const metricNames = checkCombinations(base, vary);
  const id = sweepId({ format: 'cellpost-sweep', engine: ENGINE_VERSION, scenario: base, vary, seeds, hours, steps });
  return { scenarioId, base, fixed, vary, seeds, hours, steps, runs, id, metricNames };
}

/** What a worker needs for run r. */
export function taskFor(plan: SweepPlan, run: number): RunTask {
  const { values, seed } = runAt(run, plan.vary.map((v) => v.values.length), plan.seeds.length);
  return { run, seed: plan.seeds[seed], sets: plan.vary.map((v, k) => ({ path: v.path, value: v.values[values[k]] })) };
}
