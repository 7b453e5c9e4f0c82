// One sweep worker thread (started through bin/sweep-worker.js, which loads tsx): the lab's sweep
// worker (src/lab/sweep/run.ts) answering the pool's messages on this thread's port.
import { parentPort } from 'node:worker_threads';
import { sweepWorker } from '../../lab';

const port = parentPort;
if (!port) throw new Error('src/cli/sweep/worker.ts must run in a worker thread');
port.on('message', sweepWorker((msg) => port.postMessage(msg)));
