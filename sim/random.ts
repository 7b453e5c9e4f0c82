// Seeded random streams. Every stream is seedrandom's xor128 generator, seeded from
// `${seed}/${name}`, so each rule draws from its own stream (adding or changing one rule does
// not shift the draws of the others). Hot loops copy the four state words into locals and run
// the same xorshift step inline; `next()` here is bit-for-bit seedrandom's `int32()`.
import seedrandom from 'seedrandom';
import { exp } from './exactMath';

export interface StreamState {
  x: number;
  y: number;
  z: number;
  w: number;
}

/** 2^-32: turns an unsigned 32-bit draw into a uniform number in [0, 1). */
export const U32 = 1 / 4294967296;

export class Stream implements StreamState {
  x = 0;
  y = 0;
  z = 0;
  w = 0;

  constructor(seed: string, name: string) {
    const s = seedrandom.xor128(`${seed}/${name}`, { state: true }).state();
    this.x = s.x | 0;
    this.y = s.y | 0;
    this.z = s.z | 0;
    this.w = s.w | 0;
  }

  /** The next signed 32-bit draw (seedrandom's `int32()`). */
  int32(): number {
    const t = this.x ^ (this.x << 11);
    this.x = this.y;
    this.y = this.z;
    this.z = this.w;
    this.w = this.w ^ (this.w >>> 19) ^ t ^ (t >>> 8);
    return this.w;
  }

  /** A uniform number in [0, 1) (seedrandom's `quick()`). */
  next(): number {
    return (this.int32() >>> 0) * U32;
  }

  /** A whole number in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Approximately standard normal: Irwin–Hall sum of 12 uniforms (exact arithmetic only). */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 12; i++) s += this.next();
    return s - 6;
  }

  /**
   * Binomial(n, p) with exact arithmetic only: a Bernoulli sum below 64 trials; inversion of the
   * exact distribution (qⁿ by repeated squaring, then the ratio recurrence) while the expected
   * count np or n(1 − p) is below 30; a clamped normal approximation only when both are larger.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 64) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const mean = n * p;
    if (mean < 30) return this.binomialByInversion(n, p);
    if (n - mean < 30) return n - this.binomialByInversion(n, 1 - p);
    const k = Math.round(mean + Math.sqrt(mean * (1 - p)) * this.normal());
    return k < 0 ? 0 : k > n ? n : k;
  }

  /** Inversion for Binomial(n, p) with small np: walks the exact CDF from k = 0. */
  private binomialByInversion(n: number, p: number): number {
    const q = 1 - p;
    let pk = powWhole(q, n);
    const ratio = p / q;
    const u = this.next();
    let cdf = pk;
    let k = 0;
    while (u >= cdf && k < n) {
      pk *= ((n - k) / (k + 1)) * ratio;
      k++;
      cdf += pk;
      if (pk === 0) break;
    }
    return k;
  }

  getState(): StreamState {
    return { x: this.x, y: this.y, z: this.z, w: this.w };
  }

  setState(s: StreamState): void {
    this.x = s.x | 0;
    this.y = s.y | 0;
    this.z = s.z | 0;
    this.w = s.w | 0;
  }
}

/**
 * Poisson sampler by inversion over a precomputed CDF table (built once per parameter change,
 * so the only transcendental call is outside the hot path). Means above 30 use a normal
 * approximation, which is within a fraction of a percent in mean and variance there.
 */
export class PoissonTable {
  readonly mean: number;
  private readonly cdf: Float64Array;

  constructor(mean: number) {
    this.mean = mean;
    if (!(mean > 0) || mean > 30) {
      this.cdf = new Float64Array(0);
      return;
    }
    const terms: number[] = [];
    let p = exp(-mean);
    let c = p;
    terms.push(c);
    for (let k = 1; c < 1 - 1e-15 && k < 200; k++) {
      p *= mean / k;
      c += p;
      terms.push(c);
    }
    this.cdf = Float64Array.from(terms);
  }

  sample(rng: Stream): number {
    if (!(this.mean > 0)) return 0;
    if (this.cdf.length === 0) {
      const k = Math.round(this.mean + Math.sqrt(this.mean) * rng.normal());
      return k < 0 ? 0 : k;
    }
    const u = rng.next();
    const cdf = this.cdf;
    let k = 0;
    while (k < cdf.length && u >= cdf[k]) k++;
    return k;
  }
}

/** xⁿ for a whole n by repeated squaring (multiplications only, so exact across engines). */
export function powWhole(x: number, n: number): number {
  let result = 1;
  let base = x;
  let e = Math.floor(n);
  while (e > 0) {
    if (e & 1) result *= base;
    base *= base;
    e = Math.floor(e / 2);
  }
  return result;
}

/** Probability of at least one event in dt at a constant rate (computed once per change). */
export function chanceIn(ratePerSecond: number, dtSeconds: number): number {
  return ratePerSecond > 0 ? 1 - exp(-ratePerSecond * dtSeconds) : 0;
}
