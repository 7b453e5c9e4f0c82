// The browser's Port for the lab's sweep pool: each sweep worker is a dedicated Web Worker
// (workers/sweep.worker.ts); and how many of them the panel offers and starts by default.
import type { FromWorker, StartWorker } from '../../lab';
// Core words, not the Lab tools' catalogue: the Learn screen's inline cohort starts these workers too.
import { t } from '../../i18n/i18n';

/** Most workers the panel offers, whatever navigator.hardwareConcurrency says. */
export const MAX_WORKERS = 16;

/** Workers to use by default: one per logical core, at most 8 (memory; the page itself needs a core too). */
export function defaultWorkers(cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2): number {
  return Math.max(1, Math.min(8, cores));
}

export const startWebWorker: StartWorker = (events) => {
  const w = new Worker(new URL('../../../workers/sweep.worker.ts', import.meta.url), { type: 'module', name: 'cellpost-sweep' });
  w.onmessage = (e: MessageEvent<FromWorker>) => events.message(e.data);
  w.onerror = (e) => {
    e.preventDefault();
    events.error(e.message || t('sweepWorkers.stopped'));
  };
  w.onmessageerror = () => events.error(t('sweepWorkers.unreadable'));
  return { post: (msg) => w.postMessage(msg), terminate: () => w.terminate() };
};
