// exp, expm1, log, pow, sin and cos computed with + − × ÷, sqrt and bit access only, so every
// JavaScript engine returns the same last bit (the language leaves Math.exp & co. to each engine).
// The algorithms and constants are fdlibm's (Sun Microsystems, as kept in FreeBSD's msun); error < 1 ulp.
//
// Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this software is freely granted, provided that
// this notice is preserved.

// ---- bit access: the high and low 32-bit words of a double, whatever the platform's byte order
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const I32 = new Int32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The high word (sign, exponent, top 20 mantissa bits) as a signed 32-bit integer. */
function high(x: number): number {
  F64[0] = x;
  return I32[HI];
}

/** The low word (bottom 32 mantissa bits) as an unsigned 32-bit integer. */
function low(x: number): number {
  F64[0] = x;
  return U32[LO];
}

/** The double with these two words. */
function words(hi: number, lo: number): number {
  U32[HI] = hi >>> 0;
  U32[LO] = lo >>> 0;
  return F64[0];
}

function withHigh(x: number, hi: number): number {
  F64[0] = x;
  U32[HI] = hi >>> 0;
  return F64[0];
}

function withLow(x: number, lo: number): number {
  F64[0] = x;
  U32[LO] = lo >>> 0;
  return F64[0];
}

// Constants are given by their bits (as fdlibm lists them), not by long decimal literals, whose
// conversion the language leaves to the engine past 20 significant digits.
const TWO_1023 = words(0x7fe00000, 0);
const TWO_M1000 = words(0x01700000, 0);
const TWO_M969 = words(0x03600000, 0); // 2^-1022 · 2^53
const TWO24 = words(0x41700000, 0);
const TWON24 = words(0x3e700000, 0);
const TWO53 = words(0x43400000, 0);
const TWO54 = words(0x43500000, 0);

/** x · 2ⁿ, correctly rounded (also into and out of the subnormal range). */
function scalbn(x: number, n: number): number {
  let y = x;
  let e = n;
  if (e > 1023) {
    y *= TWO_1023;
    e -= 1023;
    if (e > 1023) {
      y *= TWO_1023;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    // scale by 2^-969 first so the final product rounds once, in the subnormal range
    y *= TWO_M969;
    e += 969;
    if (e < -1022) {
      y *= TWO_M969;
      e += 969;
      if (e < -1022) e = -1022;
    }
  }
  return y * words((0x3ff + e) << 20, 0);
}

// ---- exp and expm1

const O_THRESHOLD = words(0x40862e42, 0xfefa39ef); // 709.78…: exp overflows above
const U_THRESHOLD = words(0xc0874910, 0xd52d3051); // −745.13…: exp underflows below
const LN2_HI = words(0x3fe62e42, 0xfee00000);
const LN2_LO = words(0x3dea39ef, 0x35793c76);
const INV_LN2 = words(0x3ff71547, 0x652b82fe);
const E = words(0x4005bf0a, 0x8b145769); // e, correctly rounded
const P1 = words(0x3fc55555, 0x5555553e);
const P2 = words(0xbf66c16c, 0x16bebd93);
const P3 = words(0x3f11566a, 0xaf25de2c);
const P4 = words(0xbebbbd41, 0xc5d26bf1);
const P5 = words(0x3e663769, 0x72bea4d0);

/** eˣ (fdlibm e_exp.c): x = k·ln2 + r, |r| ≤ ln2/2, then a degree-5 rational fit of e^r. */
export function exp(x: number): number {
  const hxSigned = high(x);
  const negative = hxSigned < 0;
  const hx = hxSigned & 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | low(x)) !== 0) return NaN;
      return negative ? 0 : x;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let r = x;
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (x === 1) return E; // the steps below would miss e's last bit (as V8 also special-cases)
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO_1023;
    return y * words(0x3ff00000 + (k << 20), 0);
  }
  return y * words(0x3ff00000 + ((k + 1000) << 20), 0) * TWO_M1000;
}

const Q1 = words(0xbfa11111, 0x111110f4);
const Q2 = words(0x3f5a01a0, 0x19fe5585);
const Q3 = words(0xbf14ce19, 0x9eaadbb7);
const Q4 = words(0x3ed0cfca, 0x86e65239);
const Q5 = words(0xbe8afdb7, 0x6e09c32d);

