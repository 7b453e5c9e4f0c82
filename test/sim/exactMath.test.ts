// sim/exactMath.ts: exp, expm1, log, pow, sin and cos are within 1 ulp of the true value (checked
// against a 320-bit BigInt reference) and of Math.* across wide ranges, follow Math.*'s special
// cases (±0, ±Infinity, NaN, subnormals, huge arguments), and give known values exactly.
import { describe, expect, it } from 'vitest';
import { cos, exp, expm1, log, pow, sin } from '../../sim/exactMath';
import { refCos, refExp, refExpm1, refLog, refPow, refSin, ulpError, type Exact } from './bigReference';

/** A fixed xorshift32 stream, so every run checks the same arguments. */
function numbers(seed: number) {
  let s = seed | 0 || 1;
  const u = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  return {
    uniform: (a: number, b: number) => a + (b - a) * u(),
    /** |x| spread evenly over binary exponents lo…hi, random sign. */
    spread: (lo: number, hi: number, signed = true) => {
      const e = Math.floor(lo + (hi - lo) * u());
      const x = (1 + u()) * Math.pow(2, e);
      return signed && u() < 0.5 ? -x : x;
    },
    /** Any finite double (random bits), optionally positive only. */
    bits: (positive = false) => {
      for (;;) {
        u32[0] = Math.floor(u() * 4294967296);
        u32[1] = Math.floor(u() * 4294967296);
        const x = positive ? Math.abs(f64[0]) : f64[0];
        if (Number.isFinite(x)) return x;
      }
    },
    whole: (a: number, b: number) => Math.floor(a + (b - a + 1) * u()),
  };
}

const F64 = new Float64Array(1);
const I64 = new BigInt64Array(F64.buffer);
/** Doubles between a and b (0 when equal or both NaN; ±0 count as one apart). */
function ulpsApart(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const order = (x: number) => {
    F64[0] = x;
    const v = I64[0];
    return v < 0n ? -(v & 0x7fffffffffffffffn) - 1n : v;
  };
  const d = order(a) - order(b);
  return Number(d < 0n ? -d : d);
}

interface Case {
  name: string;
  mine: (x: number) => number;
  math: (x: number) => number;
  draw: () => number;
}

function against(cases: Case[], n: number) {
  for (const c of cases)
    it(`${c.name}: within 1 ulp of Math.* over ${n} arguments`, () => {
      let worst = 0;
      let worstAt = NaN;
      for (let i = 0; i < n; i++) {
        const x = c.draw();
        const d = ulpsApart(c.mine(x), c.math(x));
        if (d > worst) {
          worst = d;
          worstAt = x;
        }
      }
      expect(worst, `worst at x = ${worstAt}`).toBeLessThanOrEqual(1);
    });
}

const g = numbers(20250101);

describe('exactMath agrees with Math.* across wide ranges', () => {
  against(
    [
      { name: 'exp on [−745, 710]', mine: exp, math: Math.exp, draw: () => g.uniform(-745.2, 709.8) },
      { name: 'exp on [−1, 1]', mine: exp, math: Math.exp, draw: () => g.uniform(-1, 1) },
      { name: 'exp of tiny |x| (2^-60 … 1)', mine: exp, math: Math.exp, draw: () => g.spread(-60, 0) },
      { name: 'expm1 on [−40, 710]', mine: expm1, math: Math.expm1, draw: () => g.uniform(-40, 709.7) },
      { name: 'expm1 of tiny |x| (2^-1074 … 2)', mine: expm1, math: Math.expm1, draw: () => g.spread(-1074, 1) },
      { name: 'log of any positive double', mine: log, math: Math.log, draw: () => g.bits(true) },
      { name: 'log near 1', mine: log, math: Math.log, draw: () => 1 + g.uniform(-0.3, 0.3) },
      { name: 'sin on [−10, 10]', mine: sin, math: Math.sin, draw: () => g.uniform(-10, 10) },
      { name: 'cos on [−10, 10]', mine: cos, math: Math.cos, draw: () => g.uniform(-10, 10) },
      { name: 'sin on [−1e9, 1e9]', mine: sin, math: Math.sin, draw: () => g.uniform(-1e9, 1e9) },
      { name: 'cos on [−1e9, 1e9]', mine: cos, math: Math.cos, draw: () => g.uniform(-1e9, 1e9) },
      { name: 'sin of any double (huge arguments)', mine: sin, math: Math.sin, draw: () => g.bits() },
      { name: 'cos of any double (huge arguments)', mine: cos, math: Math.cos, draw: () => g.bits() },
    ],
    50_000,
  );
  const pairs: [string, () => [number, number]][] = [
    ['pow, x in 2^±20, y in [−50, 50]', () => [g.spread(-20, 20, false), g.uniform(-50, 50)]],
    ['pow, any positive x, y in [−1, 1]', () => [g.bits(true), g.uniform(-1, 1)]],
    ['pow, x near 1, huge y', () => [1 + g.uniform(-1e-9, 1e-9), g.spread(20, 40)]],
    ['pow, negative x, whole y', () => [-g.spread(-10, 10, false), g.whole(-60, 60)]],
    ['pow, subnormal x', () => [g.uniform(0, 1e-310), g.uniform(-1, 1)]],
  ];
  for (const [name, draw] of pairs)
    it(`${name}: within 1 ulp of Math.pow`, () => {
      let worst = 0;
      let worstAt: [number, number] = [NaN, NaN];
      for (let i = 0; i < 50_000; i++) {
        const [x, y] = draw();
        const d = ulpsApart(pow(x, y), Math.pow(x, y));
        if (d > worst) {
          worst = d;
          worstAt = [x, y];
        }
      }
      expect(worst, `worst at ${worstAt}`).toBeLessThanOrEqual(1);
    });
});

