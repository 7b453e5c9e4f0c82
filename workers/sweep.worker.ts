// One sweep worker (the app's "Repeat & sweep" panel, src/sweep/): runs whole runs headless, one
// at a time, each from a fresh model — the same steps as `cellpost sweep`'s worker threads, or a
// lesson cohort's runCohortJob — and sends back only small messages: progress, final values, hash.
import { parseScenario, setAtPath, type Scenario } from '../sim/index';
import { runCohortJob, runSweepRun, type CohortJob, type PreparedCohort } from '../src/lab';

/**
 * What every run shares: for a sweep, the scenario (with the user's settings) and the steps; for a
 * lesson's cohort, the prepared cohort (each group's scenario, markers, hours).
 */
export type SweepSetup = { kind?: 'sweep'; base: Scenario; steps: number } | { kind: 'cohort'; cohort: PreparedCohort; steps: number };

/** One run: its number (1…N), its seed, and the varied values applied to the base in order (or a cohort job). */
export interface SweepTask {
  run: number;
  seed: string;
  sets: { path: string; value: unknown }[];
  job?: CohortJob;
}

export interface SweepRunResult {
  run: number;
  hash: string;
  /** Final value of every metric, in the model's reporter order. */
  names: string[];
  values: number[];
  /** "step N: message" */
  warnings: string[];
}

export type SweepToWorker = { kind: 'setup'; setup: SweepSetup } | { kind: 'run'; task: SweepTask };

export type SweepFromWorker =
  | { kind: 'ready' }
  | { kind: 'progress'; run: number; steps: number }
  | ({ kind: 'done' } & SweepRunResult)
  | { kind: 'failed'; run: number; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let setup: SweepSetup | null = null;

/** The scenario of one run: the base with the run's values applied in order, validated once. */
function runScenario(base: Scenario, sets: SweepTask['sets']): Scenario {
  let s: unknown = base;
  for (const o of sets) s = setAtPath(s, o.path, o.value);
  const parsed = parseScenario(s);
  if (!parsed.ok) throw new Error(`its scenario is invalid: ${parsed.problems[0].path}: ${parsed.problems[0].message}`);
  return parsed.value;
}

/** A cohort run, exactly as sim/cohort.ts defines it; the values are the markers'. */
function runCohort(cohort: PreparedCohort, task: SweepTask): SweepFromWorker {
  if (!task.job) throw new Error('a cohort run needs its job');
  const r = runCohortJob(cohort, task.job);
  return { kind: 'done', run: task.run, hash: '', names: cohort.spec.markers.map((m) => m.metric), values: r.values, warnings: [] };
}

function runOne(task: SweepTask): SweepFromWorker {
  if (!setup) throw new Error('the sweep worker got a run before its setup');
  if (setup.kind === 'cohort') return runCohort(setup.cohort, task);
  let lastReport = performance.now();
  const r = runSweepRun(runScenario(setup.base, task.sets), task.seed, setup.steps, (steps) => {
    if (performance.now() - lastReport <= 200) return;
    lastReport = performance.now();
    scope.postMessage({ kind: 'progress', run: task.run, steps } satisfies SweepFromWorker);
  });
  return { kind: 'done', run: task.run, hash: r.hash, names: r.names, values: r.values, warnings: r.warnings };
}

scope.onmessage = (e: MessageEvent<SweepToWorker>) => {
  const msg = e.data;
  if (msg.kind === 'setup') {
    setup = msg.setup;
    scope.postMessage({ kind: 'ready' } satisfies SweepFromWorker);
    return;
  }
  let reply: SweepFromWorker;
  try {
    reply = runOne(msg.task);
  } catch (err) {
    reply = { kind: 'failed', run: msg.task.run, message: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