/** eˣ − 1 without cancellation for small x (fdlibm s_expm1.c). */
export function expm1(x: number): number {
  const hxSigned = high(x);
  const negative = hxSigned < 0;
  const hx = hxSigned & 0x7fffffff;
  if (hx >= 0x4043687a) {
    // |x| ≥ 56·ln2
    if (hx >= 0x40862e42) {
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | low(x)) !== 0) return NaN;
        return negative ? -1 : x;
      }
      if (x > O_THRESHOLD) return Infinity;
    }
    if (negative) return -1;
  }
  let r = x;
  let c = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    let hi: number;
    let lo: number;
    if (hx < 0x3ff0a2b2) {
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
    c = hi - r - lo;
  } else if (hx < 0x3c900000) {
    return x; // |x| < 2^-54 (keeps −0)
  }
  const hfx = 0.5 * r;
  const hxs = r * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  let t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - r * t));
  if (k === 0) return r - (r * e - hxs);
  const twopk = words(0x3ff00000 + (k << 20), 0);
  e = r * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (r - e) - 0.5;
  if (k === 1) return r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e);
  if (k <= -2 || k > 56) {
    let y = 1 - (e - r);
    y = k === 1024 ? y * 2 * TWO_1023 : y * twopk;
    return y - 1;
  }
  if (k < 20) {
    t = words(0x3ff00000 - (0x200000 >> k), 0); // 1 − 2^-k
    return (t - (e - r)) * twopk;
  }
  t = words((0x3ff - k) << 20, 0); // 2^-k
  return (r - (e + t) + 1) * twopk;
}

// ---- log

const LG1 = words(0x3fe55555, 0x55555593);
const LG2 = words(0x3fd99999, 0x9997fa04);
const LG3 = words(0x3fd24924, 0x94229359);
const LG4 = words(0x3fcc71c5, 0x1d8e78af);
const LG5 = words(0x3fc74664, 0x96cb03de);
const LG6 = words(0x3fc39a09, 0xd078c69f);
const LG7 = words(0x3fc2f112, 0xdf3e5244);

/** Natural logarithm (fdlibm e_log.c): x = 2^k·(1+f), √2/2 < 1+f < √2, then a series in f/(2+f). */
export function log(x: number): number {
  let hx = high(x);
  let v = x;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | low(x)) === 0) return -Infinity; // ±0
    if (hx < 0) return NaN; // negative (or −NaN)
    k -= 54; // subnormal: scale up
    v *= TWO54;
    hx = high(v);
  }
  if (hx >= 0x7ff00000) return v + v; // +Infinity or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  v = withHigh(v, hx | (i ^ 0x3ff00000)); // normalise v or v/2
  k += i >> 20;
  const f = v - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 ≤ f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

// ---- pow

const DP_H = [0, words(0x3fe2b803, 0x40000000)];
const DP_L = [0, words(0x3e4cfdeb, 0x43cfd006)];
const L1 = words(0x3fe33333, 0x33333303);
const L2 = words(0x3fdb6db6, 0xdb6fabff);
const L3 = words(0x3fd55555, 0x518f264d);
const L4 = words(0x3fd17460, 0xa91d4101);
const L5 = words(0x3fcd864a, 0x93c9db65);
const L6 = words(0x3fca7e28, 0x4a454eef);
const LG2_FULL = words(0x3fe62e42, 0xfefa39ef);
const LG2_H = words(0x3fe62e43, 0x00000000);
const LG2_L = words(0xbe205c61, 0x0ca86c39);
const OVT = words(0x3c971547, 0x652b82fe); // −(1024 − log2(overflow + ½ulp))
const CP = words(0x3feec709, 0xdc3a03fd); // 2 / (3·ln2)
const CP_H = words(0x3feec709, 0xe0000000);
const CP_L = words(0xbe3e2fe0, 0x145b01f5);
const IVLN2 = words(0x3ff71547, 0x652b82fe);
const IVLN2_H = words(0x3ff71547, 0x60000000);
const IVLN2_L = words(0x3e54ae0b, 0xf85ddf44);

/**
 * xʸ with Math.pow's special cases (fdlibm e_pow.c): log2(x) in extra precision, y·log2(x) = n + y'
 * with |y'| ≤ ½, then 2ⁿ·e^(y'·ln2). Whole powers of whole numbers come out exact when representable.
 */
