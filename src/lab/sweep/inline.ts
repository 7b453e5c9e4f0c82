// A sweep "worker" in this thread: the Port the pool drives, answered by the same worker code
// (sweepWorker) one message later, for tests and for hosts that cannot start threads. Runs one
// task at a time on the caller's thread, so it blocks while a run steps.
import type { StartWorker } from './pool';
import type { FromWorker, ToWorker } from './protocol';
import { sweepWorker } from './run';

export const startInline: StartWorker = (events) => {
  let stopped = false;
  const handle = sweepWorker((msg: FromWorker) => {
    const copy = structuredClone(msg);
    void Promise.resolve().then(() => !stopped && events.message(copy));
  });
  return {
    post: (msg: ToWorker) => {
      const copy = structuredClone(msg);
      setTimeout(() => !stopped && handle(copy), 0);
    },
    terminate: () => {
      stopped = true;
    },
  };
};
