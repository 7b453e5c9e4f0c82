// The side-by-side copy's read-only test hook (window.cellpostTwin): whether the copy of the run
// has caught up with the session, its tick and its state hash, for the browser tests.
import type { TwinRun } from './twin';

export interface TwinHook {
  /** True when the copy is at the session's tick and no work is waiting. */
  settled(): boolean;
  /** The copy's tick (-1 before its first frame). */
  tick(): number;
  hash(): Promise<string>;
}

declare global {
  interface Window {
    readonly cellpostTwin?: TwinHook;
  }
}

export function installTwinHook(twin: TwinRun): void {
  const hook: TwinHook = Object.freeze({ settled: () => twin.settled, tick: () => twin.tick, hash: () => twin.hash() });
  Object.defineProperty(window, 'cellpostTwin', { value: hook, writable: false, configurable: false, enumerable: false });
}
