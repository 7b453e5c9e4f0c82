// A pool of worker threads for `cellpost sweep`: hands out one run at a time to whichever worker
// is free, passes progress and results to the caller, and stops every worker at the end, on the
// first failure, or when aborted. A run's result never depends on which worker ran it.
import { Worker } from 'node:worker_threads';
import type { FromWorker, RunResult, RunTask, WorkerSetup } from './protocol';

const ENTRY = new URL('../../../bin/sweep-worker.js', import.meta.url);

export interface PoolOptions {
  workers: number;
  setup: WorkerSetup;
  onProgress: (run: number, steps: number) => void;
  onResult: (r: RunResult) => void;
  signal?: AbortSignal;
}

export class RunFailed extends Error {
  constructor(
    readonly task: RunTask,
    message: string,
  ) {
    super(message);
  }
}

/** Runs every task; resolves when all are done, rejects on the first failure (RunFailed). */
export function runPool(tasks: readonly RunTask[], o: PoolOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    const busy = new Map<Worker, RunTask>();
    let next = 0;
    let finished = 0;
    let over = false;
    const end = (error?: Error) => {
      if (over) return;
      over = true;
      for (const w of pool) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (w: Worker) => {
      busy.delete(w);
      if (next < tasks.length) {
        busy.set(w, tasks[next]);
        w.postMessage(tasks[next++]);
      }
    };
    o.signal?.addEventListener('abort', () => end(new Error('aborted')));
    if (tasks.length === 0) return end();
    const n = Math.max(1, Math.min(o.workers, tasks.length));
    for (let k = 0; k < n; k++) {
      const w = new Worker(ENTRY, { workerData: o.setup });
      pool.push(w);
      w.on('message', (msg: FromWorker) => {
        if (over) return;
        if (msg.kind === 'progress') o.onProgress(msg.run, msg.steps);
        else if (msg.kind === 'failed') end(new RunFailed(busy.get(w) ?? tasks[0], msg.message));
        else {
          try {
            o.onResult(msg);
          } catch (e) {
            return end(e as Error);
          }
          if (++finished === tasks.length) return end();
          feed(w);
        }
      });
      w.on('error', (e) => end(busy.has(w) ? new RunFailed(busy.get(w)!, e.message) : e));
      w.on('exit', (code) => {
        if (!over) end(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
      });
      feed(w);
    }
  });
}
