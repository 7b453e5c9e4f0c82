// Pins workers/framePool.ts: a store handed back is used again when it fits, a new one (with
// room to grow) only when none does, and detached or malformed stores are ignored.
import { describe, expect, it } from 'vitest';
import { FramePool } from '../../workers/framePool';
import type { DensityGrid } from '../../sim/index';

const grids: DensityGrid[] = [{ nx: 4, ny: 2, binUm: 1, offset: 0 }];

describe('FramePool', () => {
  it('reuses a handed-back store that fits and makes one only when none does', () => {
    const pool = new FramePool();
    const a = pool.take(1000, grids);
    expect(pool.made).toBe(1);
    expect(a.xy.length).toBeGreaterThanOrEqual(2000 * 1.25);
    expect(a.counts.length).toBe(8);
    pool.give([a]);
    expect(pool.take(1100, grids)).toBe(a);
    expect(pool.made).toBe(1);
    pool.give([a]);
    const b = pool.take(10_000, grids);
    expect(b).not.toBe(a);
    expect(pool.made).toBe(2);
  });

  it('ignores detached and malformed stores and keeps at most three', () => {
    const pool = new FramePool();
    pool.give([{ xy: new Float32Array(0), tissue: new Uint8Array(0), type: new Uint8Array(0), counts: new Uint32Array(0) }]);
    pool.give([{ xy: [1, 2] } as never, undefined as never]);
    expect(pool.size).toBe(0);
    pool.give([1, 2, 3, 4, 5].map((k) => ({ xy: new Float32Array(k * 10), tissue: new Uint8Array(k * 5), type: new Uint8Array(k * 5), counts: new Uint32Array(8) })));
    expect(pool.size).toBe(3);
    expect(pool.take(20, grids).xy.length).toBe(50);
  });
});