export function pow(x: number, y: number): number {
  const hx = high(x);
  const lx = low(x);
  const hy = high(y);
  const ly = low(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^±0 = 1, even for NaN
  if (iy > 0x7ff00000 || (iy === 0x7ff00000 && ly !== 0)) return NaN; // y NaN (also 1^NaN, as Math.pow)
  if (ix > 0x7ff00000 || (ix === 0x7ff00000 && lx !== 0)) return NaN; // x NaN

  // yIsInt: 0 = y is not a whole number, 1 = odd whole number, 2 = even whole number (asked only for x < 0)
  let yIsInt = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yIsInt = 2;
    else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff;
      if (e > 20) {
        const j = ly >>> (52 - e);
        if ((j << (52 - e)) >>> 0 === ly) yIsInt = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yIsInt = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (±1)^±Infinity, as Math.pow
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0;
      return hy < 0 ? -y : 0;
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x;
    if (hy === 0x40000000) return x * x;
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x);
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x is ±0, ±Infinity or ±1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0) z = NaN; // (−1)^non-whole
      else if (yIsInt === 1) z = -z;
    }
    return z;
  }

  let n = (hx >>> 31) - 1;
  if ((n | yIsInt) === 0) return NaN; // negative^non-whole
  const sign = (n | (yIsInt - 1)) === 0 ? -1 : 1; // negative^odd

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: overflows or underflows
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? sign * Infinity : sign * 0;
    if (ix > 0x3ff00000) return hy > 0 ? sign * Infinity : sign * 0;
    // |1 − x| ≤ 2^-20: log(x) by x − x²/2 + x³/3 − x⁴/4
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLow(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = high(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000;
    let k: number;
    if (j <= 0x3988e) k = 0; // |x| < √(3/2)
    else if (j < 0xbb67a) k = 1; // |x| < √3
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHigh(ax, ix);
    const bp = k === 0 ? 1 : 1.5;
    // ss = sH + sL = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    let u = ax - bp;
    let v = 1 / (ax + bp);
    const ss = u * v;
    const sH = withLow(ss, 0);
    let tH = words(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLow(3 + s2 + r, 0);
    tL = r - (tH - 3 - s2);
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3·ln2) · (ss + …)
    const pH = withLow(u + v, 0);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k];
    // log2(ax) = n + dpH + zH + zL
    t1 = withLow(zH + zL + DP_H[k] + n, 0);
    t2 = zL - (t1 - n - DP_H[k] - zH);
  }

  // (y1 + y2)·(t1 + t2), y1 = y with its low word cleared
  const y1 = withLow(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = high(z);
  const i = low(z);
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) return sign * Infinity;
    if (pL + OVT > z - pH) return sign * Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - (0xc090cc00 | 0)) | i) !== 0) return sign * 0;
    if (pL <= z - pH) return sign * 0;
  }

  // 2^(pH + pL)
  const abs = j & 0x7fffffff;
  let k = (abs >> 20) - 0x3ff;
  n = 0;
  if (abs > 0x3fe00000) {
    // |z| > ½: n = [z + ½]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = words(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  let t = withLow(pL + pH, 0);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2_FULL + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  const c = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * c) / (c - 2) - (w + z * w);
  z = 1 - (r - z);
  j = high(z) + (n << 20);
  z = j >> 20 <= 0 ? scalbn(z, n) : withHigh(z, j); // subnormal result, or set the exponent
  return sign * z;
}

// ---- sin and cos

const S1 = words(0xbfc55555, 0x55555549);
const S2 = words(0x3f811111, 0x1110f8a6);
const S3 = words(0xbf2a01a0, 0x19c161d5);
const S4 = words(0x3ec71de3, 0x57b1fe7d);
const S5 = words(0xbe5ae5e6, 0x8a2b9ceb);
const S6 = words(0x3de5d93a, 0x5acfd57c);

/** sin(x + y) on [−π/4, π/4], y the tail of x (iy = 0: y is 0). */
function kernelSin(x: number, y: number, iy: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = words(0x3fa55555, 0x5555554c);
const C2 = words(0xbf56c16c, 0x16c15177);
const C3 = words(0x3efa01a0, 0x19cb1590);
const C4 = words(0xbe927e4f, 0x809c52ad);
const C5 = words(0x3e21ee9e, 0xbdb4b1c4);
const C6 = words(0xbda8fae9, 0xbe8838d4);

/** cos(x + y) on [−π/4, π/4], y the tail of x. */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  let w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  w = 1 - hz;
  return w + (1 - w - hz + (z * r - x * y));
}

// Argument reduction x = n·π/2 + (y0 + y1); the two parts land here.
let y0 = 0;
let y1 = 0;

