// Cohorts: many short runs of one lesson scenario in two groups (say healthy controls and
// patients, each group a set of parameter changes), every run with its own seed derived from a
// base seed, each measured at the end like a patient sample. Pure and deterministic, built only
// on the engine; prepareCohort() + runCohortJob() let the app spread the runs over Web Workers.
import { createModel, hoursToSteps } from '../../sim/engine';
import { step } from '../../sim/step';
import { measure } from '../../sim/metrics';
import { setAtPath } from '../../sim/params';
import { describeProblems, parseScenario } from '../../sim/validate';
import type { Scenario } from '../../sim/schema';
import type { CohortSpec } from '../../lessons/schema';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';
import { csvLine, num } from './csv';
import { evaluate, rocCurve, splitHalves, type Evaluation, type RocPoint } from './roc';

export interface CohortOptions {
  /** Runs per group (default: the lesson's cohort.size). */
  size?: number;
  /** Hours per run (default: the lesson's cohort.hours). */
  hours?: number;
  /** Seeds derive from this (default: the scenario's seed). */
  baseSeed?: string;
}

/** One run to do: group index (0 = reference), its id, the run's number in the group and its seed. */
export interface CohortJob {
  group: number;
  groupId: string;
  k: number;
  seed: string;
}

/** One run's result: the marker values, in the order of spec.markers. */
export interface CohortRun extends CohortJob {
  values: number[];
}

/** Everything a worker needs (plain, structured-cloneable data). */
export interface PreparedCohort {
  spec: CohortSpec;
  size: number;
  hours: number;
  baseSeed: string;
  /** The scenario of each group: the lesson with that group's changes applied and validated. */
  scenarios: Scenario[];
  /** All runs, interleaved (control 0, case 0, control 1, …) so a partial result stays balanced. */
  jobs: CohortJob[];
}

export interface CohortResult {
  spec: CohortSpec;
  size: number;
  hours: number;
  baseSeed: string;
  runs: CohortRun[];
}

/** The seed of run k of a group: `${base}/${groupId}/${k}` (independent of every other run's). */
export function cohortSeed(base: string, groupId: string, k: number): string {
  return `${base}/${groupId}/${k}`;
}

/** The lesson's scenario with one group's parameter changes applied, validated (throws with the problems). */
export function groupScenario(s: Scenario, spec: CohortSpec, group: number): Scenario {
  const g = spec.groups[group];
  let next: Scenario = { ...s, events: [...s.events] };
  for (const { path, value } of g.set) next = setAtPath(next, path, value);
  const p = parseScenario(next);
  if (!p.ok) throw new Error(`cohort group ${g.id}: ${describeProblems(p.problems)}`);
  return p.value;
}

/** Checks the cohort, applies each group's changes and lists the runs; throws on a bad cohort. */
export function prepareCohort(s: ScenarioFile, opts: CohortOptions = {}): PreparedCohort {
  const spec = s.lesson?.cohort;
  if (!spec) throw new Error(`scenario ${s.id} has no lesson.cohort`);
  // The whole file first: a group setting or marker that names nothing is a problem at its path.
  const whole = parseScenarioFile(s);
  if (!whole.ok) throw new Error(describeProblems(whole.problems));
  const size = opts.size ?? spec.size;
  const hours = opts.hours ?? spec.hours;
  if (!Number.isInteger(size) || size < 2) throw new Error('a cohort needs at least 2 runs per group');
  if (!(hours > 0)) throw new Error('cohort runs need a positive number of hours');
  const baseSeed = opts.baseSeed ?? s.seed;
  const scenarios = spec.groups.map((_, g) => groupScenario(s, spec, g));
  // Every marker must name a metric of the scene.
  const names = new Set(createModel(scenarios[0], baseSeed).reporters.map((r) => r.name));
  for (const mk of spec.markers) if (!names.has(mk.metric)) throw new Error(`cohort marker "${mk.label}": unknown metric "${mk.metric}"`);
  const jobs: CohortJob[] = [];
  for (let k = 0; k < size; k++)
    spec.groups.forEach((g, group) => jobs.push({ group, groupId: g.id, k, seed: cohortSeed(baseSeed, g.id, k) }));
  return { spec, size, hours, baseSeed, scenarios, jobs };
}

