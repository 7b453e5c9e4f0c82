// Blood: clearance follows the blood half-life, and with vesicles entering the blood as fast as
// they are made, the steady-state concentration matches C = N·r·t½ / (ln 2 · V).
import { describe, expect, it } from 'vitest';
import { schedule, step, measure } from '../../sim/index';
import { model } from './helpers';

describe('blood', () => {
  it('half the packets remain after one blood half-life', () => {
    const m = model({ blood: { volumeMl: 3000, halfLifeMinutes: 20, extravasationPerHour: 0, backgroundPerMl: 0 } });
    const N = 100000;
    schedule(m, { kind: 'inject', vesicleType: 'ev', packets: N });
    step(m, 1 + 120); // inject, then 20 minutes of 10 s steps after the first
    const left = measure(m)['vesicles.blood'];
    // Remaining after k steps of chance p is Binomial(N, (1 − p)^k) with (1 − p)^120 = ½ (plus one step).
    const expected = N * Math.pow(0.5, 121 / 120);
    expect(Math.abs(left - expected)).toBeLessThan(4 * Math.sqrt(N * 0.25) + 1);
  });

  it('a vesicle type with a clearance factor of 3 clears three times as fast', () => {
    const m = model({
      vesicleTypes: { ev: { name: 'plain' }, ps: { name: 'eat-me', clearanceFactor: 3 } },
      blood: { volumeMl: 3000, halfLifeMinutes: 30, extravasationPerHour: 0, backgroundPerMl: 0 },
    });
    schedule(m, { kind: 'inject', vesicleType: 'ev', packets: 50000 });
    schedule(m, { kind: 'inject', vesicleType: 'ps', packets: 50000 });
    step(m, 181);
    const plain = measure(m)['vesicles.ev'];
    const fast = measure(m)['vesicles.ps'];
    expect(plain / 50000).toBeCloseTo(Math.pow(0.5, 180 / 180), 1);
    expect(fast / 50000).toBeCloseTo(Math.pow(0.5, 3), 1);
  });

  it('steady state matches C = N·r·t½ / (ln 2 · V) within 3 %', () => {
    const N = 50; // simulated tumour cells
    const R = 1e6; // real cells per simulated cell
    const r = 500; // EV per hour per cell
    const halfLifeMin = 10;
    const V = 3000;
    const m = model({
      vesiclesPerDot: 10,
      cellTypes: { tumour: { name: 'tumour', radius: 5, release: [{ vesicleType: 'ev', perHour: r }] } },
      tissues: {
        tissue: {
          name: 't', width: 400, height: 400, diffusion: 0.5, halfLifeHours: 1000, representation: R,
          vessels: [{ x: 0, y: 0, width: 400, height: 400, entryPerMinute: 1 }],
          cells: [{ type: 'tumour', count: N }],
        },
      },
      blood: { volumeMl: V, halfLifeMinutes: halfLifeMin, extravasationPerHour: 0, backgroundPerMl: 0 },
    });
    step(m, 600); // 10 half-lives of burn-in
    let sum = 0;
    const samples = 3000;
    for (let k = 0; k < samples; k++) {
      step(m, 1);
      sum += measure(m)['blood.perMl.ev'];
    }
    const simulated = sum / samples;
    const analytic = (N * R * r * (halfLifeMin / 60)) / (Math.LN2 * V);
    expect(Math.abs(simulated / analytic - 1)).toBeLessThan(0.03);
  });

  it('extravasation moves blood packets into tissues in proportion to blood flow', () => {
    const m = model({
      tissues: {
        lung: { name: 'lung', width: 200, height: 200, diffusion: 0.5, halfLifeHours: 1000, bloodFlowShare: 0.75, vessels: [{ x: 0, y: 0, width: 20, height: 20, entryPerMinute: 0 }] },
        liver: { name: 'liver', width: 200, height: 200, diffusion: 0.5, halfLifeHours: 1000, bloodFlowShare: 0.25, vessels: [{ x: 0, y: 0, width: 20, height: 20, entryPerMinute: 0 }] },
      },
      blood: { volumeMl: 3000, halfLifeMinutes: 100000, extravasationPerHour: 2, backgroundPerMl: 0 },
    });
    schedule(m, { kind: 'inject', vesicleType: 'ev', packets: 20000 });
    step(m, 60);
    const x = measure(m);
    const lung = x['vesicles.tissue.lung'];
    const liver = x['vesicles.tissue.liver'];
    expect(lung + liver).toBeGreaterThan(1000);
    expect(lung / (lung + liver)).toBeGreaterThan(0.7);
    expect(lung / (lung + liver)).toBeLessThan(0.8);
  });
});
