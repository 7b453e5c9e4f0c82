// The plan of a `cellpost sweep`, read from its options and checked in full before any run
// starts: the lab's sweep plan (src/lab/sweep/plan.ts) with --set applied to the base, each --vary
// value checked like a --set value, every combination checked, and every problem worded in
// terms of the flags.
import { checkCombination, combinationCount, countRuns, headerFor, makePlan, MAX_SWEEP_RUNS, parseSeeds, parseVary, repeatedColumn, type Setting, type SweepPlan, type Varied } from '../../lab';
import type { ParsedArgs } from '../args';
import { CliError } from '../errors';
import { fmtHours } from '../numbers';
import { applySet } from '../overrides';
import { loadScenario, readHours } from '../run-options';
import { firstProblem } from '../scenario-source';

/** A lab result, or a CliError naming the flag the text came from. */
function ok<T>(r: { ok: true; value: T } | { ok: false; message: string }, flag: string): T {
  if (!r.ok) throw new CliError(`${flag} ${r.message}`);
  return r.value;
}

const show = (sets: readonly Setting[]) => sets.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join(', ');

/** Checks every combination of varied values before the first run. */
function checkCombinations(plan: SweepPlan): void {
  for (let c = 0, n = combinationCount(plan); c < n; c++) {
    const p = checkCombination(plan, c);
    if (!p) continue;
    if (p.kind === 'invalid') throw new CliError(`--vary ${show(p.sets)} makes the scenario invalid: ${firstProblem(p.problems, 'fix the first one first')}`);
    if (p.kind === 'tooShort') throw new CliError(`--hours ${plan.hours} is shorter than one time step with --vary ${show(p.sets)} (${p.dtSeconds} s); give at least ${fmtHours(p.dtSeconds / 3600)}`);
    if (p.kind === 'memory') throw new CliError(p.sets.length ? `with --vary ${show(p.sets)}, ${p.message}` : p.message);
    throw new CliError(`--vary ${show(p.sets)} changes the scenario's metrics (its cell, vesicle or tissue types); a sweep needs the same columns in every run`);
  }
}

/** One --vary value, checked like a --set value; errors name --vary. */
function varyValue(base: SweepPlan['base'], path: string, text: string): unknown {
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
  const fixed: string[] = [];
  for (const assignment of args.lists.get('set') ?? []) {
    const r = applySet(base, assignment);
    base = r.scenario;
    fixed.push(r.path);
  }
  const specs = (args.lists.get('vary') ?? []).map((text) => ok(parseVary(text), '--vary'));
  const seedsText = args.values.get('seeds');
  const seeds = seedsText === undefined ? [base.seed] : ok(parseSeeds(seedsText), '--seeds');
  const counts = specs.map((v) => v.values.length);
  if (countRuns(counts, seeds.length) === undefined) {
    const size = [...counts, seeds.length].reduce((a, b) => a * b, 1);
    const parts = [...specs.map((v) => `${v.values.length} values of ${v.path}`), `${seeds.length} seed${seeds.length > 1 ? 's' : ''}`].join(' × ');
    throw new CliError(`this sweep would have ${size < 1e15 ? size : size.toExponential(1)} runs (${parts}); at most ${MAX_SWEEP_RUNS} runs in one sweep: use fewer values or seeds, or split it into several sweeps`);
  }
  const vary: Varied[] = [];
  for (const spec of specs) {
    if (vary.some((v) => v.path === spec.path)) throw new CliError(`--vary ${spec.path} is given twice; list all its values in one --vary`);
    if (fixed.includes(spec.path)) throw new CliError(`${spec.path} is given both in --set and in --vary; give it once`);
    const values = spec.values.map((t) => varyValue(base, spec.path, t));
    const twice = values.find((x, k) => values.findIndex((y) => JSON.stringify(y) === JSON.stringify(x)) !== k);
    if (twice !== undefined) throw new CliError(`--vary ${spec.path} lists the value ${JSON.stringify(twice)} twice`);
    vary.push({ path: spec.path, values });
  }
  const { hours } = readHours(args, base);
  const plan = makePlan({ scenarioId, base, vary, seeds, hours });
  const clash = repeatedColumn(headerFor(plan));
  if (clash !== undefined) throw new CliError(`--vary ${clash} has the name of a results column; it cannot be varied in a sweep`);
  checkCombinations(plan);
  return plan;
}
