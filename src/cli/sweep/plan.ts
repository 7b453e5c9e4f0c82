// The plan of a `cellpost sweep`, read from its options and checked in full before any run
// starts: the lab's sweep plan (src/lab/sweep/plan.ts) with --set applied to the base, each --vary
// value checked like a --set value, every combination checked, and every problem worded in
// terms of the flags.
import { checkCombination, combinationCount, countRuns, headerFor, makePlan, MAX_SWEEP_RUNS, parseSeeds, parseVary, repeatedColumn, type Setting, type SweepPlan, type Varied } from '../../lab';
import type { ParsedArgs } from '../args';
import { CliError } from '../errors';
import { t } from '../messages';
import { fmtHours, localNumber, n } from '../numbers';
import { applySet } from '../overrides';
import { loadScenario, readHours } from '../run-options';
import { firstProblem } from '../scenario-source';

/** A lab result, or a CliError naming the flag the text came from. */
function ok<T>(r: { ok: true; value: T } | { ok: false; message: string }, flag: string): T {
  if (!r.ok) throw new CliError(t('cli.flagProblem', { flag, problem: r.message }));
  return r.value;
}

const show = (sets: readonly Setting[]) => sets.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join(', ');

/** "20 values of PATH × 5 seeds": the sizes that make a sweep's runs. */
export function sweepSizes(vary: readonly { path: string; values: readonly unknown[] }[], seeds: number): string {
  const sizes = [...vary.map((v) => t('cli.sweep.values', { count: v.values.length, shown: n(v.values.length), path: v.path })), t('cli.sweep.seeds', { count: seeds, shown: n(seeds) })];
  return sizes.join(' × ');
}

/** Checks every combination of varied values before the first run. */
function checkCombinations(plan: SweepPlan): void {
  for (let c = 0, count = combinationCount(plan); c < count; c++) {
    const p = checkCombination(plan, c);
    if (!p) continue;
    const sets = show(p.sets);
    if (p.kind === 'invalid') throw new CliError(t('cli.set.invalid', { flag: '--vary', assignment: sets, problem: firstProblem(p.problems, t('cli.problems.fixFirst')) }));
    if (p.kind === 'tooShort') throw new CliError(t('cli.vary.tooShort', { hours: n(plan.hours), sets, dt: n(p.dtSeconds), least: fmtHours(p.dtSeconds / 3600) }));
    if (p.kind === 'memory') throw new CliError(p.sets.length ? t('cli.vary.memory', { sets, problem: p.message }) : p.message);
    throw new CliError(t('cli.vary.metrics', { sets }));
  }
}

/** One --vary value, checked like a --set value; errors name --vary. */
function varyValue(base: SweepPlan['base'], path: string, text: string): unknown {
  try {
    return applySet(base, `${path}=${text}`, '--vary').value;
  } catch (e) {
    if (e instanceof CliError && !/--vary/.test(e.message)) throw new CliError(t('cli.flagProblem', { flag: '--vary', problem: e.message }));
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
    const parts = sweepSizes(specs, seeds.length);
    throw new CliError(t('cli.vary.tooMany', { size: size < 1e15 ? n(size) : localNumber(size.toExponential(1)), parts, max: n(MAX_SWEEP_RUNS) }));
  }
  const vary: Varied[] = [];
  for (const spec of specs) {
    if (vary.some((v) => v.path === spec.path)) throw new CliError(t('cli.vary.twice', { path: spec.path }));
    if (fixed.includes(spec.path)) throw new CliError(t('cli.vary.alsoSet', { path: spec.path }));
    const values = spec.values.map((t) => varyValue(base, spec.path, t));
    const twice = values.find((x, k) => values.findIndex((y) => JSON.stringify(y) === JSON.stringify(x)) !== k);
    if (twice !== undefined) throw new CliError(t('cli.vary.valueTwice', { path: spec.path, value: JSON.stringify(twice) }));
    vary.push({ path: spec.path, values });
  }
  const { hours } = readHours(args, base);
  const plan = makePlan({ scenarioId, base, vary, seeds, hours });
  const clash = repeatedColumn(headerFor(plan));
  if (clash !== undefined) throw new CliError(t('cli.vary.column', { path: clash }));
  checkCombinations(plan);
  return plan;
}