const INV_PIO2 = words(0x3fe45f30, 0x6dc9c883);
const PIO2_1 = words(0x3ff921fb, 0x54400000); // first 33 bits of π/2
const PIO2_1T = words(0x3dd0b461, 0x1a626331); // π/2 − PIO2_1
const PIO2_2 = words(0x3dd0b461, 0x1a600000);
const PIO2_2T = words(0x3ba3198a, 0x2e037073);
const PIO2_3 = words(0x3ba3198a, 0x2e000000);
const PIO2_3T = words(0x397b839a, 0x252049c1);
const ROUND_SHIFT = words(0x43380000, 0); // 1.5 · 2^52: adding and subtracting it rounds to a whole number

/** Reduction for |x| < 2^20·π/2 (fdlibm e_rem_pio2.c, "medium"): Cody–Waite with 33-bit pieces of π/2. */
function reduceMedium(x: number, ix: number): number {
  const fn = x * INV_PIO2 + ROUND_SHIFT - ROUND_SHIFT;
  const n = fn | 0;
  let r = x - fn * PIO2_1;
  let w = fn * PIO2_1T;
  const e = ix >> 20;
  y0 = r - w;
  if (e - ((high(y0) >> 20) & 0x7ff) > 16) {
    // a second round, good to 118 bits
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y0 = r - w;
    if (e - ((high(y0) >> 20) & 0x7ff) > 49) {
      // a third, 151 bits
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y0 = r - w;
    }
  }
  y1 = r - y0 - w;
  return n;
}

/** n with x = n·π/2 + (y0 + y1), |y0 + y1| ≤ π/4 (fdlibm e_rem_pio2.c). */
function reduce(x: number): number {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix <= 0x400f6a7a) {
    // |x| ≲ 5π/4
    if ((ix & 0xfffff) === 0x921fb) return reduceMedium(x, ix); // near π/2 or π: cancellation
    return reduceFew(x, hx > 0, ix <= 0x4002d97c ? 1 : 2);
  }
  if (ix <= 0x401c463b) {
    // |x| ≲ 9π/4
    if (ix <= 0x4015fdbc) return ix === 0x4012d97c ? reduceMedium(x, ix) : reduceFew(x, hx > 0, 3);
    return ix === 0x401921fb ? reduceMedium(x, ix) : reduceFew(x, hx > 0, 4);
  }
  if (ix < 0x413921fb) return reduceMedium(x, ix);
  if (ix >= 0x7ff00000) {
    y0 = y1 = NaN;
    return 0;
  }
  // huge |x|: split |x|·2^-e0 into three 24-bit pieces and multiply by 2/π digit by digit
  const e0 = (ix >> 20) - 1046;
  let z = words(ix - (e0 << 20), low(x));
  const tx = [0, 0, 0];
  for (let i = 0; i < 2; i++) {
    tx[i] = Math.trunc(z);
    z = (z - tx[i]) * TWO24;
  }
  tx[2] = z;
  let nx = 3;
  while (tx[nx - 1] === 0) nx--;
  const n = reduceHuge(tx, e0, nx);
  if (hx < 0) {
    y0 = -y0;
    y1 = -y1;
    return -n;
  }
  return n;
}

/** x − m·π/2 for m = 1…4 (|x| ≲ 9π/4), one round good to 85 bits. */
function reduceFew(x: number, positive: boolean, m: number): number {
  const hi = m * PIO2_1;
  const lo = m * PIO2_1T;
  if (positive) {
    const z = x - hi;
    y0 = z - lo;
    y1 = z - y0 - lo;
    return m;
  }
  const z = x + hi;
  y0 = z + lo;
  y1 = z - y0 + lo;
  return -m;
}

/** 2/π in 24-bit pieces: IPIO2[i] is bits 24i … 24i+23 after the binary point. */
const IPIO2 = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb, 0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5, 0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8, 0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d, 0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b, 0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880, 0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
];

/** π/2 in 24-bit pieces. */
const PIO2 = [
  words(0x3ff921fb, 0x40000000),
  words(0x3e74442d, 0x00000000),
  words(0x3cf84698, 0x80000000),
  words(0x3b78cc51, 0x60000000),
  words(0x39f01b83, 0x80000000),
  words(0x387a2520, 0x40000000),
  words(0x36e38222, 0x80000000),
  words(0x3569f31d, 0x00000000),
];

/**
 * Payne–Hanek reduction for double precision (fdlibm k_rem_pio2.c, prec = 1): the integer (mod 8)
 * and fraction parts of x·2/π from only the digits of 2/π that matter. x holds nx 24-bit pieces,
 * the first scaled by 2^e0. Sets y0, y1; returns n mod 8.
 */
