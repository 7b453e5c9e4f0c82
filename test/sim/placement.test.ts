// Cell placement (sim/setup.ts) asks the cell bins whether a spot is free instead of scanning
// every cell: these tests pin that the answer, and so every position, is exactly that of the
// scan over all cells (re-implemented here as the reference), also in crowded tissues and for
// cells added by events mid-run; and that progress is reported for a large placement.
import { describe, expect, it } from 'vitest';
import { createModel, step } from '../../sim/index';
import { placeCells } from '../../sim/setup';
import { lesson } from '../../lessons/index';
import type { Model } from '../../sim/model';

/** The scan over every cell that placement used before the bins (the reference). */
function overlapsByScan(m: Model, t: number, x: number, y: number, r: number): boolean {
  const c = m.cells;
  for (let j = 0; j < c.count; j++) {
    if (c.dead[j] || c.tissue[j] !== t) continue;
    const dx = c.x[j] - x;
    const dy = c.y[j] - y;
    const rr = c.radius[j] + r + 0.5;
    if (dx * dx + dy * dy < rr * rr) return true;
  }
  return false;
}

/** Positions of the live cells, in store order. */
const positions = (m: Model) => Array.from({ length: m.cells.count }, (_, i) => [m.cells.x[i], m.cells.y[i], m.cells.tissue[i]]);

/** A lesson scenario with its first tissue crowded: `n` cells, half in a cluster. */
function crowded(n: number, side: number) {
  const s = structuredClone(lesson('letters')!);
  const tid = Object.keys(s.tissues)[0];
  const types = Object.keys(s.cellTypes);
  s.tissues[tid] = { ...s.tissues[tid], width: side, height: side, cells: [{ type: types[0], count: n / 2 }, { type: types[1], count: n / 2, cluster: { x: side / 2, y: side / 2, radius: side / 3 } }] };
  return s;
}

describe('cell placement', () => {
  it('every spot the bins call free is free by the scan over all cells', () => {
    const m = createModel(crowded(2000, 600), '4');
    const rng = { next: (() => {
      let k = 0;
      return () => ((k = (k * 1103515245 + 12345) % 2147483648) / 2147483648);
    })() };
    let agree = 0;
    const before = m.cells.count;
    const placed = placeCells(m, rng as never, 0, 0, 0, 500, { x0: 0, y0: 0, x1: 600, y1: 600 });
    // Each placed cell was free by the scan against the cells placed before it.
    for (let i = before; i < m.cells.count; i++) {
      const count = m.cells.count;
      m.cells.count = i;
      expect(overlapsByScan(m, 0, m.cells.x[i], m.cells.y[i], m.cells.radius[i])).toBe(false);
      m.cells.count = count;
      agree++;
    }
    expect(agree).toBe(placed);
  });

  it('places exactly where the scan over all cells placed, seed by seed, in a crowded tissue', () => {
    for (const seed of ['1', '2']) {
      const m = createModel(crowded(1600, 680), seed);
      // Rebuild the scene with the reference test and the same random stream.
      const ref = createModel({ ...crowded(1600, 680), tissues: { tissue: { ...crowded(1600, 680).tissues.tissue, cells: [] } } }, seed);
      const r = ref.scenario.cellTypes;
      const rng = ref.rng.setup;
      const s = crowded(1600, 680);
      for (const p of s.tissues.tissue.cells) {
        const type = ref.index.cellTypes.indexOf(p.type);
        const radius = r[p.type].radius;
        for (let k = 0; k < p.count; k++)
          for (let tries = 0; tries < 200; tries++) {
            let x: number;
            let y: number;
            if (p.cluster) {
              const { x: cx, y: cy, radius: R } = p.cluster;
              x = cx + R * (2 * rng.next() - 1);
              y = cy + R * (2 * rng.next() - 1);
              if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > R * R) continue;
            } else {
              x = rng.next() * 680;
              y = rng.next() * 680;
            }
            if (x < radius || y < radius || x > 680 - radius || y > 680 - radius) continue;
            if (overlapsByScan(ref, 0, x, y, radius)) continue;
            ref.cells.add(x, y, radius, type, 0, 0, 0);
            break;
          }
      }
      expect(m.cells.count, seed).toBeLessThan(1600); // crowded: some cells found no room
      expect(positions(m), seed).toEqual(positions(ref));
    }
  });

  it('cells added by an event mid-run land where the scan would put them (dead and moved cells included)', () => {
    const s = structuredClone(lesson('letters')!);
    const tid = Object.keys(s.tissues)[0];
    const type = Object.keys(s.cellTypes)[1];
    const run = () => {
      const m = createModel({ ...s, events: [{ kind: 'removeCells', type, fraction: 0.5, tick: 5 }, { kind: 'addCells', tissue: tid, type, count: 300, x: 400, y: 250, radius: 200, tick: 10 }] } as never, '9');
      step(m, 20);
      return m;
    };
    const a = run();
    const b = run();
    expect(positions(a)).toEqual(positions(b));
    for (let i = 0; i < a.cells.count; i++) {
      if (a.cells.dead[i] || a.cells.born[i] !== 10) continue;
      const count = a.cells.count;
      a.cells.count = i;
      expect(overlapsByScan(a, a.cells.tissue[i], a.cells.x[i], a.cells.y[i], a.cells.radius[i])).toBe(false);
      a.cells.count = count;
    }
  });

  it('reports progress for a large placement, ending at the total', () => {
    const seen: [number, number][] = [];
    createModel(crowded(4000, 1400), '1', { onPlacing: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toEqual([4000, 4000]);
    for (let k = 1; k < seen.length; k++) expect(seen[k][0]).toBeGreaterThanOrEqual(seen[k - 1][0]);
  });
});
