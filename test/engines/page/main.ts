// Runs every lesson in this browser's JavaScript engine and puts the state hashes and table
// fingerprints, as JSON, into #hashes with data-done set (or the error into data-error), for
// test/engines/engines.test.ts.
import { ENGINE_VERSION } from '../../../sim/version';
import { HASH_SEED, HASH_STEPS, lessonRuns } from '../lessonHashes';

const out = document.getElementById('hashes') as HTMLElement;
const steps = Number(new URLSearchParams(location.search).get('steps') ?? HASH_STEPS);
// let the page paint first, so a slow run does not look like a page that never loaded
setTimeout(() => {
  try {
    const t0 = performance.now();
    const { hashes, tables } = lessonRuns(steps);
    out.textContent = JSON.stringify({ engineVersion: ENGINE_VERSION, seed: HASH_SEED, steps, hashes, tables, ms: Math.round(performance.now() - t0) });
    out.dataset.done = '1';
  } catch (e) {
    out.dataset.error = String((e as Error)?.stack ?? e);
  }
}, 0);
