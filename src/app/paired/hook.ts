// The compare dialog's read-only test hook (window.cellpostPaired): whether both runs are
// loaded, their tick and state hashes, and exact stepping of both, for the browser tests.
import type { PairedRunner } from './runner';

export interface PairedHook {
  ready(): boolean;
  ticks(): number;
  hashes(): Promise<[string, string]>;
  stepN(n: number): Promise<number>;
}

declare global {
  interface Window {
    readonly cellpostPaired?: PairedHook;
  }
}

export function installPairedHook(runner: PairedRunner): void {
  const hook: PairedHook = Object.freeze({
    ready: () => runner.frames !== null,
    ticks: () => runner.tick,
    hashes: () => runner.hashes(),
    stepN: (n: number) => runner.stepBy(n),
  });
  Object.defineProperty(window, 'cellpostPaired', { value: hook, writable: false, configurable: false, enumerable: false });
}
