// A read-only hook for the browser tests (and curious teachers): the engine's state hash and
// tick, exact stepping, the page's measured rates, and a way to crash the worker on purpose.
import type { Session } from './session';
import type { StatsReport } from './stats';
import type { WorkTimesReport } from '../../workers/workTimes';
import { laterPending } from './later';

export interface CellpostHook {
  hash(): Promise<string>;
  tick(): Promise<number>;
  /** Pauses, runs exactly n more steps and resolves to the new tick. */
  stepN(n: number): Promise<number>;
  /** True once the first frame has been drawn (and, in the Lab, its tools are loaded). */
  ready(): boolean;
  /** Deferred jobs queued or waiting (chart redraws, the side column's fit; app/later.ts): 0 once the page has caught up. */
  pending(): number;
  stats(): StatsReport;
  /** Where the engine worker's time went since the last call (stepping, frames, idle…). */
  workTimes(): Promise<WorkTimesReport | null>;
  crash(): Promise<void>;
  /** Cell i of the current frame: its id and where it is on the page (client px), or null. */
  cellAt(i: number): { id: number; clientX: number; clientY: number } | null;
}

export interface HookExtras {
  toClient(x: number, y: number): [number, number];
  /** False while tools the screen shows are still loading. */
  labReady?: () => boolean;
}

declare global {
  interface Window {
    readonly cellpost: CellpostHook;
  }
}

export function installTestHook(session: Session, extras: HookExtras): void {
  let drawn = false;
  session.on('draw', () => {
    drawn = true;
  });
  const hook: CellpostHook = Object.freeze({
    hash: async () => (await session.client.call((api) => api.hash())) ?? '',
    tick: async () => (await session.client.call((api) => api.tick())) ?? -1,
    stepN: (n: number) => session.stepBy(n),
    ready: () => drawn && (extras.labReady?.() ?? true),
    pending: () => laterPending(),
    stats: () => session.stats.report(performance.now()),
    workTimes: async () => (await session.client.call((api) => api.workTimes())) ?? null,
    crash: async () => {
      await session.client.call((api) => api.crashForTest());
    },
    cellAt: (i: number) => {
      const c = session.frame?.cells;
      if (!c || i < 0 || i >= c.count) return null;
      const [clientX, clientY] = extras.toClient(c.x[i], c.y[i]);
      return { id: c.id[i], clientX, clientY };
    },
  });
  Object.defineProperty(window, 'cellpost', { value: hook, writable: false, configurable: false, enumerable: false });
}
