// Thinning long time series for drawing: a chart a few hundred pixels wide needs at most four
// points per pixel column (first, lowest, highest, last — the "M4" rule) to look the same as
// the full series. Pure; skips non-finite points so paths never contain NaN.

/**
 * Indices of (t, v) worth drawing with `buckets` columns: every finite point when there are
 * few, else per column its first, lowest, highest and last point, in time order.
 * Assumes t is ascending (sample times are).
 */
export function decimateIndices(t: ArrayLike<number>, v: ArrayLike<number>, buckets: number): number[] {
  const n = Math.min(t.length, v.length);
  const ok = (i: number) => Number.isFinite(t[i]) && Number.isFinite(v[i]);
  const cols = Math.max(1, Math.floor(buckets));
  const out: number[] = [];
  if (n <= cols * 4) {
    for (let i = 0; i < n; i++) if (ok(i)) out.push(i);
    return out;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(t[i])) continue;
    if (t[i] < lo) lo = t[i];
    if (t[i] > hi) hi = t[i];
  }
  const span = hi - lo || 1;
  let col = -1;
  let first = -1;
  let last = -1;
  let minI = -1;
  let maxI = -1;
  const flush = () => {
    if (first < 0) return;
    const keep = [first, minI, maxI, last].sort((a, b) => a - b);
    for (let j = 0; j < keep.length; j++) if (j === 0 || keep[j] !== keep[j - 1]) out.push(keep[j]);
  };
  for (let i = 0; i < n; i++) {
    if (!ok(i)) continue;
    const c = Math.min(cols - 1, Math.floor(((t[i] - lo) / span) * cols));
    if (c !== col) {
      flush();
      col = c;
      first = last = minI = maxI = i;
      continue;
    }
    last = i;
    if (v[i] < v[minI]) minI = i;
    if (v[i] > v[maxI]) maxI = i;
  }
  flush();
  return out;
}