function reduceHuge(x: number[], e0: number, nx: number): number {
  const jk = 4; // terms of IPIO2 to start with (recomputed with more when cancellation needs it)
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);
  const f: number[] = [];
  const q: number[] = [];
  const iq: number[] = [];
  const fq: number[] = [];

  for (let i = 0, j = jv - jx; i <= jx + jk; i++, j++) f[i] = j < 0 ? 0 : IPIO2[j];
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (let j = 0; j <= jx; j++) fw += x[j] * f[jx + i - j];
    q[i] = fw;
  }

  let jz = jk;
  let z = 0;
  let n = 0;
  let ih = 0;
  for (;;) {
    // distill q[] into iq[], most significant last
    z = q[jz];
    for (let i = 0, j = jz; j > 0; i++, j--) {
      const fw = Math.trunc(TWON24 * z);
      iq[i] = Math.trunc(z - TWO24 * fw);
      z = q[j - 1] + fw;
    }
    z = scalbn(z, q0);
    z -= 8 * Math.floor(z * 0.125); // drop multiples of 8
    n = Math.trunc(z);
    z -= n;
    ih = 0;
    if (q0 > 0) {
      const i = iq[jz - 1] >> (24 - q0);
      n += i;
      iq[jz - 1] -= i << (24 - q0);
      ih = iq[jz - 1] >> (23 - q0);
    } else if (q0 === 0) ih = iq[jz - 1] >> 23;
    else if (z >= 0.5) ih = 2;

    if (ih > 0) {
      // fraction ≥ ½: take 1 − fraction
      n += 1;
      let carry = 0;
      for (let i = 0; i < jz; i++) {
        const j = iq[i];
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - j;
          }
        } else iq[i] = 0xffffff - j;
      }
      if (q0 === 1) iq[jz - 1] &= 0x7fffff;
      else if (q0 === 2) iq[jz - 1] &= 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }

    if (z !== 0) break;
    let any = 0;
    for (let i = jz - 1; i >= jk; i--) any |= iq[i];
    if (any !== 0) break;
    // cancellation: add more terms of 2/π and distill again
    let k = 1;
    while (iq[jk - k] === 0) k++;
    for (let i = jz + 1; i <= jz + k; i++) {
      f[jx + i] = IPIO2[jv + i];
      let fw = 0;
      for (let j = 0; j <= jx; j++) fw += x[j] * f[jx + i - j];
      q[i] = fw;
    }
    jz += k;
  }

  // chop off zero terms, or split z into 24-bit pieces
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = Math.trunc(TWON24 * z);
      iq[jz] = Math.trunc(z - TWO24 * fw);
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else iq[jz] = Math.trunc(z);
  }

  // the pieces as doubles, times π/2
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i];
    fw *= TWON24;
  }
  for (let i = jz; i >= 0; i--) {
    let sum = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) sum += PIO2[k] * q[i + k];
    fq[jz - i] = sum;
  }

  // compress into y0 + y1
  let sum = 0;
  for (let i = jz; i >= 0; i--) sum += fq[i];
  y0 = ih === 0 ? sum : -sum;
  sum = fq[0] - sum;
  for (let i = 1; i <= jz; i++) sum += fq[i];
  y1 = ih === 0 ? sum : -sum;
  return n & 7;
}

/** sin x (fdlibm s_sin.c). */
export function sin(x: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    // |x| ≲ π/4
    if (ix < 0x3e500000) return x; // |x| < 2^-26 (keeps −0)
    return kernelSin(x, 0, 0);
  }
  if (ix >= 0x7ff00000) return NaN;
  const n = reduce(x);
  switch (n & 3) {
    case 0:
      return kernelSin(y0, y1, 1);
    case 1:
      return kernelCos(y0, y1);
    case 2:
      return -kernelSin(y0, y1, 1);
    default:
      return -kernelCos(y0, y1);
  }
}

/** cos x (fdlibm s_cos.c). */
export function cos(x: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    if (ix < 0x3e46a09e) return 1; // |x| < 2^-27·√2
    return kernelCos(x, 0);
  }
  if (ix >= 0x7ff00000) return NaN;
  const n = reduce(x);
  switch (n & 3) {
    case 0:
      return kernelCos(y0, y1);
    case 1:
      return -kernelSin(y0, y1, 1);
    case 2:
      return -kernelCos(y0, y1);
    default:
      return kernelSin(y0, y1, 1);
  }
}
