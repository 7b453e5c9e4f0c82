// Random streams: each stream is bit-for-bit seedrandom's xor128, streams with different names
// differ, and the binomial sampler is unbiased for small and large expected counts.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Stream, PoissonTable, powWhole } from '../../sim/random';

describe('random streams', () => {
  it('match seedrandom xor128 draw for draw', () => {
    const ours = new Stream('42', 'diffusion');
    const ref = seedrandom.xor128('42/diffusion');
    for (let i = 0; i < 10000; i++) expect(ours.int32()).toBe(ref.int32());
  });

  it('differ between names', () => {
    expect(new Stream('1', 'release').int32()).not.toBe(new Stream('1', 'diffusion').int32());
  });

  it('powWhole matches repeated multiplication', () => {
    let r = 1;
    for (let n = 0; n < 200; n++) {
      expect(powWhole(0.999, n)).toBeCloseTo(r, 12);
      r *= 0.999;
    }
  });

  // Mean of `draws` samples must be within 4 standard errors of n·p.
  const cases: [number, number][] = [
    [1000, 0.0003], // np = 0.3: the clamped normal approximation over-counted this by ~24 %
    [100, 0.015], // np = 1.5
    [5000, 0.002], // np = 10
    [200, 0.9], // n(1 − p) = 20, by symmetry
    [100000, 0.01], // np = 1000: normal approximation
  ];
  for (const [n, p] of cases) {
    it(`binomial(${n}, ${p}) has mean n·p and variance n·p·(1 − p)`, () => {
      const rng = new Stream('7', `binomial-${n}-${p}`);
      const draws = 20000;
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < draws; i++) {
        const k = rng.binomial(n, p);
        sum += k;
        sq += k * k;
      }
      const mean = sum / draws;
      const variance = sq / draws - mean * mean;
      const v = n * p * (1 - p);
      expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt(v / draws));
      expect(Math.abs(variance / v - 1)).toBeLessThan(0.1);
    });
  }

  it('Poisson tables give mean λ for small and large λ', () => {
    for (const lambda of [0.01, 3, 80]) {
      const t = new PoissonTable(lambda);
      const rng = new Stream('3', `poisson-${lambda}`);
      let sum = 0;
      const draws = 20000;
      for (let i = 0; i < draws; i++) sum += t.sample(rng);
      expect(Math.abs(sum / draws - lambda)).toBeLessThan(4 * Math.sqrt(lambda / draws) + 1e-9);
    }
  });
});