describe('exactMath is within 1 ulp of the true value (320-bit reference)', () => {
  const r = numbers(7);
  const cases: [string, (x: number) => number, (x: number) => Exact, () => number][] = [
    ['exp', exp, refExp, () => r.uniform(-708, 709)],
    ['expm1', expm1, refExpm1, () => (r.uniform(0, 1) < 0.5 ? r.spread(-40, 1) : r.uniform(-30, 709))],
    ['log', log, refLog, () => (r.uniform(0, 1) < 0.5 ? r.bits(true) : 1 + r.uniform(-0.3, 0.3))],
    ['sin', sin, refSin, () => (r.uniform(0, 1) < 0.5 ? r.uniform(-100, 100) : r.bits())],
    ['cos', cos, refCos, () => (r.uniform(0, 1) < 0.5 ? r.uniform(-100, 100) : r.bits())],
  ];
  for (const [name, mine, ref, draw] of cases)
    it(`${name}: error < 1 ulp over 2000 arguments`, () => {
      let worst = 0;
      let worstAt = NaN;
      for (let i = 0; i < 2000; i++) {
        const x = draw();
        const y = mine(x);
        if (!Number.isFinite(y) || Math.abs(y) < 2.2250738585072014e-308) continue; // normal results only
        const e = ulpError(y, ref(x));
        if (e > worst) {
          worst = e;
          worstAt = x;
        }
      }
      expect(worst, `worst at x = ${worstAt}`).toBeLessThan(1);
    });

  it('pow: error < 1 ulp over 2000 argument pairs', () => {
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      const x = r.spread(-30, 30, false);
      const y = r.uniform(-20, 20);
      const z = pow(x, y);
      if (!Number.isFinite(z) || z < 2.2250738585072014e-308) continue;
      worst = Math.max(worst, ulpError(z, refPow(x, y)));
    }
    expect(worst).toBeLessThan(1);
  });

  it('the reference itself is right: it finds Math.E, ln 2 and π correctly rounded', () => {
    expect(ulpError(Math.E, refExp(1))).toBeLessThanOrEqual(0.5);
    expect(ulpError(Math.LN2, refLog(2))).toBeLessThanOrEqual(0.5);
    expect(ulpError(1.2246467991473532e-16, refSin(Math.PI))).toBeLessThanOrEqual(0.5); // π − fl(π)
  });
});

/** Same double, telling −0 from +0 and accepting NaN for NaN. */
const same = (a: number, b: number) => expect(Object.is(a, b), `${a} vs ${b}`).toBe(true);

