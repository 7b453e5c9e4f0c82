// The fine near grid (sim/nearGrid.ts) answers diffusion's cell check exactly as the bin walk
// would: a clear fine bin holds no point the walk finds in a cell, a fine bin marked by one cell
// can only be answered by that cell, and whole runs end in the same state either way.
import { afterEach, describe, expect, it } from 'vitest';
import { createModel, schedule, stateHash, step, type Model } from '../../sim/index';
import { prepareNear, nearGridSettings } from '../../sim/nearGrid';
import { rebuildGrid } from '../../sim/grid';
import { lesson } from '../../lessons/index';
import type { Scenario } from '../../sim/schema';
import { model } from './helpers';

/** The bin walk diffusion did before the fine grid: the first listed cell whose disc holds (x, y), or −1. */
function walk(m: Model, t: number, x: number, y: number): number {
  const g = m.tables.grid;
  let bx = (x * g.inv[t]) | 0;
  let by = (y * g.inv[t]) | 0;
  if (bx >= g.cols[t]) bx = g.cols[t] - 1;
  if (by >= g.rows[t]) by = g.rows[t] - 1;
  const b = g.offset[t] + by * g.cols[t] + bx;
  const c = m.cells;
  for (let k = g.binStart[b]; k < g.binStart[b + 1]; k++) {
    const j = g.items[k];
    const dx = c.x[j] - x;
    const dy = c.y[j] - y;
    if (dx * dx + dy * dy < c.radius[j] * c.radius[j]) return j;
  }
  return -1;
}

/** What the fine grid says of (x, y): 'clear', the one cell to test, or 'several'. */
function fine(m: Model, t: number, x: number, y: number): 'clear' | 'several' | number {
  const g = m.tables.grid;
  let fx = (x * g.fineInv[t]) | 0;
  let fy = (y * g.fineInv[t]) | 0;
  if (fx >= g.fineCols[t]) fx = g.fineCols[t] - 1;
  if (fy >= g.fineRows[t]) fy = g.fineRows[t] - 1;
  const f = g.fineOffset[t] + fy * g.fineCols[t] + fx;
  if (((g.near[f >>> 5] >>> (f & 31)) & 1) === 0) return 'clear';
  return g.nearCell[f] >= 0 ? g.nearCell[f] : 'several';
}

afterEach(() => {
  nearGridSettings.worth = 4;
});

describe('fine near grid', () => {
  it('agrees with the bin walk everywhere, also at membranes, bin edges and tissue walls', () => {
    const m = model({
      cellTypes: {
        small: { name: 'small', radius: 4 },
        mid: { name: 'mid', radius: 6.5 },
        big: { name: 'big', radius: 9.3 },
      },
      tissues: {
        a: { name: 'a', width: 400, height: 300, diffusion: 0.5, halfLifeHours: 1000, cells: [{ type: 'small', count: 150 }, { type: 'mid', count: 150 }, { type: 'big', count: 60 }] },
        b: { name: 'b', width: 250, height: 170, diffusion: 0.5, halfLifeHours: 1000, cells: [{ type: 'big', count: 40 }, { type: 'small', count: 80 }] },
      },
    });
    const g = m.tables.grid;
    g.seenCount = -1;
    rebuildGrid(g, m);
    expect(prepareNear(g, m, Infinity)).toBe(true);
    const c = m.cells;
    const w = [400, 250];
    const h = [300, 170];
    // A small fixed generator: the points are test data, not model randomness.
    let s = 12345;
    const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
    const points: [number, number, number][] = [];
    for (let k = 0; k < 60_000; k++) {
      const t = k % 2;
      points.push([t, u() * w[t], u() * h[t]]);
    }
    // Points a hair inside and outside every membrane, and on fine and coarse bin edges.
    for (let j = 0; j < c.count; j++) {
      for (let k = 0; k < 24; k++) {
        const angle = (k / 24) * 2 * Math.PI;
        for (const e of [-1e-9, 0, 1e-9, 1e-4]) {
          const r = c.radius[j] + e;
          const x = c.x[j] + r * Math.cos(angle);
          const y = c.y[j] + r * Math.sin(angle);
          const t = c.tissue[j];
          if (x >= 0 && y >= 0 && x <= w[t] && y <= h[t]) points.push([t, x, y]);
        }
      }
    }
    for (let k = 0; k < 20_000; k++) {
      const t = k % 2;
      const edge = 1 / g.fineInv[t];
      points.push([t, Math.round((u() * w[t]) / edge) * edge, u() * h[t]], [t, w[t], u() * h[t]], [t, u() * w[t], h[t]]);
    }
    let clear = 0;
    let one = 0;
    let inside = 0;
    const wrong: string[] = [];
    for (const [t, x, y] of points) {
      const want = walk(m, t, x, y);
      const got = fine(m, t, x, y);
      if (got === 'clear') {
        if (want !== -1) wrong.push(`(${x}, ${y}) in tissue ${t}: clear, but in cell ${want}`);
        clear++;
      } else if (got !== 'several') {
        const dx = c.x[got] - x;
        const dy = c.y[got] - y;
        const says = dx * dx + dy * dy < c.radius[got] * c.radius[got] ? got : -1;
        if (want !== says) wrong.push(`(${x}, ${y}) in tissue ${t}: the walk finds ${want}, the one cell ${got} says ${says}`);
        one++;
      }
      if (want >= 0) inside++;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The test reached every kind of answer.
    expect(clear).toBeGreaterThan(10_000);
    expect(one).toBeGreaterThan(10_000);
    expect(inside).toBeGreaterThan(1_000);
  });

  it('is rebuilt when a cell moves and kept when none changed', () => {
    const m = model({ cellTypes: { c: { name: 'c', radius: 6 } }, tissues: { t: { name: 't', width: 200, height: 200, diffusion: 0.5, halfLifeHours: 1000, cells: [{ type: 'c', count: 20 }] } } });
    const g = m.tables.grid;
    rebuildGrid(g, m);
    prepareNear(g, m, Infinity);
    expect(g.nearBuilt).toBe(true);
    rebuildGrid(g, m);
    expect(g.nearBuilt).toBe(true);
    m.cells.x[3] += 0.25;
    rebuildGrid(g, m);
    expect(g.nearBuilt).toBe(false);
    prepareNear(g, m, Infinity);
    expect(fine(m, m.cells.tissue[3], m.cells.x[3], m.cells.y[3])).not.toBe('clear');
  });

  // Runs that use the fine grid throughout and runs that never do end in the same state.
  for (const [id, packets] of [
    ['letters', 10_000],
    ['immune-suppression', 10_000],
    ['calm-inflammation', 10_000],
  ] as const) {
    it(`${id}: the same hashes with the fine grid as with the bin walk alone`, () => {
      const run = (worth: number) => {
        nearGridSettings.worth = worth;
        const s = lesson(id) as Scenario;
        const m = createModel(s, s.seed);
        const tissue = m.index.tissues[0];
        const t = s.tissues[tissue];
        schedule(m, { kind: 'inject', tick: 0, vesicleType: m.index.vesicleTypes[0], packets, tissue, x: t.width / 2, y: t.height / 2, radius: Math.min(t.width, t.height) / 2 });
        const hashes: string[] = [];
        for (let k = 0; k < 6; k++) {
          step(m, 10);
          hashes.push(stateHash(m));
        }
        return hashes;
      };
      expect(run(0)).toEqual(run(Infinity));
    });
  }
});