/** Runs one job: the group's scenario with the job's seed for `hours`, then reads every marker. */
export function runCohortJob(p: PreparedCohort, job: CohortJob): CohortRun {
  const m = createModel(p.scenarios[job.group], job.seed);
  step(m, hoursToSteps(m, p.hours));
  const x = measure(m);
  return { ...job, values: p.spec.markers.map((mk) => x[mk.metric]) };
}

/** Runs a whole cohort in this thread, in job order. */
export function runCohort(s: ScenarioFile, opts: CohortOptions = {}): CohortResult {
  const p = prepareCohort(s, opts);
  return { spec: p.spec, size: p.size, hours: p.hours, baseSeed: p.baseSeed, runs: p.jobs.map((j) => runCohortJob(p, j)) };
}

/** The marker rows of one group (one row per run, in run order k). */
export function groupRows(r: Pick<CohortResult, 'runs'>, group: number): number[][] {
  return r.runs
    .filter((x) => x.group === group)
    .sort((a, b) => a.k - b.k)
    .map((x) => x.values);
}

/**
 * The cohort's diagnostic evaluation (src/lab/roc.ts): group 1 are the cases, group 0 the reference;
 * fitted on even-numbered runs, judged on odd-numbered ones. `use` picks the score's markers.
 */
export function evaluateCohort(r: Pick<CohortResult, 'runs'>, use?: readonly boolean[]): Evaluation {
  return evaluate(groupRows(r, 1), groupRows(r, 0), use);
}

export interface CohortEval {
  markers: { label: string; unit: string; sign: number; auc: number; roc: RocPoint[] }[];
  score: { auc: number; roc: RocPoint[] };
  n: { trainCases: number; trainReference: number; testCases: number; testReference: number };
}

/**
 * The cohort's evaluation as evaluateCohort makes it (fit on even runs, judge on odd ones), with
 * each marker's own ROC curve on the held-out half, in the direction learnt on the training half;
 * null with fewer than 2 runs in a group.
 */
export function cohortEvaluation(p: Pick<PreparedCohort, 'spec'>, runs: readonly CohortRun[], use?: readonly boolean[]): CohortEval | null {
  const cases = groupRows({ runs: [...runs] }, 1);
  const reference = groupRows({ runs: [...runs] }, 0);
  if (cases.length < 2 || reference.length < 2) return null;
  const e = evaluateCohort({ runs: [...runs] }, use);
  const c = splitHalves(cases).test;
  const r = splitHalves(reference).test;
  return {
    markers: p.spec.markers.map((m, k) => {
      const sign = e.markers[k].sign;
      return { label: m.label, unit: m.unit, sign, auc: e.markers[k].auc, roc: rocCurve(c.map((row) => sign * row[k]), r.map((row) => sign * row[k])) };
    }),
    score: { auc: e.score.auc, roc: e.score.roc },
    n: e.n,
  };
}

/** The cohort as a tidy table: one row per run, its group, number in the group, seed, hours and every marker. */
export function cohortCsv(p: Pick<PreparedCohort, 'spec' | 'hours'>, scenarioId: string, runs: readonly CohortRun[]): string {
  const head = ['scenario', 'group', 'k', 'seed', 'hours', ...p.spec.markers.map((m) => m.metric)];
  const order = [...runs].sort((a, b) => a.k - b.k || a.group - b.group);
  return [head, ...order.map((r) => [scenarioId, r.groupId, String(r.k), r.seed, String(p.hours), ...r.values.map(num)])].map(csvLine).join('');
}
