// The state hash: two 32-bit FNV-1a-style lanes over every state array (up to its count), the
// blood, the random streams' states, the ledger, the tick and the event log. Equal hashes mean
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

export function stateHash(m: Model): string {
  const h = new Hasher();
  h.number(m.tick);
  const v = m.vesicles;
  const n = v.count;
  for (const a of [v.x, v.y, v.tissue, v.originTissue, v.type, v.originCell, v.born]) h.bytes(a.subarray(0, n));
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
  h.text(JSON.stringify(m.scenario));
  h.text(JSON.stringify(m.log));
  return h.hex();
}
