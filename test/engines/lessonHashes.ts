// Every built-in lesson's state hash after a fixed number of steps from seed 1 — the fingerprint
// that must be the same in every JavaScript engine (Node/V8, Bun/JavaScriptCore, Firefox/SpiderMonkey)
// and that test/golden/hashes.json pins per engine version — and a fingerprint of every number in
// the lesson's precomputed tables, where an engine's last bit would show before it reaches the
// state. Host-neutral: no Node or DOM APIs.
import { createModel, step, stateHash } from '../../sim/index';
import { RIM_COS, RIM_SIN } from '../../sim/rules/geometry';
import type { Model } from '../../sim/model';
import { lessonIds, lesson } from '../../lessons/index';

/** The seed every fingerprint run uses. */
export const HASH_SEED = '1';
/** Steps each lesson runs before its state is hashed. */
export const HASH_STEPS = 300;

/** lesson id → state hash after `steps` steps from `seed`, in the lesson picker's order. */
export function lessonHashes(steps = HASH_STEPS, seed = HASH_SEED): Record<string, string> {
  return lessonRuns(steps, seed).hashes;
}

/** State hashes and table fingerprints of every lesson. */
export function lessonRuns(steps = HASH_STEPS, seed = HASH_SEED): { hashes: Record<string, string>; tables: Record<string, string> } {
  const hashes: Record<string, string> = {};
  const tables: Record<string, string> = {};
  for (const id of lessonIds()) {
    const scenario = lesson(id);
    if (!scenario) throw new Error(`built-in lesson ${id} is missing`);
    const m = createModel(scenario, seed);
    tables[id] = tablesFingerprint(m);
    step(m, steps);
    hashes[id] = stateHash(m);
  }
  return { hashes, tables };
}

/** FNV-1a over the bits of every number in the model's tables and the rim-angle tables, in key order. */
export function tablesFingerprint(m: Model): string {
  let a = 0x811c9dc5 | 0;
  let count = 0;
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const num = (x: number) => {
    f64[0] = x;
    a = Math.imul(a ^ u32[0], 0x01000193);
    a = Math.imul(a ^ u32[1], 0x01000193);
    count++;
  };
  const seen = new Set<unknown>();
  const walk = (o: unknown): void => {
    if (typeof o === 'number') return num(o);
    if (o === null || typeof o !== 'object' || seen.has(o)) return;
    seen.add(o);
    if (ArrayBuffer.isView(o)) {
      if (!(o instanceof DataView)) {
        const arr = o as unknown as ArrayLike<number | bigint>;
        for (let i = 0; i < arr.length; i++) num(Number(arr[i]));
      }
      return;
    }
    for (const k of Object.keys(o)) walk((o as Record<string, unknown>)[k]);
  };
  walk(m.tables);
  walk(RIM_COS);
  walk(RIM_SIN);
  return `${(a >>> 0).toString(16).padStart(8, '0')}/${count}`;
}
