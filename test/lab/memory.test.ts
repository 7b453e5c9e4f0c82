// The memory estimate a run or a link is checked against before it is built: every built-in lesson
// fits a 4 GB laptop, the link (capacity 20 M packets) and a scenario with 100,000
// signals are refused with what to lower, and lowering to the value the message names fits.
import { describe, expect, it } from 'vitest';
import { bytesPerCell, ENGINE_BYTES_PER_PACKET, estimateMemory, estimateRunMemory, LAPTOP_BUDGET_BYTES, MEMORY_BUDGET_BYTES, memoryProblem } from '../../src/lab';
import { lessons } from '../../lessons/index';
import type { ScenarioFile } from '../../lessons/scenarioFile';

const letters = () => structuredClone(lessons()[0]) as ScenarioFile;

/** The number after "to at most" in a refusal. */
function atMost(message: string): number {
  const m = /to at most ([\d,]+)/.exec(message);
  if (!m) throw new Error(`no "to at most" in: ${message}`);
  return Number(m[1].replace(/,/g, ''));
}

describe('memory estimate', () => {
  it('every built-in lesson fits, in the page and on the command line', () => {
    for (const s of lessons()) {
      expect(memoryProblem(s, 'browser'), s.id).toBeNull();
      expect(memoryProblem(s, 'cli'), s.id).toBeNull();
    }
  });

  it('grows with the vesicle capacity, by the bytes each copy of a packet holds', () => {
    const s = letters();
    const a = estimateMemory(s);
    s.limits.vesicleCapacity *= 2;
    const b = estimateMemory(s);
    // Page: 3 copies of 19 B plus 24 B of frames and grid = 81 B per packet.
    expect(b.bytes - a.bytes).toBe(81 * (s.limits.vesicleCapacity / 2));
  });

  it('refuses capacity for 20 M packets (the issue’s link) and names what to lower to what', () => {
    const s = letters();
    s.limits.vesicleCapacity = 20_000_000;
    const problem = memoryProblem(s);
    expect(problem).toMatch(/^Lower the vesicle capacity \(limits\.vesicleCapacity\) from 20,000,000 to at most [\d,]+: /);
    expect(problem).toMatch(/this run would need about 1\.\d GB of memory, more than the 1\.5 GB a 4 GB laptop can give it\.$/);
    const n = atMost(problem!);
    expect(n).toBeGreaterThan(2_000_000);
    expect(n).toBeLessThan(20_000_000);
    s.limits.vesicleCapacity = n;
    expect(memoryProblem(s)).toBeNull();
  });

  it('refuses 100,000 signals (cells × signals), naming the cell capacity and the signals', () => {
    const s = letters();
    const signals: ScenarioFile['signals'] = {};
    const one = Object.values(s.signals)[0] ?? { name: 'signal', halfLifeHours: 2 };
    for (let i = 0; i < 100_000; i++) signals[`s${i}`] = one;
    s.signals = signals;
    const problem = memoryProblem(s);
    expect(problem).toMatch(/^Lower the cell capacity \(limits\.cellCapacity\) from 10,000 to at most [\d,]+, or use fewer signals \(now 100,000\): this run would need/);
  });

  it('counts a huge scenario text against the budget and says the scenario is too large', () => {
    const problem = memoryProblem(letters(), 'browser', 200 * 1024 * 1024);
    expect(problem).toMatch(/^The scenario itself is too large \(204,800 KB of text\)/);
    expect(memoryProblem(letters(), 'browser', 1024 * 1024)).toBeNull();
  });

  it('uses the budget it is given', () => {
    const s = letters();
    expect(memoryProblem(s, 'browser', 0, estimateMemory(s).bytes)).toBeNull();
    expect(memoryProblem(s, 'browser', 0, estimateMemory(s).bytes - 1)).not.toBeNull();
    expect(LAPTOP_BUDGET_BYTES).toBe(1.5 * 1024 ** 3);
  });
});

describe('one memory model, two uses', () => {
  it('counts a cell slot and a packet the same way in the page check and the whole-run check', () => {
    const s = letters();
    s.limits.cellCapacity *= 2;
    const page = estimateMemory(s, 'cli');
    const run = estimateRunMemory(s, { hours: 1, keepSeries: false });
    // The command line's check keeps 2 copies sized once; a whole run 1 copy growing by doubling (×1.5).
    expect(page.cellBytes / 2).toBeCloseTo(run.parts[1].bytes / 1.5, 6);
    expect(page.cellBytes / (2 * s.limits.cellCapacity)).toBe(bytesPerCell(s));
    expect(run.parts[0].bytes / 1.5).toBe(ENGINE_BYTES_PER_PACKET * s.limits.vesicleCapacity);
    expect(MEMORY_BUDGET_BYTES).toBe(LAPTOP_BUDGET_BYTES);
  });
});
