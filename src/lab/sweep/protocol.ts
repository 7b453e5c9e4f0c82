// The messages between a sweep's pool and its workers, the same for the command line's worker
// threads and the browser's Web Workers: a setup every worker gets first, one task per run, and
// what a worker reports back (ready, progress, a finished run, or a failure). Plain,
// structured-cloneable data.
import type { CohortJob, PreparedCohort } from '../cohort';
import type { Setting } from './plan';
import type { VerifyJob } from '../class/inputs';
import type { VerifyOutcome } from '../class/verify';
import type { ScenarioFile } from '../../../lessons/scenarioFile';

/**
 * What every run shares: for a sweep, the scenario with the fixed settings and the hours (each
 * run takes its own steps: its varied values may change dtSeconds); `series` asks for each run's
 * metric series as CSV text. For a lesson's cohort, the prepared cohort (groups, markers, hours).
 */
export type SweepSetup = { kind: 'sweep'; base: ScenarioFile; hours: number; series?: boolean } | { kind: 'cohort'; cohort: PreparedCohort } | { kind: 'class' };

/** One run: its number (1…N), its seed, and the varied values applied to the base in order (or a cohort job). */
export interface SweepTask {
  run: number;
  seed: string;
  sets: Setting[];
  job?: CohortJob;
  /** A class's run to verify (setup kind 'class', src/lab/class/). */
  verify?: VerifyJob;
}

export interface SweepRunResult {
  run: number;
  /** Final state hash ('' for a cohort run). */
  hash: string;
  /** Final value of every metric, in the model's reporter order (a cohort's: its markers'). */
  names: string[];
  values: number[];
  /** "step N: message" */
  warnings: string[];
  /** The run's metric series as CSV, when the setup asked for it. */
  series?: string;
  /** A class run's verification. */
  verify?: VerifyOutcome;
}

export type ToWorker = { kind: 'setup'; setup: SweepSetup } | { kind: 'run'; task: SweepTask };

export type FromWorker =
  | { kind: 'ready' }
  /** `fraction` of run `run` is done (0…1). */
  | { kind: 'progress'; run: number; fraction: number }
  | ({ kind: 'done' } & SweepRunResult)
  | { kind: 'failed'; run: number; message: string };
