// The vesicle store's compaction: dropping the packets marked REMOVED keeps the others, in index
// order, in every column — checked against a plain filter for removal patterns of every kind
// (none, all, runs that start or end inside a 4-byte word of the tissue column, the last byte).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REMOVED, VESICLE_COLUMNS, VesicleStore } from '../../sim/state';

/** A store of n packets whose columns hold distinct values derived from the index. */
function filled(n: number, removed: (i: number) => boolean): VesicleStore {
  const v = new VesicleStore(Math.max(n, 1), 1 << 20);
  v.reserve(n);
  for (let i = 0; i < n; i++) v.push(i + 0.25, -i, i % 7, i % 11, 100 + i, 1000 + i);
  for (let i = 0; i < n; i++) if (removed(i)) v.tissue[i] = REMOVED;
  return v;
}

/** What compaction must give: every column filtered by "not removed", as plain arrays. */
function expected(v: VesicleStore): Record<string, number[]> {
  const keep: number[] = [];
  for (let i = 0; i < v.count; i++) if (v.tissue[i] !== REMOVED) keep.push(i);
  const out: Record<string, number[]> = {};
  for (const col of VESICLE_COLUMNS) out[col.name] = keep.map((i) => v[col.name][i]);
  return out;
}

function actual(v: VesicleStore): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const col of VESICLE_COLUMNS) out[col.name] = Array.from(v[col.name].subarray(0, v.count));
  return out;
}

describe('vesicle store compaction', () => {
  it('keeps the unremoved packets in index order, for any removal pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 70 }), fc.integer({ min: 1, max: 9 }), (marks, rareness) => {
        // Rare removals (long kept runs, read a word at a time) as well as dense ones.
        const v = filled(marks.length, (i) => marks[i] && i % rareness === 0);
        const want = expected(v);
        v.compact();
        expect(actual(v)).toEqual(want);
      }),
      { seed: 14, numRuns: 400 },
    );
  });

  it('finds a removal in the last byte, in a partial last word, and none at all', () => {
    for (const n of [1, 3, 4, 5, 8, 9, 1027]) {
      for (const at of [0, n - 1, n >> 1, -1]) {
        const v = filled(n, (i) => i === at);
        const want = expected(v);
        v.compact();
        expect(actual(v)).toEqual(want);
        expect(v.count).toBe(at >= 0 ? n - 1 : n);
      }
    }
  });

  it('empties a store whose packets are all removed', () => {
    const v = filled(13, () => true);
    v.compact();
    expect(v.count).toBe(0);
  });
});
