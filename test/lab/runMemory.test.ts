// The whole-run use of the memory model (src/lab/memory.ts): it counts the same metrics the engine
// reports, every lesson fits with room to spare, and a run that would not fit a 4 GB laptop is
// refused with a message naming what to lower (packets, cells and signals, or the series).
import { describe, expect, it } from 'vitest';
import { createModel } from '../../sim/index';
import { lessons } from '../../lessons/index';
import { estimateRunMemory as estimateMemory, MEMORY_BUDGET_BYTES, runMemoryProblem as memoryProblem, metricCount } from '../../src/lab';

describe('memory estimate', () => {
  it('counts exactly the metrics the engine reports, for every lesson', () => {
    for (const s of lessons()) expect(metricCount(s), s.id).toBe(createModel(s, '1').reporters.length);
  });

  it('lets every lesson run its longest run (10 000 h) with its series held, under a tenth of the budget', () => {
    for (const s of lessons()) {
      expect(memoryProblem(s, { hours: 10_000, keepSeries: true }), s.id).toBeNull();
      expect(estimateMemory(s, { hours: 10_000, keepSeries: true }).bytes, s.id).toBeLessThan(MEMORY_BUDGET_BYTES / 10);
    }
  });

  it('refuses a series too long to hold, saying to sample less often, but not when it is written out as it goes', () => {
    const s = lessons()[0];
    const fine = { ...s, sampleEveryMinutes: 0.1 };
    const why = memoryProblem(fine, { hours: 10_000, keepSeries: true });
    expect(why).toMatch(/more than the 1\.5 GB a 4 GB laptop/);
    expect(why).toMatch(/sampleEveryMinutes/);
    expect(memoryProblem(fine, { hours: 10_000, keepSeries: false })).toBeNull();
  });

  it('refuses many signals on a full cell capacity, naming the cell capacity and the signals', () => {
    const s = lessons()[0];
    const signals = Object.fromEntries(Array.from({ length: 2000 }, (_, k) => [`s${k}`, { name: `s${k}`, halfLifeHours: 2 }]));
    const why = memoryProblem({ ...s, signals, limits: { ...s.limits, cellCapacity: 200_000 } }, { hours: 1, keepSeries: false });
    expect(why).toMatch(/limits\.cellCapacity or the number of signals/);
  });

  it('counts the packets the host copies: the largest capacity fits the command line, not with eight copies', () => {
    const s = { ...lessons()[0], limits: { vesicleCapacity: 20_000_000, cellCapacity: 10_000 } };
    expect(memoryProblem(s, { hours: 1, keepSeries: false })).toBeNull();
    expect(memoryProblem(s, { hours: 1, keepSeries: false, positionCopies: 8 })).toMatch(/limits\.vesicleCapacity/);
  });

  it('refuses placements asking for more cells than any run holds', () => {
    const s = lessons()[0];
    const [tid, t] = Object.entries(s.tissues)[0];
    const type = Object.keys(s.cellTypes)[0];
    const big = { ...s, tissues: { ...s.tissues, [tid]: { ...t, cells: [0, 1, 2].map(() => ({ type, count: 100_000 })) } } };
    expect(memoryProblem(big, { hours: 1, keepSeries: false })).toMatch(/ask for 300,000 cells in all, more than the 200,000/);
  });
});
