// The command line's Port for the lab's sweep pool: each sweep worker is a worker_threads thread
// (bin/sweep-worker.js, which loads tsx, then src/cli/sweep/worker.ts).
import { Worker } from 'node:worker_threads';
import type { StartWorker } from '../../lab';
import { t } from '../messages';

const ENTRY = new URL('../../../bin/sweep-worker.js', import.meta.url);

export const startThread: StartWorker = (events) => {
  const w = new Worker(ENTRY);
  w.on('message', events.message);
  w.on('error', (e) => events.error(e.message));
  w.on('messageerror', () => events.error(t('cli.thread.badMessage')));
  w.on('exit', (code) => events.error(t('cli.thread.exit', { code: String(code) })));
  return { post: (msg) => w.postMessage(msg), terminate: () => void w.terminate() };
};
