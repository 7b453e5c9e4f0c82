// A pool of dedicated sweep workers (workers/sweep.worker.ts) in the page: hands out one run at a
// time to whichever worker is free, reports progress and each finished run's small result row,
// and on cancel or failure terminates every worker at once (finished runs are kept by the caller).
import type { SweepFromWorker, SweepRunResult, SweepSetup, SweepTask, SweepToWorker } from '../../../workers/sweep.worker';

/** Most workers the panel offers, whatever navigator.hardwareConcurrency says. */
export const MAX_WORKERS = 16;

/** Workers to use by default: one per logical core, at most 8 (memory; the page itself needs a core too). */
export function defaultWorkers(cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2): number {
  return Math.max(1, Math.min(8, cores));
}

export type PoolEnd = { kind: 'done' } | { kind: 'cancelled' } | { kind: 'failed'; task: SweepTask | null; message: string };

export interface PoolOptions {
  setup: SweepSetup;
  tasks: readonly SweepTask[];
  workers: number;
  /** Fraction of all steps done (finished runs and runs in progress), and runs finished. */
  onProgress: (fraction: number, runsDone: number) => void;
  onResult: (r: SweepRunResult) => void;
  onEnd: (end: PoolEnd) => void;
  /** For tests: how a worker is made. */
  makeWorker?: () => Worker;
}

export interface PoolHandle {
  /** Terminates every worker now; runs already reported stay with the caller. */
  cancel(): void;
  readonly workers: number;
}

const newWorker = () => new Worker(new URL('../../../workers/sweep.worker.ts', import.meta.url), { type: 'module', name: 'cellpost-sweep' });

export function startPool(o: PoolOptions): PoolHandle {
  const make = o.makeWorker ?? newWorker;
  const n = Math.max(1, Math.min(o.workers, o.tasks.length || 1));
  const pool: Worker[] = [];
  const busy = new Map<Worker, SweepTask>();
  const partial = new Map<number, number>();
  const totalSteps = o.tasks.length * o.setup.steps;
  let next = 0;
  let finished = 0;
  let over = false;

  const end = (e: PoolEnd) => {
    if (over) return;
    over = true;
    for (const w of pool) w.terminate();
    o.onEnd(e);
  };
  const progress = () => {
    let steps = finished * o.setup.steps;
    for (const s of partial.values()) steps += s;
    o.onProgress(totalSteps ? Math.min(1, steps / totalSteps) : 1, finished);
  };
  const feed = (w: Worker) => {
    busy.delete(w);
    if (next < o.tasks.length) {
      const task = o.tasks[next++];
      busy.set(w, task);
      w.postMessage({ kind: 'run', task } satisfies SweepToWorker);
    }
  };

  if (o.tasks.length === 0) {
    queueMicrotask(() => end({ kind: 'done' }));
    return { cancel: () => end({ kind: 'cancelled' }), workers: 0 };
  }
  for (let k = 0; k < n; k++) {
    const w = make();
    pool.push(w);
    w.onmessage = (e: MessageEvent<SweepFromWorker>) => {
      if (over) return;
      const msg = e.data;
      if (msg.kind === 'ready') return feed(w);
      if (msg.kind === 'progress') {
        partial.set(msg.run, msg.steps);
        return progress();
      }
      if (msg.kind === 'failed') return end({ kind: 'failed', task: busy.get(w) ?? null, message: msg.message });
      partial.delete(msg.run);
      finished++;
      try {
        o.onResult(msg);
      } catch (err) {
        return end({ kind: 'failed', task: busy.get(w) ?? null, message: (err as Error).message });
      }
      progress();
      if (finished === o.tasks.length) return end({ kind: 'done' });
      feed(w);
    };
    w.onerror = (e) => {
      e.preventDefault();
      end({ kind: 'failed', task: busy.get(w) ?? null, message: e.message || 'a sweep worker stopped with an error' });
    };
    w.onmessageerror = () => end({ kind: 'failed', task: busy.get(w) ?? null, message: 'a message from a sweep worker could not be read' });
    w.postMessage({ kind: 'setup', setup: o.setup } satisfies SweepToWorker);
  }
  return { cancel: () => end({ kind: 'cancelled' }), workers: n };
}
