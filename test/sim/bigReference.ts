// A slow, independent reference for sim/exactMath.ts: exp, expm1, log, pow, sin and cos of a double
// computed in BigInt fixed point with hundreds of bits, and the error of a double result measured
// in units in the last place (ulps) of that result. Test code only.

/** Fraction bits of the fixed-point working precision. */
const P = 320;
/** Fraction bits of π, enough to reduce any finite double (|x| < 2^1024) with P bits to spare. */
const Q = 1024 + P + 64;

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** A finite nonzero double as m·2^e with a whole m (sign kept in m). */
export function decompose(x: number): { m: bigint; e: number } {
  F64[0] = x;
  const bits = U64[0];
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = biased === 0 ? frac : frac | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075;
  return { m: negative ? -m : m, e };
}

/** x·2^s as a whole number (x exact when s is large enough), rounded toward zero. */
function fixed(x: number, s: number): bigint {
  const { m, e } = decompose(x);
  const shift = e + s;
  return shift >= 0 ? m << BigInt(shift) : m / (1n << BigInt(-shift));
}

/** atan(1/n) · 2^bits. */
function atanInv(n: bigint, bits: number): bigint {
  const one = 1n << BigInt(bits);
  let term = one / n;
  let sum = term;
  const n2 = n * n;
  for (let k = 1n; term !== 0n; k++) {
    term /= n2;
    sum += (k & 1n ? -term : term) / (2n * k + 1n);
  }
  return sum;
}

const PI_Q = 16n * atanInv(5n, Q + 16) - 4n * atanInv(239n, Q + 16);
/** π/2 · 2^Q */
const HALF_PI = PI_Q >> 17n;
/** ln 2 · 2^P = Σ 1/(k·2^k) */
const LN2 = (() => {
  const one = 1n << BigInt(P + 16);
  let sum = 0n;
  for (let k = 1n; k < BigInt(P + 20); k++) sum += (one >> k) / k;
  return sum >> 16n;
})();
const ONE = 1n << BigInt(P);

/** Rounds a/b to the nearest whole number. */
function roundDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a - q * b;
  if (2n * (r < 0n ? -r : r) >= b) return q + (a < 0n === b < 0n ? 1n : -1n);
  return q;
}

/** e^(R·2^-P) · 2^P for |R| ≤ ln2 · 2^P, by Taylor series. */
function expSmall(R: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * R) / ONE / k;
    sum += term;
  }
  return sum;
}

/** A true value T·2^-s. */
export interface Exact {
  T: bigint;
  s: number;
}

/** e^(Z·2^-P) as an Exact. */
function expFixed(Z: bigint): Exact {
  const k = roundDiv(Z, LN2);
  return { T: expSmall(Z - k * LN2), s: P - Number(k) };
}

export const refExp = (x: number): Exact => expFixed(fixed(x, P));

export function refExpm1(x: number): Exact {
  const { T, s } = refExp(x);
  return s >= 0 ? { T: T - (1n << BigInt(s)), s } : { T: T - (1n >> BigInt(-s)), s };
}

/** ln x · 2^P for x > 0. */
function logFixed(x: number): bigint {
  const { m, e } = decompose(x);
  const bits = m.toString(2).length;
  // x = u · 2^(e + bits − 1) with u = m / 2^(bits − 1) in [1, 2)
  const u = (m << BigInt(P)) >> BigInt(bits - 1);
  const t = ((u - ONE) << BigInt(P)) / (u + ONE); // (u−1)/(u+1) ≤ 1/3
  const t2 = (t * t) >> BigInt(P);
  let power = t;
  let sum = 0n;
  for (let k = 1n; power !== 0n; k += 2n) {
    sum += power / k;
    power = (power * t2) >> BigInt(P);
  }
  return 2n * sum + BigInt(e + bits - 1) * LN2;
}

export const refLog = (x: number): Exact => ({ T: logFixed(x), s: P });

/** xʸ for x > 0. */
export function refPow(x: number, y: number): Exact {
  const { m, e } = decompose(y);
  const L = logFixed(x) * m;
  return expFixed(e >= 0 ? L << BigInt(e) : L / (1n << BigInt(-e)));
}

/** sin and cos of x: reduce by π/2 and sum the Taylor series, all in Q bits (tiny x keep their digits). */
function sinCos(x: number): { quadrant: number; sin: bigint; cos: bigint } {
  const X = fixed(x, Q);
  const n = roundDiv(X, HALF_PI);
  const r = X - n * HALF_PI;
  const q = BigInt(Q);
  const r2 = (r * r) >> q;
  let s = r;
  let sinSum = 0n;
  for (let k = 1n; s !== 0n; k += 2n) {
    sinSum += s;
    s = -((s * r2) >> q) / ((k + 1n) * (k + 2n));
  }
  let c = 1n << q;
  let cosSum = 0n;
  for (let k = 0n; c !== 0n; k += 2n) {
    cosSum += c;
    c = -((c * r2) >> q) / ((k + 1n) * (k + 2n));
  }
  return { quadrant: Number(((n % 4n) + 4n) % 4n), sin: sinSum, cos: cosSum };
}

export function refSin(x: number): Exact {
  const { quadrant, sin, cos } = sinCos(x);
  return { T: [sin, cos, -sin, -cos][quadrant], s: Q };
}

export function refCos(x: number): Exact {
  const { quadrant, sin, cos } = sinCos(x);
  return { T: [cos, -sin, -cos, sin][quadrant], s: Q };
}

/**
 * |y − truth| in ulps of y (y finite, nonzero and normal). The reference's own error is below
 * 2^-200 of the result in every range the tests use, so this is the error of y itself.
 */
export function ulpError(y: number, truth: Exact): number {
  const { m, e } = decompose(y);
  // (y − T·2^-s) / 2^e = m − T·2^-(s+e)
  const shift = truth.s + e;
  const D = shift >= 0 ? (m << BigInt(shift)) - truth.T : m - (truth.T << BigInt(-shift));
  const scale = shift >= 0 ? shift : 0;
  const abs = D < 0n ? -D : D;
  return Number((abs << 32n) >> BigInt(scale)) / 4294967296;
}
