// One sweep worker of the app's "Repeat & sweep" panel: the lab's sweep worker (src/lab/sweep/run.ts)
// answering the page's pool on this Web Worker — the same code as `cellpost sweep`'s worker
// threads, so both give identical rows. Runs whole runs headless, one at a time, each from a
// fresh model, and sends back only small messages: progress, final values, hash.
import { sweepWorker, type ToWorker } from '../src/lab';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = sweepWorker((msg) => scope.postMessage(msg), 200);
scope.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
