// ?bench= is checked before the speed test starts: a whole number in range, else the default;
// larger numbers (the 40,000,000 and 10,000,000) are capped with a note, never thrown on.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BENCH_DEFAULT, BENCH_MAX, BENCH_MIN, parseBench, readUrl } from '../../src/app/url';
import { benchScenario } from '../../src/app/bench';
import { memoryProblem } from '../../src/lab';

describe('?bench=', () => {
  it('takes a plain whole number in range as it is', () => {
    expect(parseBench('100000')).toEqual({ packets: 100_000, note: null });
    expect(readUrl('?bench=250000')).toEqual({ bench: 250_000, benchNote: null });
    expect(readUrl('?bench')).toEqual({ bench: BENCH_DEFAULT, benchNote: null });
    expect(readUrl('?lesson=letters')).toEqual({ bench: null, benchNote: null });
  });

  it('caps 40,000,000 and 10,000,000 at the most it starts, with a note', () => {
    for (const t of ['40000000', '10000000', '1' + '0'.repeat(400)]) {
      const b = parseBench(t);
      expect(b.packets).toBe(BENCH_MAX);
      expect(b.note).toMatch(/more dots than a laptop can hold, so the speed test uses 5,000,000/);
    }
  });

  it('refuses text, signs, fractions, exponents and Infinity with a note, using the default', () => {
    for (const t of ['abc', '-5', '1.5', '1e6', 'Infinity', 'NaN', '0x10', '١٠٠']) {
      const b = parseBench(t);
      expect(b.packets, t).toBe(BENCH_DEFAULT);
      expect(b.note, t).toMatch(/is not a whole number of dots from 8 to 5,000,000/);
    }
    expect(parseBench('3')).toEqual({ packets: BENCH_MIN, note: expect.stringMatching(/fewer than 8 dots/) });
  });

  it('any text gives a number in range and a scene that fits a 4 GB laptop (fuzz)', async () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        const b = parseBench(t);
        expect(Number.isInteger(b.packets)).toBe(true);
        expect(b.packets).toBeGreaterThanOrEqual(BENCH_MIN);
        expect(b.packets).toBeLessThanOrEqual(BENCH_MAX);
      }),
      { numRuns: 500, seed: 13 },
    );
    expect(memoryProblem(await benchScenario(BENCH_MAX))).toBeNull();
    await expect(benchScenario(40_000_000)).resolves.toBeDefined();
  });
});
