// ROC curves and AUC (src/lab/roc.ts) on cases with known answers: hand-counted pairs with ties,
// perfect and reversed separation, the trapezoid area equal to the Mann–Whitney AUC, the normal
// theory value Φ(d/√2), and a two-marker z-score beating each marker on held-out data.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaUnder, auc, evaluate, fitZ, rocCurve, splitHalves, zScore } from '../../src/lab/roc';
import { Stream } from '../../sim/random';

/** Standard normal draws from a seeded stream (Box–Muller). */
function normals(seed: string, n: number, mean = 0): number[] {
  const s = new Stream(seed, 'test');
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = 1 - s.next();
    const v = s.next();
    out.push(mean + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
  return out;
}

/** Φ by the Abramowitz–Stegun 7.1.26 erf approximation (error < 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('AUC', () => {
  it('counts ties as one half: cases [1,2,3] vs reference [2,4] → 1.5 of 6 pairs = 0.25', () => {
    expect(auc([1, 2, 3], [2, 4])).toBeCloseTo(0.25, 12);
  });

  it('is 1 for perfect separation, 0 when reversed, 0.5 when every value ties', () => {
    expect(auc([5, 6, 7], [1, 2])).toBe(1);
    expect(auc([1, 2], [5, 6, 7])).toBe(0);
    expect(auc([3, 3, 3], [3, 3])).toBe(0.5);
  });

  it('AUC(a, b) + AUC(b, a) = 1, is unchanged by a monotone transform, and equals the trapezoid area under the ROC curve', () => {
    const vals = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(vals, vals, (a, b) => {
        const x = auc(a, b);
        expect(x + auc(b, a)).toBeCloseTo(1, 12);
        expect(auc(a.map((v) => Math.exp(v)), b.map((v) => Math.exp(v)))).toBeCloseTo(x, 12);
        expect(areaUnder(rocCurve(a, b))).toBeCloseTo(x, 12);
      }),
      { seed: 9, numRuns: 300 },
    );
  });

  it('the ROC curve runs from (0,0) to (1,1) without stepping back', () => {
    const pts = rocCurve([1, 2, 2, 5], [0, 2, 3]);
    expect(pts[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(pts[pts.length - 1]).toMatchObject({ fpr: 1, tpr: 1 });
    for (let k = 1; k < pts.length; k++) {
      expect(pts[k].fpr).toBeGreaterThanOrEqual(pts[k - 1].fpr);
      expect(pts[k].tpr).toBeGreaterThanOrEqual(pts[k - 1].tpr);
    }
  });

  it('two normal groups one SD apart (2000 each) give AUC = Φ(1/√2) ≈ 0.760 within 0.03 (≈ 4 SE)', () => {
    const a = normals('a', 2000, 1);
    const b = normals('b', 2000, 0);
    // SE of an AUC near 0.76 with 2000 + 2000 values ≈ 0.0075 (Hanley–McNeil).
    expect(Math.abs(auc(a, b) - phi(1 / Math.SQRT2))).toBeLessThan(0.03);
  });
});

describe('multi-marker z-score', () => {
  it('learns each marker’s direction and scale from the reference group', () => {
    const model = fitZ(
      [[10, 1], [12, 0]],
      [[0, 5], [2, 7]],
    );
    expect(model.sign).toEqual([1, -1]);
    expect(model.mean).toEqual([1, 6]);
    expect(model.sd[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(zScore(model, [1 + Math.SQRT2, 6])).toBeCloseTo(1, 12);
    expect(zScore(model, [1, 6 - Math.SQRT2])).toBeCloseTo(1, 12);
    expect(zScore(model, [1 + Math.SQRT2, 6], [false, true])).toBeCloseTo(0, 12);
  });

  it('splits halves by position: even rows train, odd rows test', () => {
    expect(splitHalves([0, 1, 2, 3, 4])).toEqual({ train: [0, 2, 4], test: [1, 3] });
  });

  it('two independent markers, each one SD apart, score AUC ≈ Φ(1) ≈ 0.84 on held-out data, above either marker’s ≈ 0.76', () => {
    const n = 1200;
    const c1 = normals('c1', n, 1);
    const c2 = normals('c2', n, -1); // the second marker runs lower in cases
    const r1 = normals('r1', n);
    const r2 = normals('r2', n);
    const e = evaluate(
      c1.map((v, i) => [v, c2[i]]),
      r1.map((v, i) => [v, r2[i]]),
    );
    expect(e.n).toEqual({ trainCases: n / 2, trainReference: n / 2, testCases: n / 2, testReference: n / 2 });
    expect(e.markers.map((m) => m.sign)).toEqual([1, -1]);
    // Test half of 600 + 600: SE ≈ 0.013 for single markers and ≈ 0.011 for the score.
    for (const m of e.markers) expect(Math.abs(m.auc - phi(1 / Math.SQRT2))).toBeLessThan(0.05);
    expect(Math.abs(e.score.auc - phi(1))).toBeLessThan(0.05);
    expect(e.score.auc).toBeGreaterThan(Math.max(...e.markers.map((m) => m.auc)) + 0.04);
    expect(areaUnder(e.score.roc)).toBeCloseTo(e.score.auc, 12);
  });
});
