// Pins the cell layer's grouping (viz/cellGroups.ts): visible cells sorted by group key, by index
// within a key, hidden cells left out, and the arrays reused from one frame to the next.
import { describe, expect, it } from 'vitest';
import { CellGroups } from '../../viz/cellGroups';

/** Groups keys (-1: hidden) and returns each used key with its cells, in drawing order. */
function grouped(g: CellGroups, keys: number[]): [number, number[]][] {
  const keyOf = g.begin(keys.length);
  keys.forEach((k, i) => (keyOf[i] = k));
  g.finish(keys.length);
  const out: [number, number[]][] = [];
  for (let j = 0; j < g.keyCount; j++) {
    const k = g.keys[j];
    out.push([k, Array.from(g.order.subarray(g.start[k], g.start[k + 1]))]);
  }
  return out;
}

describe('CellGroups', () => {
  it('sorts visible cells by key, by index within a key, and leaves hidden cells out', () => {
    const g = new CellGroups();
    expect(grouped(g, [17, 0, -1, 17, 3, 0, -1, 3])).toEqual([
      [0, [1, 5]],
      [3, [4, 7]],
      [17, [0, 3]],
    ]);
    expect(g.count).toBe(6);
  });

  it('starts afresh each frame: keys of the last frame that no cell has now are gone', () => {
    const g = new CellGroups();
    grouped(g, [5, 5, 9]);
    expect(grouped(g, [2, -1, 2])).toEqual([[2, [0, 2]]]);
    expect(grouped(g, [-1, -1])).toEqual([]);
    expect(g.count).toBe(0);
  });

  it('grows for more cells and higher keys than it started with, and keeps its arrays when it need not', () => {
    const g = new CellGroups();
    const many = Array.from({ length: 1000 }, (_, i) => (i * 7) % 40);
    const out = grouped(g, many);
    expect(out.map(([k]) => k)).toEqual(Array.from({ length: 40 }, (_, k) => k));
    expect(out.reduce((n, [, cells]) => n + cells.length, 0)).toBe(1000);
    for (const [k, cells] of out) for (const i of cells) expect(many[i]).toBe(k);
    const order = g.order;
    grouped(g, many.slice(0, 500));
    expect(g.order).toBe(order);
  });
});
