// Cell behaviour keeps cells apart: after every step no two live cells of one tissue overlap —
// in every built-in lesson over several seeds, and in generated crowded scenes where cells
// migrate further than a diameter per step, divide, kill and arrive by events.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, schedule, step, type Model } from '../../sim/index';
import { lesson, lessonIds } from '../../lessons/index';
import { valid, baseScenario } from './helpers';

/** Slack for rounding in the overlap test (µm). */
const EPS = 1e-9;

/** The worst overlap (µm) between two live cells of one tissue, and how many pairs overlap. */
function overlaps(m: Model): { pairs: number; worst: number } {
  const c = m.cells;
  let pairs = 0;
  let worst = 0;
  for (let i = 0; i < c.count; i++) {
    if (c.dead[i]) continue;
    for (let j = i + 1; j < c.count; j++) {
      if (c.dead[j] || c.tissue[i] !== c.tissue[j]) continue;
      const depth = c.radius[i] + c.radius[j] - Math.hypot(c.x[i] - c.x[j], c.y[i] - c.y[j]);
      if (depth > EPS) {
        pairs++;
        worst = Math.max(worst, depth);
      }
    }
  }
  return { pairs, worst };
}

/** Steps one at a time and returns the first step after which cells overlap, or null. */
function firstOverlap(m: Model, steps: number): string | null {
  for (let k = 0; k < steps; k++) {
    step(m, 1);
    const o = overlaps(m);
    if (o.pairs > 0) return `step ${m.tick}: ${o.pairs} overlapping pairs, worst ${o.worst.toFixed(3)} µm`;
  }
  return null;
}

describe('cells never overlap', () => {
  for (const id of lessonIds()) {
    it(`${id}: no two live cells overlap after any of 200 steps (seeds 1–4)`, () => {
      const s = lesson(id);
      if (!s) throw new Error(`lesson ${id} missing`);
      for (const seed of ['1', '2', '3', '4']) {
        const m = createModel(s, seed);
        expect(overlaps(m).pairs).toBe(0);
        expect(firstOverlap(m, 200), `${id} seed ${seed}`).toBeNull();
      }
    });
  }

  it('crowded generated scenes (moves longer than a diameter, divisions, killing, cells added by events) never overlap', () => {
    const typeArb = fc.record({
      radius: fc.integer({ min: 1, max: 12 }),
      motility: fc.constantFrom(0, 0.5, 5, 40, 100),
      doublingHours: fc.constantFrom(0, 0.5, 3),
      count: fc.integer({ min: 5, max: 60 }),
    });
    fc.assert(
      fc.property(
        fc.array(typeArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(10, 60, 300),
        fc.integer({ min: 1, max: 1000 }),
        (types, dt, seed) => {
          const cellTypes = Object.fromEntries(
            types.map((t, k) => [
              `c${k}`,
              {
                name: `type ${k}`,
                radius: t.radius,
                motility: t.motility,
                doublingHours: t.doublingHours,
                ...(k === 0 && types.length > 1 ? { contactKilling: { targets: ['c1'], ratePerHour: 5, reach: 3 } } : {}),
              },
            ]),
          );
          const placements = types.map((t, k) => ({ type: `c${k}`, count: t.count }));
          const s = valid(
            baseScenario({
              dtSeconds: dt,
              limits: { vesicleCapacity: 1000, cellCapacity: 600 },
              cellTypes,
              tissues: {
                a: { name: 'a', width: 160, height: 120, diffusion: 0, cells: placements },
                b: { name: 'b', width: 60, height: 60, diffusion: 0, cells: placements.map((p) => ({ ...p, count: 3 })) },
              },
            }),
          );
          const m = createModel(s, String(seed));
          expect(schedule(m, { kind: 'addCells', tick: 20, tissue: 'a', type: 'c0', count: 10, x: 80, y: 60 })).toBeNull();
          expect(firstOverlap(m, 60)).toBeNull();
        },
      ),
      { seed: 20240607, numRuns: 40 },
    );
  });
});
