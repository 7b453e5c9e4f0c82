// Domains and ticks for the charts, as pure functions: time axes that cope with no data or a
// single sample, linear axes from zero, and log axes aligned to whole decades with a floor one
// decade down when some values are ≤ 0 (so zero stays distinct from the smallest positive).

/** x domain in hours: [0 (or the first time, if negative), last], at least 1 h wide; [0, 1] when empty. */
export function timeDomain(t: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < t.length; i++) {
    const v = t[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  const start = lo >= 0 ? 0 : lo;
  return [start, Math.max(hi, start + 1)];
}

/** y domain for a linear axis: includes 0 and every finite value, 5 % headroom, never empty. */
export function linearDomain(values: ArrayLike<number>): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) return [lo, lo + 1];
  return [lo < 0 ? lo * 1.05 : lo, hi > 0 ? hi * 1.05 : hi];
}

/**
 * y domain for a log axis, in whole decades around the positive values; when any value is ≤ 0
 * the domain starts one decade lower, and that bottom is the floor such values are drawn at.
 * No positive values: [1, 10].
 */
export function logDomain(values: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  let nonPositive = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v <= 0) {
      nonPositive = true;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return [nonPositive ? 0.1 : 1, 10];
  let lo = 10 ** Math.floor(Math.log10(min));
  let hi = 10 ** Math.ceil(Math.log10(max));
  if (hi <= lo) hi = lo * 10;
  if (nonPositive) lo /= 10;
  return [lo, hi];
}

/** Powers of ten inside a log domain, thinned to at most `most` ticks. */
export function logTicks(domain: [number, number], most = 6): number[] {
  const [a, b] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  if (!(a > 0) || !Number.isFinite(b)) return [];
  const e0 = Math.ceil(Math.log10(a) - 1e-9);
  const e1 = Math.floor(Math.log10(b) + 1e-9);
  const count = e1 - e0 + 1;
  if (count <= 0) return [a, b];
  const step = Math.max(1, Math.ceil(count / most));
  const out: number[] = [];
  for (let e = e0; e <= e1; e += step) out.push(Number(`1e${e}`));
  return out;
}
