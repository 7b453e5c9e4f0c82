// Seeded random streams. Every stream is seedrandom's xor128 generator, seeded from
// `${seed}/${name}`, so each rule draws from its own stream (adding or changing one rule does
// not shift the draws of the others). Hot loops copy the four state words into locals and run
// the same xorshift step inline; `next()` here is bit-for-bit seedrandom's `int32()`.
import seedrandom from 'seedrandom';

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

  /** Binomial(n, p): exact Bernoulli sum for small n, a clamped normal approximation above. */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n < 64) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const mean = n * p;
    const k = Math.round(mean + Math.sqrt(mean * (1 - p)) * this.normal());
    return k < 0 ? 0 : k > n ? n : k;
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
    let p = Math.exp(-mean);
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

/** Probability of at least one event in dt at a constant rate (computed once per change). */
export function chanceIn(ratePerSecond: number, dtSeconds: number): number {
  return ratePerSecond > 0 ? 1 - Math.exp(-ratePerSecond * dtSeconds) : 0;
}
