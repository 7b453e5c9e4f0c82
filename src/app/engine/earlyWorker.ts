// The engine worker public/boot.js starts on a link to a lesson, before the app's scripts have
// arrived (its file named by the build, build/earlyWorker.ts). The first engine start takes it;
// one that failed to start is ended, and the app starts a fresh one.

interface EarlyEngine {
  worker: Worker;
  /** Why it failed before the app took it, or null. */
  failed: string | null;
}

/** The worker boot.js started, once (null when there is none, it failed, or it was taken). */
export function takeEarlyWorker(): Worker | null {
  const g = globalThis as { cellpostEarlyEngine?: EarlyEngine };
  const early = g.cellpostEarlyEngine;
  delete g.cellpostEarlyEngine;
  if (!early || !(early.worker instanceof Worker)) return null;
  if (early.failed !== null) {
    early.worker.terminate();
    return null;
  }
  return early.worker;
}
