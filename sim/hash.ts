// The state hash: two 32-bit FNV-1a-style lanes over every state array (up to its count), the
// blood, the random streams' states, the ledger, the tick, the engine's part of the current
// scenario and the event log (both as key-sorted JSON, so the order keys were written in does not
// matter). A lesson's words, prompts and buttons are not part of the run, so editing them keeps every hash. Equal hashes mean
// the same run; the run file stores them at checkpoints and replay compares.
import type { Model } from './model';
import { STREAMS } from './model';

class Hasher {
  a = 0x811c9dc5 | 0;
  b = 0x01000193 | 0;

  word(w: number): void {
    this.a = Math.imul(this.a ^ (w | 0), 0x01000193);
    this.b = Math.imul(this.b ^ (w | 0), 0x5bd1e995);
    this.b ^= this.b >>> 15;
  }

  bytes(view: ArrayBufferView): void {
    const u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const n4 = u8.byteLength >>> 2;
    const aligned = (u8.byteOffset & 3) === 0;
    if (aligned) {
      const u32 = new Uint32Array(u8.buffer, u8.byteOffset, n4);
      for (let i = 0; i < n4; i++) this.word(u32[i]);
    } else for (let i = 0; i < n4; i++) this.word(u8[4 * i] | (u8[4 * i + 1] << 8) | (u8[4 * i + 2] << 16) | (u8[4 * i + 3] << 24));
    for (let i = n4 * 4; i < u8.byteLength; i++) this.word(u8[i]);
    this.word(u8.byteLength);
  }

  number(x: number): void {
    this.bytes(new Float64Array([x]));
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    this.word(s.length);
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/** JSON with object keys sorted, so the hash does not depend on the order keys were written in. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** The scenario as the engine reads it: of `lesson`, only the detection limit (sim/schema.ts EngineLesson). */
function enginePart(s: Model['scenario']): unknown {
  if (!s.lesson) return s;
  return { ...s, lesson: { detectionLimitPerMl: s.lesson.detectionLimitPerMl } };
}

export function stateHash(m: Model): string {
  const h = new Hasher();
  h.number(m.tick);
  const v = m.vesicles;
  const n = v.count;
  for (const col of v.columns()) h.bytes(col.array.subarray(0, n));
  const c = m.cells;
  h.number(c.count);
  h.number(c.nextId);
  for (const col of c.columns()) h.bytes(col.array.subarray(0, c.count * col.stride));
  h.bytes(m.blood);
  h.bytes(m.deaths);
  h.bytes(m.uptakeTotals);
  for (const name of STREAMS) {
    const s = m.rng[name];
    h.word(s.x);
    h.word(s.y);
    h.word(s.z);
    h.word(s.w);
  }
  for (const [k, x] of Object.entries(m.ledger)) {
    h.text(k);
    h.number(x);
  }
  h.text(canonicalJson(enginePart(m.scenario)));
  h.text(canonicalJson(m.log));
  return h.hex();
}
