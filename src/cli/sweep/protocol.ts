// The messages between `cellpost sweep` and its worker threads: the setup every worker gets,
// one task per run, and what a worker reports back (progress, a finished run, or a failure).
import type { Scenario } from '../../../sim/index';
import type { Override } from './combo';

export interface WorkerSetup {
  /** The scenario after --set, before the run's --vary values. */
  base: Scenario;
  steps: number;
  /** Folder for each run's metric series (--per-run-series), or undefined. */
  seriesDir?: string;
  /** Digits in run numbers for series file names (run-007.csv). */
  runDigits: number;
}

export interface RunTask {
  run: number;
  seed: string;
  sets: Override[];
}

export interface RunResult {
  run: number;
  hash: string;
  /** Final value of every metric, in the model's reporter order. */
  names: string[];
  values: number[];
  /** "step N: message" */
  warnings: string[];
}

export type FromWorker =
  | { kind: 'progress'; run: number; steps: number }
  | ({ kind: 'done' } & RunResult)
  | { kind: 'failed'; run: number; message: string };

/** The file a run's series goes to, e.g. run-007.csv. */
export function seriesFileName(run: number, digits: number): string {
  return `run-${String(run).padStart(digits, '0')}.csv`;
}
