// Diffusion sub-steps: a step is split so that no packet jumps over the smallest cell. Up to
// MAX_SUBSTEPS sub-steps uptake agrees with a fine time step; a setting that would need more is
// refused by validation (and by a live change) with the time step, diffusion or radius that would do.
import { describe, expect, it } from 'vitest';
import { createModel, measure, parseScenario, schedule, setAtPath, step } from '../../sim/index';
import { MAX_SUBSTEPS } from '../../sim/rules/diffusion';
import type { ScenarioInput } from '../../sim/schema';
import { baseScenario, valid } from './helpers';

/** 100 small absorbing cells in a 200 µm square; packets bind at their first touches and stay bound. */
function dish(dt: number, D: number, radius: number): ScenarioInput {
  return baseScenario({
    dtSeconds: dt,
    labels: { tag: { name: 'tag' } },
    receptors: { r: { name: 'receptor' } },
    affinity: { tag: { r: 1 } },
    vesicleTypes: { ev: { name: 'vesicles', labels: ['tag'] } },
    cellTypes: { small: { name: 'small cell', radius, receptors: ['r'], maxBound: 1e6, internalisePerHour: 0 } },
    tissues: { tissue: { name: 't', width: 200, height: 200, diffusion: D, halfLifeHours: 1000, cells: [{ type: 'small', count: 100 }] } },
  });
}

/** Packets bound after `seconds`, from 20 000 spread evenly at the start. */
function bound(dt: number, D: number, radius: number, seed: string, seconds: number): { bound: number; substeps: number } {
  const m = createModel(valid(dish(dt, D, radius)), seed, { checkLedger: true });
  expect(schedule(m, { kind: 'inject', vesicleType: 'ev', packets: 20000, tissue: 'tissue', x: 100, y: 100, radius: 100, tick: 0 })).toBeNull();
  expect((seconds / dt) % 1).toBe(0);
  step(m, seconds / dt);
  return { bound: measure(m)['vesicles.bound'], substeps: m.tables.diffusion.substeps[0] };
}

describe('diffusion sub-steps', () => {
  it(`uptake by 1.5 µm cells at D = 5 µm²/s agrees between dt = 15 s (800 sub-steps, over the old cap of 64) and dt = 1 s (within 4 SD, 3 seeds)`, () => {
    let coarse = 0;
    let fine = 0;
    for (const seed of ['1', '2', '3']) {
      const a = bound(15, 5, 1.5, seed, 120);
      const b = bound(1, 5, 1.5, seed, 120);
      expect(a.substeps).toBe(800);
      expect(b.substeps).toBe(54);
      coarse += a.bound;
      fine += b.bound;
    }
    // Each packet binds independently (cells still, no saturation): a binomial count, so the SD of
    // the difference is at most √(coarse + fine) ≈ 125. With the old cap of 64 sub-steps, dt = 15 s
    // stepped over cells and bound 13 % less (≈ 1000 packets here).
    expect(fine).toBeGreaterThan(5000);
    expect(Math.abs(coarse - fine)).toBeLessThan(4 * Math.sqrt(coarse + fine));
  });

  it(`a setting needing more than ${MAX_SUBSTEPS} sub-steps is refused with what to change, and each suggestion is accepted`, () => {
    const p = parseScenario(dish(60, 1, 1));
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0].path).toBe('tissues.tissue.diffusion');
    const msg = p.problems[0].message;
    expect(msg).toMatch(/would need 1440 sub-steps .* at most 1024 .* time step of at most 42.3 s, a vesicle diffusion of at most 0.711 µm²\/s here, or cells of radius at least 1.19 µm/);
    expect(parseScenario(dish(42.3, 1, 1)).ok).toBe(true);
    expect(parseScenario(dish(60, 0.711, 1)).ok).toBe(true);
    expect(parseScenario(dish(60, 1, 1.19)).ok).toBe(true);
    // The brief's second case: 1.5 µm cells at D = 5 µm²/s and dt = 60 s.
    const q = parseScenario(dish(60, 5, 1.5));
    expect(q.ok).toBe(false);
    if (!q.ok) expect(q.problems[0].message).toMatch(/would need 3200 sub-steps/);
  });

  it('a live change of diffusion that would need too many sub-steps is refused, and the run goes on unchanged', () => {
    const m = createModel(valid(dish(30, 1, 1)), '1');
    expect(m.tables.diffusion.substeps[0]).toBe(720);
    expect(schedule(m, { kind: 'set', path: 'tissues.tissue.diffusion', value: 2 })).toMatch(/would need 1440 sub-steps/);
    expect(() => valid(setAtPath(valid(dish(10, 1, 1)), 'tissues.tissue.diffusion', 5))).toThrow(/time step of at most 8.53 s/);
    step(m, 2);
    expect(m.scenario.tissues.tissue.diffusion).toBe(1);
  });
});
