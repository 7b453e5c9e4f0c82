// Entry of a `cellpost sweep` worker thread: registers tsx in this thread (a worker does not
// inherit the main thread's loader) and loads the TypeScript worker (src/cli/sweep/worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/sweep/worker.ts');
