// The one sweep plan (pure), built by the command line from its options and by the app from its
// form: the base scenario, the varied values, the seeds and the hours; the run count, the sweep's
// id and the metric columns; which run is which; and the check of every combination of values.
import { createModel } from '../../../sim/engine';
import { setAtPath } from '../../../sim/params';
import type { Parsed, Problem } from '../../../sim/validate';
import { parseScenarioFile, type ScenarioFile } from '../../../lessons/scenarioFile';
import { ENGINE_VERSION } from '../../../sim/version';
import { stepsFor } from '../hours';
import { runMemoryProblem } from '../memory';
import { runAt, sweepId } from './parse';

/** One value at one path, applied to the base scenario of a run. */
export interface Setting {
  path: string;
  value: unknown;
}

/** One varied parameter and its values, already parsed (as a setting would apply them). */
export interface Varied {
  path: string;
  values: unknown[];
}

export interface SweepPlan {
  /** The scenario's id as loaded (before any setting). */
  scenarioId: string;
  /** The scenario with the fixed settings applied; every run starts from it plus its varied values. */
  base: ScenarioFile;
  vary: Varied[];
  seeds: string[];
  /** Simulated hours per run; each run takes stepsFor(hours, its own dtSeconds) steps. */
  hours: number;
  /** Steps of a run of the base scenario (a run whose varied values change dtSeconds takes its own). */
  steps: number;
  runs: number;
  id: string;
  metricNames: string[];
  metricUnits: string[];
}

/** One run of the plan: its number (1…N), its seed, each varied value's index and the values. */
export interface PlannedRun {
  run: number;
  seed: string;
  index: number[];
  sets: Setting[];
}

/** Why a combination of varied values cannot run (the host words it). */
export type ComboProblem =
  | { kind: 'invalid'; sets: Setting[]; problems: Problem[] }
  | { kind: 'metrics'; sets: Setting[] }
  | { kind: 'tooShort'; sets: Setting[]; dtSeconds: number }
  | { kind: 'memory'; sets: Setting[]; message: string };

const metricCache = new WeakMap<ScenarioFile, { names: string[]; units: string[] }>();

/** A scenario's metric names and units, in reporter order (the columns of a sweep's rows). */
export function metricsOf(s: ScenarioFile): { names: string[]; units: string[] } {
  let hit = metricCache.get(s);
  if (!hit) {
    const reporters = createModel(s).reporters;
    hit = { names: reporters.map((r) => r.name), units: reporters.map((r) => r.unit) };
    metricCache.set(s, hit);
  }
  return hit;
}

/**
 * The plan of a sweep whose parts are already read and checked one by one (values, seeds, hours,
 * run count within the host's limit). Combinations are checked separately (checkCombination).
 */
export function makePlan(o: { scenarioId: string; base: ScenarioFile; vary: Varied[]; seeds: string[]; hours: number }): SweepPlan {
  const { base, vary, seeds, hours } = o;
  const runs = vary.reduce((n, v) => n * v.values.length, seeds.length);
  const steps = stepsFor(hours, base.dtSeconds);
  const { names, units } = metricsOf(base);
  const id = sweepId({ format: 'cellpost-sweep', engine: ENGINE_VERSION, scenario: base, vary, seeds, hours, steps });
  return { scenarioId: o.scenarioId, base, vary, seeds, hours, steps, runs, id, metricNames: names, metricUnits: units };
}

/** The scenario of one run: the base with the values applied in order, validated once. */
export function comboScenario(base: ScenarioFile, sets: readonly Setting[]): Parsed<ScenarioFile> {
  let s: unknown = base;
  try {
    for (const o of sets) s = setAtPath(s, o.path, o.value);
  } catch (e) {
    return { ok: false, problems: [{ path: sets.map((o) => o.path).join(', '), message: (e as Error).message }] };
  }
  return parseScenarioFile(s);
}

/** Combinations of varied values (first parameter slowest). */
export function combinationCount(plan: Pick<SweepPlan, 'vary'>): number {
  return plan.vary.reduce((n, v) => n * v.values.length, 1);
}

/** The values of combination c (0-based) in the plan's order. */
export function combinationAt(plan: Pick<SweepPlan, 'vary'>, c: number): Setting[] {
  const { values } = runAt(c + 1, plan.vary.map((v) => v.values.length), 1);
  return plan.vary.map((v, k) => ({ path: v.path, value: v.values[values[k]] }));
}

/**
 * Whether combination c can run: its scenario is valid, its hours are at least one of its own time
 * steps, it fits the memory of one run (src/lab/memory.ts), and (when a value is not a number, so it could reshape the scene) it has the same metrics.
 */
export function checkCombination(plan: SweepPlan, c: number): ComboProblem | null {
  const sets = combinationAt(plan, c);
  const p = comboScenario(plan.base, sets);
  if (!p.ok) return { kind: 'invalid', sets, problems: p.problems };
  if (stepsFor(plan.hours, p.value.dtSeconds) < 1) return { kind: 'tooShort', sets, dtSeconds: p.value.dtSeconds };
  const memory = runMemoryProblem(p.value, { hours: plan.hours, keepSeries: true });
  if (memory) return { kind: 'memory', sets, message: memory };
  if (sets.some((o) => typeof o.value !== 'number') && metricsOf(p.value).names.join() !== plan.metricNames.join()) return { kind: 'metrics', sets };
  return null;
}

/** What run r (1…N) runs: its seed, the index of each varied value, and the values. */
export function runOf(plan: Pick<SweepPlan, 'vary' | 'seeds'>, run: number): PlannedRun {
  const { values, seed } = runAt(run, plan.vary.map((v) => v.values.length), plan.seeds.length);
  return { run, seed: plan.seeds[seed], index: values, sets: plan.vary.map((v, k) => ({ path: v.path, value: v.values[values[k]] })) };
}
