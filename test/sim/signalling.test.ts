// Signalling: with a held signal level s, a transition fires at rate k·h(s), h(s) = sⁿ/(Kⁿ+sⁿ),
// so the fraction switched after time t is 1 − exp(−k·h(s)·t); "below" transitions use
// Kⁿ/(Kⁿ+sⁿ); signals decay with their half-life; a transition to "dead" kills.
import { describe, expect, it } from 'vitest';
import { step, measure } from '../../sim/index';
import { model } from './helpers';

function switched(level: number, K: number, n: number, when: 'above' | 'below', rate: number, hours: number): { frac: number; cells: number } {
  const m = model({
    signals: { s: { name: 'signal', halfLifeHours: 1000 } },
    cellTypes: {
      c: { name: 'cell', radius: 1, states: ['off', 'on'], transitions: [{ from: 'off', to: 'on', signal: 's', K, n, when, ratePerHour: rate }] },
    },
    tissues: { tissue: { name: 't', width: 400, height: 400, diffusion: 0.5, halfLifeHours: 1000, cells: [{ type: 'c', count: 2000 }] } },
  });
  for (let i = 0; i < m.cells.count; i++) m.cells.signals[i] = level;
  step(m, Math.round((hours * 3600) / 10));
  const x = measure(m);
  return { frac: x['cells.c.on'] / x['cells.c'], cells: x['cells.c'] };
}

describe('signalling', () => {
  const cases: [number, number, number, 'above' | 'below', number][] = [
    [1, 1, 2, 'above', 0.5],
    [2, 1, 2, 'above', 0.8],
    [0.5, 1, 4, 'above', 0.5 ** 4 / (1 + 0.5 ** 4)],
    [2, 1, 2, 'below', 0.2],
  ];
  for (const [s, K, n, when, h] of cases) {
    it(`Hill transition (s=${s}, K=${K}, n=${n}, ${when}) switches 1 − exp(−k·h·t) of the cells`, () => {
      const { frac, cells } = switched(s, K, n, when, 1, 1);
      const expected = 1 - Math.exp(-h * 1);
      expect(cells).toBe(2000);
      expect(Math.abs(frac - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / cells) + 0.005);
    });
  }

  it('signals halve in one signal half-life', () => {
    const m = model({
      signals: { s: { name: 'signal', halfLifeHours: 1 } },
      cellTypes: { c: { name: 'cell', radius: 2 } },
      tissues: { tissue: { name: 't', width: 100, height: 100, diffusion: 0.5, halfLifeHours: 1000, cells: [{ type: 'c', count: 1 }] } },
    });
    m.cells.signals[0] = 8;
    step(m, 360);
    expect(m.cells.signals[0]).toBeCloseTo(4, 6);
  });

  it('a transition to "dead" removes the cell and counts the death by signal', () => {
    const m = model({
      signals: { s: { name: 'signal', halfLifeHours: 1000 } },
      cellTypes: { c: { name: 'cell', radius: 1, transitions: [{ from: 'alive', to: 'dead', signal: 's', K: 1, n: 1, ratePerHour: 100 }] } },
      tissues: { tissue: { name: 't', width: 400, height: 400, diffusion: 0.5, halfLifeHours: 1000, cells: [{ type: 'c', count: 100 }] } },
    });
    for (let i = 0; i < 50; i++) m.cells.signals[i] = 100;
    step(m, 360);
    const x = measure(m);
    expect(x['deaths.c.signal']).toBe(50);
    expect(x['cells.c']).toBe(50);
  });
});
