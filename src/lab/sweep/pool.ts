// A pool of sweep workers over a small Port: hands out one run at a time to whichever worker is
// free, reports progress (fraction of all runs) and each finished run, and on the last run, the
// first failure or a cancel stops every worker at once. A worker that crashes (an error, an exit,
// an unreadable message) is replaced and its run is done again from the start, so no run is lost
// or reported twice; a run that crashes its worker CRASH_RETRIES + 1 times ends the pool. The host
// says how a worker is started: the command line with worker_threads, the browser with Web
// Workers. A run's result never depends on which worker ran it.
// Its two messages are core words (src/i18n/catalogues/en.json): the pool also runs the Learn
// screen's inline cohort, so it must not bring the Lab tools' catalogue into the first load.
import { t } from '../../i18n/i18n';
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

/** How many times a run whose worker crashed is given to a fresh worker before the pool gives up. */
export const CRASH_RETRIES = 2;

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
  /** Runs whose worker crashed, to be done again (first in line), and how often each crashed. */
  const redo: SweepTask[] = [];
  const crashes = new Map<number, number>();
  const reported = new Set<number>();
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
    const task = redo.shift() ?? (next < o.tasks.length ? o.tasks[next++] : undefined);
    if (task) {
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
    // A run is reported once, whichever worker finished it.
    if (reported.has(msg.run)) return feed(p);
    reported.add(msg.run);
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

  /** A worker crashed: it is replaced, and the run it had is done again by a fresh worker. */
  const crashed = (p: Port, message: string) => {
    if (over) return;
    const task = busy.get(p) ?? null;
    busy.delete(p);
    p.terminate();
    ports.splice(ports.indexOf(p), 1);
    // A worker that crashes before it has a run cannot take the sweep's setup: a fresh one would not either.
    if (!task) return end({ kind: 'failed', task: null, message });
    {
      const times = (crashes.get(task.run) ?? 0) + 1;
      crashes.set(task.run, times);
      if (times > CRASH_RETRIES) return end({ kind: 'failed', task, message: t('sweepWorkers.crashed', { message, times }) });
      partial.delete(task.run);
      redo.push(task);
      progress();
    }
    if (redo.length > 0 || next < o.tasks.length) startOne();
  };

  /** Starts one worker and sends it the sweep's setup; false when it could not start. */
  const startOne = (): boolean => {
    // `port` is assigned before any event can arrive: workers answer asynchronously.
    let port: Port | null = null;
    const events: PortEvents = {
      message: (msg) => port && ports.includes(port) && heard(port, msg),
      error: (message) => {
        if (port && ports.includes(port)) crashed(port, message);
      },
    };
    try {
      port = o.start(events);
    } catch (err) {
      end({ kind: 'failed', task: null, message: t('sweepWorkers.noStart', { message: err instanceof Error ? err.message : String(err) }) });
      return false;
    }
    ports.push(port);
    port.post({ kind: 'setup', setup: o.setup });
    return true;
  };

  if (n === 0) void Promise.resolve().then(() => end({ kind: 'done' }));
  for (let k = 0; k < n && !over; k++) if (!startOne()) break;
  return { cancel: () => end({ kind: 'cancelled' }), workers: n };
}
