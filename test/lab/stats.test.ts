// The sweep plots' interval math (src/lab/stats.ts): Student's t quantiles match the published
// tables, and the 95 % interval of the mean is mean ± t(0.975, n−1)·sd/√n with the sample sd.
import { describe, expect, it } from 'vitest';
import { lnGamma, meanInterval, tCdf, tQuantile } from '../../src/lab/stats';

describe('interval math', () => {
  it('ln Γ matches known values', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 10);
  });

  it('t quantiles equal the tables (97.5 %: 12.706, 4.303, 2.776, 2.262, 2.045; → 1.960)', () => {
    const table: [number, number][] = [
      [1, 12.7062047],
      [2, 4.3026527],
      [3, 3.1824463],
      [4, 2.7764451],
      [9, 2.2621572],
      [29, 2.0452296],
      [100, 1.9839715],
    ];
    for (const [df, t] of table) expect(tQuantile(0.975, df)).toBeCloseTo(t, 6);
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
    expect(tQuantile(0.95, 10)).toBeCloseTo(1.8124611, 6);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.7764451, 6);
    expect(tQuantile(0.5, 3)).toBe(0);
  });

  it('the t CDF is symmetric and inverts the quantile', () => {
    for (const df of [1, 3, 30]) {
      expect(tCdf(0, df)).toBeCloseTo(0.5, 12);
      expect(tCdf(-1.3, df) + tCdf(1.3, df)).toBeCloseTo(1, 12);
      expect(tCdf(tQuantile(0.9, df), df)).toBeCloseTo(0.9, 9);
    }
    expect(Number.isNaN(tQuantile(1, 3))).toBe(true);
    expect(Number.isNaN(tQuantile(0.9, 0))).toBe(true);
  });

  it('the interval is mean ± t·sd/√n with the sample sd', () => {
    const r = meanInterval([1, 2, 3, 4]);
    const sd = Math.sqrt(5 / 3);
    expect(r.n).toBe(4);
    expect(r.mean).toBe(2.5);
    expect(r.sd).toBeCloseTo(sd, 12);
    expect(r.t).toBeCloseTo(3.1824463, 6);
    expect(r.half).toBeCloseTo((3.1824463 * sd) / 2, 6);
    expect(r.lo).toBeCloseTo(2.5 - r.half, 12);
    expect(r.hi).toBeCloseTo(2.5 + r.half, 12);
  });

  it('has no interval from one value, nothing from none, and leaves out non-finite values', () => {
    expect(meanInterval([7])).toMatchObject({ n: 1, mean: 7, lo: 7, hi: 7 });
    expect(Number.isNaN(meanInterval([7]).half)).toBe(true);
    expect(meanInterval([]).n).toBe(0);
    expect(Number.isNaN(meanInterval([]).mean)).toBe(true);
    expect(meanInterval([1, NaN, 3, Infinity])).toMatchObject({ n: 2, mean: 2 });
    expect(meanInterval([5, 5, 5])).toMatchObject({ sd: 0, half: 0, lo: 5, hi: 5 });
  });
});
