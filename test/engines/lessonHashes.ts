// Every built-in lesson's state hash after a fixed number of steps from seed 1: the fingerprint
// that must be the same in every JavaScript engine (Node/V8, Bun/JavaScriptCore, Firefox/SpiderMonkey)
// and that test/golden/hashes.json pins per engine version. Host-neutral: no Node or DOM APIs.
import { createModel, step, stateHash } from '../../sim/index';
import { lessonIds, lesson } from '../../lessons/index';

/** The seed every fingerprint run uses. */
export const HASH_SEED = '1';
/** Steps each lesson runs before its state is hashed. */
export const HASH_STEPS = 300;

/** lesson id → state hash after `steps` steps from `seed`, in the lesson picker's order. */
export function lessonHashes(steps = HASH_STEPS, seed = HASH_SEED): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of lessonIds()) {
    const scenario = lesson(id);
    if (!scenario) throw new Error(`built-in lesson ${id} is missing`);
    const m = createModel(scenario, seed);
    step(m, steps);
    out[id] = stateHash(m);
  }
  return out;
}
