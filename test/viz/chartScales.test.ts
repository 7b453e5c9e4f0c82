// Pins the chart domains and the series thinning (viz/chartScales.ts, viz/decimate.ts): empty
// and single-point data still give usable axes, log axes keep zero visible, thinning keeps shape.
import { describe, expect, it } from 'vitest';
import { linearDomain, logDomain, logTicks, timeDomain } from '../../viz/chartScales';
import { decimateIndices } from '../../viz/decimate';

describe('timeDomain', () => {
  it('is [0, 1] with no data and at least an hour wide', () => {
    expect(timeDomain([])).toEqual([0, 1]);
    expect(timeDomain([0])).toEqual([0, 1]);
    expect(timeDomain([0.2, 0.5])).toEqual([0, 1]);
  });
  it('starts at 0 and ends at the last sample', () => {
    expect(timeDomain([0, 6, 24])).toEqual([0, 24]);
    expect(timeDomain([5])).toEqual([0, 5]);
  });
  it('ignores non-finite times', () => {
    expect(timeDomain([NaN, 3, Infinity])).toEqual([0, 3]);
  });
});

describe('linearDomain', () => {
  it('includes zero and leaves headroom', () => {
    expect(linearDomain([10, 20])).toEqual([0, 21]);
    expect(linearDomain([-10, 0])).toEqual([-10.5, 0]);
  });
  it('is never empty', () => {
    expect(linearDomain([])).toEqual([0, 1]);
    expect(linearDomain([0, 0, NaN])).toEqual([0, 1]);
  });
});

describe('logDomain and logTicks', () => {
  it('spans whole decades around the positive values', () => {
    expect(logDomain([3e5, 2e8])).toEqual([1e5, 1e9]);
    expect(logDomain([1e3])).toEqual([1e3, 1e4]);
  });
  it('drops one decade lower when some values are ≤ 0 (their floor)', () => {
    expect(logDomain([0, 3e5, 2e8])).toEqual([1e4, 1e9]);
    expect(logDomain([0, -1])).toEqual([0.1, 10]);
  });
  it('defaults to [1, 10] without values', () => {
    expect(logDomain([])).toEqual([1, 10]);
  });
  it('ticks at powers of ten, thinned', () => {
    expect(logTicks([1e4, 1e9])).toEqual([1e4, 1e5, 1e6, 1e7, 1e8, 1e9]);
    expect(logTicks([1, 1e12]).length).toBeLessThanOrEqual(7);
    expect(logTicks([0, 10])).toEqual([]);
  });
});

describe('decimateIndices', () => {
  it('keeps every finite point when there are few', () => {
    expect(decimateIndices([0, 1, 2, 3], [5, NaN, 7, 8], 10)).toEqual([0, 2, 3]);
  });
  it('keeps first, min, max and last per column, in order', () => {
    const n = 10_000;
    const t = Array.from({ length: n }, (_, i) => i);
    const v = t.map((i) => (i === 4321 ? 1000 : i === 7777 ? -1000 : Math.sin(i / 100)));
    const idx = decimateIndices(t, v, 100);
    expect(idx.length).toBeLessThanOrEqual(400);
    expect(idx).toContain(4321);
    expect(idx).toContain(7777);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(n - 1);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
  });
  it('copes with mismatched lengths', () => {
    expect(decimateIndices([0, 1, 2], [1], 10)).toEqual([0]);
  });
});