describe('exactMath special values', () => {
  const SUB = 5e-324;
  const MAX = Number.MAX_VALUE;

  it('exp', () => {
    same(exp(NaN), NaN);
    same(exp(Infinity), Infinity);
    same(exp(-Infinity), 0);
    same(exp(0), 1);
    same(exp(-0), 1);
    same(exp(SUB), 1);
    same(exp(709.782712893384), 1.7976931348622732e308); // just below overflow
    same(exp(709.79), Infinity);
    same(exp(-745.1332191019411), 5e-324); // the smallest subnormal
    same(exp(-746), 0);
    same(exp(-720), Math.exp(-720)); // subnormal result
  });

  it('expm1', () => {
    same(expm1(NaN), NaN);
    same(expm1(Infinity), Infinity);
    same(expm1(-Infinity), -1);
    same(expm1(0), 0);
    same(expm1(-0), -0);
    same(expm1(SUB), SUB);
    same(expm1(-SUB), -SUB);
    same(expm1(1e-300), 1e-300);
    same(expm1(-40), -1);
    same(expm1(710), Infinity);
  });

  it('log', () => {
    same(log(NaN), NaN);
    same(log(Infinity), Infinity);
    same(log(-Infinity), NaN);
    same(log(0), -Infinity);
    same(log(-0), -Infinity);
    same(log(-1), NaN);
    same(log(-SUB), NaN);
    same(log(1), 0);
    same(log(SUB), -744.4400719213812);
    same(log(MAX), 709.782712893384);
  });

  it('sin and cos', () => {
    for (const f of [sin, cos]) {
      same(f(NaN), NaN);
      same(f(Infinity), NaN);
      same(f(-Infinity), NaN);
    }
    same(sin(0), 0);
    same(sin(-0), -0);
    same(cos(0), 1);
    same(cos(-0), 1);
    same(sin(SUB), SUB);
    same(sin(-SUB), -SUB);
    same(cos(SUB), 1);
    same(sin(1e-300), 1e-300);
    // huge arguments need the full Payne–Hanek reduction
    same(sin(1e22), -0.8522008497671888);
    same(cos(1e22), 0.523214785395139);
    same(sin(MAX), 0.004961954789184062);
    same(cos(MAX), -0.9999876894265599);
    same(sin(-MAX), -sin(MAX));
  });

  it('pow follows Math.pow on every pair of special arguments', () => {
    const specials = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 1.5, -1.5, SUB, -SUB, MAX, -MAX, 1e-300, 1e300];
    for (const x of specials)
      for (const y of specials) {
        const want = Math.pow(x, y);
        const got = pow(x, y);
        if (Number.isNaN(want) || !Number.isFinite(want) || want === 0) expect(Object.is(got, want), `pow(${x}, ${y}) = ${got}, Math.pow says ${want}`).toBe(true);
        else expect(ulpsApart(got, want), `pow(${x}, ${y})`).toBeLessThanOrEqual(1);
      }
  });
});

describe('exactMath known values', () => {
  it('gives exact results where the true value is a double', () => {
    same(exp(1), Math.E);
    same(log(Math.E), 1);
    same(log(2), Math.LN2);
    same(log(10), Math.LN10);
    same(sin(Math.PI / 2), 1);
    same(cos(Math.PI), -1);
    same(sin(Math.PI), 1.2246467991473532e-16);
    same(cos(Math.PI / 2), 6.123233995736766e-17);
    same(sin(Math.PI / 6), 0.49999999999999994); // fl(π/6) sits just below π/6
  });

  it('raises whole numbers to whole powers exactly', () => {
    for (let b = 2; b <= 10; b++) {
      let want = 1;
      for (let n = 0; n <= 30 && want <= 2 ** 53; n++) {
        same(pow(b, n), want);
        want *= b;
      }
    }
    same(pow(10, 22), 1e22);
    same(pow(-2, 3), -8);
    same(pow(2, -1074), 5e-324);
    same(pow(2, 1023), 8.98846567431158e307);
    same(pow(2, 1024), Infinity);
    same(pow(4, 0.5), 2);
    same(pow(0.25, -0.5), 2);
  });

  it('keeps sin² + cos² = 1 at the rim angles the engine tabulates', () => {
    // the rim angles (sim/rules/geometry.ts) land on the unit circle to within rounding
    for (let a = 0; a < 64; a++) {
      const t = (2 * Math.PI * a) / 64;
      expect(Math.abs(sin(t) * sin(t) + cos(t) * cos(t) - 1)).toBeLessThan(4e-16);
    }
  });
});
