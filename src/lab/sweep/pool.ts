// A pool of sweep workers over a small Port: hands out one run at a time to whichever worker is
// free, reports progress (fraction of all runs) and each finished run, and on the last run, the
// first failure or a cancel stops every worker at once. The host says how a worker is started:
// the command line with worker_threads, the browser with Web Workers. A run's result never depends
// on which worker ran it.
import type { FromWorker, SweepRunResult, SweepSetup, SweepTask, ToWorker } from './protocol';

/** What the pool hears from one worker: its messages, and any failure (a crash, an exit, an unreadable message). */
export interface PortEvents {
  message(msg: FromWorker): void;
  error(message: string): void;
}

/** One started worker, as the pool drives it. */
export interface Port {
  post(msg: ToWorker): void;
  /** Stops the worker now (events after this are ignored). */
  terminate(): void;
}

/** How a host starts one worker and wires its events. */
export type StartWorker = (events: PortEvents) => Port;

export type PoolEnd = { kind: 'done' } | { kind: 'cancelled' } | { kind: 'failed'; task: SweepTask | null; message: string };

export interface PoolOptions {
  start: StartWorker;
  setup: SweepSetup;
  tasks: readonly SweepTask[];
  workers: number;
  /** Fraction of all runs done (finished runs and the done part of runs in progress), and runs finished. */
  onProgress?: (fraction: number, runsDone: number) => void;
  /** A finished run; throwing here ends the pool as failed. */
  onResult: (r: SweepRunResult) => void;
  /** Called once, after every worker was told to stop. */
  onEnd: (end: PoolEnd) => void;
}

export interface PoolHandle {
  /** Stops every worker now; runs already reported stay with the caller. */
  cancel(): void;
  /** Workers started. */
  readonly workers: number;
}

export function startPool(o: PoolOptions): PoolHandle {
  const n = o.tasks.length === 0 ? 0 : Math.max(1, Math.min(o.workers, o.tasks.length));
  const ports: Port[] = [];
  const busy = new Map<Port, SweepTask>();
  const partial = new Map<number, number>();
  let next = 0;
  let finished = 0;
  let over = false;

  const end = (e: PoolEnd) => {
    if (over) return;
    over = true;
    for (const p of ports) p.terminate();
    o.onEnd(e);
  };
  const progress = () => {
    let done = finished;
    for (const f of partial.values()) done += f;
    o.onProgress?.(Math.min(1, done / o.tasks.length), finished);
  };
  const feed = (p: Port) => {
    busy.delete(p);
    if (next < o.tasks.length) {
      const task = o.tasks[next++];
      busy.set(p, task);
      p.post({ kind: 'run', task });
    }
  };
  const heard = (p: Port, msg: FromWorker) => {
    if (over) return;
    if (msg.kind === 'ready') return feed(p);
    if (msg.kind === 'progress') {
      partial.set(msg.run, Math.max(0, Math.min(1, msg.fraction)));
      return progress();
    }
    if (msg.kind === 'failed') return end({ kind: 'failed', task: busy.get(p) ?? null, message: msg.message });
    const { kind: _kind, ...result } = msg;
    partial.delete(msg.run);
    finished++;
    try {
      o.onResult(result);
    } catch (err) {
      return end({ kind: 'failed', task: busy.get(p) ?? null, message: err instanceof Error ? err.message : String(err) });
    }
    progress();
    if (finished === o.tasks.length) return end({ kind: 'done' });
    feed(p);
  };

  if (n === 0) void Promise.resolve().then(() => end({ kind: 'done' }));
  for (let k = 0; k < n && !over; k++) {
    // `port` is assigned before any event can arrive: workers answer asynchronously.
    let port: Port | null = null;
    const events: PortEvents = {
      message: (msg) => port && heard(port, msg),
      error: (message) => {
        if (!over) end({ kind: 'failed', task: (port && busy.get(port)) ?? null, message });
      },
    };
    try {
      port = o.start(events);
    } catch (err) {
      end({ kind: 'failed', task: null, message: `a sweep worker could not start: ${err instanceof Error ? err.message : String(err)}` });
      break;
    }
    ports.push(port);
    port.post({ kind: 'setup', setup: o.setup });
  }
  return { cancel: () => end({ kind: 'cancelled' }), workers: n };
}
