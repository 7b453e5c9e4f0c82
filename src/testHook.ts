// A read-only hook for the browser tests (and curious teachers): the engine's state hash and
// tick, exact stepping, the page's measured rates, and a way to crash the worker on purpose.
import type { Session } from './session';
import type { StatsReport } from './stats';

export interface CellpostHook {
  hash(): Promise<string>;
  tick(): Promise<number>;
  /** Pauses, runs exactly n more steps and resolves to the new tick. */
  stepN(n: number): Promise<number>;
  /** True once the first frame has been drawn. */
  ready(): boolean;
  stats(): StatsReport;
  crash(): Promise<void>;
}

declare global {
  interface Window {
    readonly cellpost: CellpostHook;
  }
}

export function installTestHook(session: Session): void {
  let drawn = false;
  session.on('draw', () => {
    drawn = true;
  });
  const hook: CellpostHook = Object.freeze({
    hash: async () => (await session.client.call((api) => api.hash())) ?? '',
    tick: async () => (await session.client.call((api) => api.tick())) ?? -1,
    stepN: (n: number) => session.stepBy(n),
    ready: () => drawn,
    stats: () => session.stats.report(performance.now()),
    crash: async () => {
      await session.client.call((api) => api.crashForTest());
    },
  });
  Object.defineProperty(window, 'cellpost', { value: hook, writable: false, configurable: false, enumerable: false });
}
