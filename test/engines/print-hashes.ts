// Prints the lessons' state hashes and table fingerprints as one JSON line, so any JavaScript
// runtime that runs TypeScript can report its own: `tsx test/engines/print-hashes.ts` (Node) or
// `bun test/engines/print-hashes.ts` (Bun). Optional argument: the number of steps.
import { ENGINE_VERSION } from '../../sim/version';
import { HASH_SEED, HASH_STEPS, lessonRuns } from './lessonHashes';

const arg = typeof process !== 'undefined' ? process.argv[2] : undefined;
const steps = arg === undefined ? HASH_STEPS : Number(arg);
if (!Number.isInteger(steps) || steps < 0) throw new Error(`steps must be a whole number ≥ 0, not ${arg}`);
const t0 = Date.now();
const { hashes, tables } = lessonRuns(steps);
console.log(JSON.stringify({ engineVersion: ENGINE_VERSION, seed: HASH_SEED, steps, hashes, tables, ms: Date.now() - t0 }));
