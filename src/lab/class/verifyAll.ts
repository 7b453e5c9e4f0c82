// Verifying every run of a class: on the lab's pool of sweep workers (the app: several runs at
// once, off the page's thread) or one after another in this thread (the command line). Both give
// the same outcomes, each in the place of its entry; invalid entries are not replayed.
import { startPool, type PoolHandle, type StartWorker } from '../sweep/pool';
import type { SweepTask } from '../sweep/protocol';
import type { ClassEntry } from './inputs';
import { verifyRun, type VerifyOutcome } from './verify';

/** Each valid entry replayed here, in order (undefined for invalid entries). */
export function verifyInline(entries: readonly ClassEntry[], onRun?: (done: number, of: number) => void): (VerifyOutcome | undefined)[] {
  const of = entries.filter((e) => e.ok).length;
  let done = 0;
  return entries.map((e) => {
    if (!e.ok) return undefined;
    const o = verifyRun(e.job);
    onRun?.(++done, of);
    return o;
  });
}

export interface PoolVerify {
  /** Resolves with the outcomes when every run is done; rejects when the pool fails or is cancelled. */
  done: Promise<(VerifyOutcome | undefined)[]>;
  cancel(): void;
}

/** Each valid entry replayed on `workers` sweep workers; `onProgress` hears the fraction done and runs finished. */
export function verifyOnPool(entries: readonly ClassEntry[], start: StartWorker, workers: number, onProgress?: (fraction: number, runs: number) => void): PoolVerify {
  const outcomes: (VerifyOutcome | undefined)[] = entries.map(() => undefined);
  const tasks: SweepTask[] = [];
  entries.forEach((e, i) => {
    if (e.ok) tasks.push({ run: i + 1, seed: e.seed, sets: [], verify: e.job });
  });
  let pool: PoolHandle | null = null;
  const done = new Promise<(VerifyOutcome | undefined)[]>((resolve, reject) => {
    pool = startPool({
      start,
      setup: { kind: 'class' },
      tasks,
      workers,
      onProgress,
      onResult: (r) => {
        outcomes[r.run - 1] = r.verify;
      },
      onEnd: (end) => {
        if (end.kind === 'done') resolve(outcomes);
        else reject(new Error(end.kind === 'cancelled' ? 'cancelled' : end.message));
      },
    });
  });
  return { done, cancel: () => (pool as PoolHandle | null)?.cancel() };
}
