// Diffusion: the mean squared displacement of free packets grows as 4·D·t in 2D, walls keep
// packets inside, and cells are obstacles that packets do not cross.
import { describe, expect, it } from 'vitest';
import { schedule, step } from '../../sim/index';
import { model } from './helpers';

describe('diffusion', () => {
  it('mean squared displacement is 4·D·t (within 4 standard errors)', () => {
    const D = 0.5;
    const m = model({ tissues: { tissue: { name: 't', width: 4000, height: 4000, diffusion: D, halfLifeHours: 1000 } } });
    const N = 20000;
    expect(schedule(m, { kind: 'inject', vesicleType: 'ev', packets: N, tissue: 'tissue', x: 2000, y: 2000, radius: 0 })).toBeNull();
    step(m, 1); // applies the injection and takes the first step
    const x0 = 2000;
    const y0 = 2000;
    step(m, 359); // one hour in all
    const t = 3600;
    let msd = 0;
    for (let i = 0; i < m.vesicles.count; i++) msd += (m.vesicles.x[i] - x0) ** 2 + (m.vesicles.y[i] - y0) ** 2;
    msd /= m.vesicles.count;
    const expected = 4 * D * t;
    // r² of a 2D Gaussian displacement has standard deviation equal to its mean: SE = 4Dt/√N.
    const se = expected / Math.sqrt(m.vesicles.count);
    expect(m.vesicles.count).toBeGreaterThan(0.99 * N); // a few decay over the hour (half-life 1000 h)
    expect(Math.abs(msd - expected)).toBeLessThan(4 * se);
  });

  it('reflecting walls keep every packet inside the tissue', () => {
    const m = model({ tissues: { tissue: { name: 't', width: 60, height: 40, diffusion: 5, halfLifeHours: 1000 } } });
    schedule(m, { kind: 'inject', vesicleType: 'ev', packets: 2000, tissue: 'tissue', x: 5, y: 5, radius: 5 });
    step(m, 500);
    for (let i = 0; i < m.vesicles.count; i++) {
      expect(m.vesicles.x[i]).toBeGreaterThanOrEqual(0);
      expect(m.vesicles.x[i]).toBeLessThanOrEqual(60);
      expect(m.vesicles.y[i]).toBeGreaterThanOrEqual(0);
      expect(m.vesicles.y[i]).toBeLessThanOrEqual(40);
    }
  });

  it('packets never end a step inside a cell that does not take them up', () => {
    const m = model({
      cellTypes: { wall: { name: 'wall', radius: 10 } },
      tissues: { tissue: { name: 't', width: 300, height: 300, diffusion: 2, halfLifeHours: 1000, cells: [{ type: 'wall', count: 40 }] } },
    });
    schedule(m, { kind: 'inject', vesicleType: 'ev', packets: 3000, tissue: 'tissue', x: 150, y: 150, radius: 150 });
    step(m, 1);
    // Injected packets may start inside a disc; after they drift out none may re-enter.
    step(m, 300);
    const c = m.cells;
    let inside = 0;
    for (let i = 0; i < m.vesicles.count; i++)
      for (let j = 0; j < c.count; j++) {
        const dx = m.vesicles.x[i] - c.x[j];
        const dy = m.vesicles.y[i] - c.y[j];
        if (dx * dx + dy * dy < c.radius[j] * c.radius[j]) inside++;
      }
    expect(inside).toBeLessThan(m.vesicles.count * 0.01);
  });

  it('a sealed barrier keeps packets on their side and a permeable one lets some through', () => {
    const run = (permeability: number) => {
      const m = model({
        tissues: {
          tissue: { name: 't', width: 200, height: 200, diffusion: 2, halfLifeHours: 1000, barriers: [{ orientation: 'horizontal', position: 100, permeability }] },
        },
      });
      schedule(m, { kind: 'inject', vesicleType: 'ev', packets: 2000, tissue: 'tissue', x: 100, y: 50, radius: 40 });
      step(m, 360);
      let below = 0;
      for (let i = 0; i < m.vesicles.count; i++) if (m.vesicles.y[i] > 100) below++;
      return below;
    };
    expect(run(0)).toBe(0);
    expect(run(0.05)).toBeGreaterThan(50);
  });
});
