// "Did you mean …?": the closest known names to a mistyped one, by edit distance over the whole
// name or over its last dotted part (diffusion → tissues.tissue.diffusion), whichever is closer.
// Shared by scenario validation, settings paths and the command line.

/** Levenshtein distance between two strings (small inputs only). */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

/** Edits allowed for a name of this length: about one in four characters, at least two. */
const allowed = (s: string) => Math.max(2, Math.floor(s.length / 4));

/** Up to n known names close to `wanted`, best first; empty when nothing is close. */
export function closest(wanted: string, known: readonly string[], n = 3): string[] {
  const w = wanted.toLowerCase();
  const tail = w.slice(w.lastIndexOf('.') + 1);
  const scored: { k: string; d: number }[] = [];
  for (const k of known) {
    const lk = k.toLowerCase();
    const kTail = lk.slice(lk.lastIndexOf('.') + 1);
    const whole = distance(w, lk);
    const last = distance(tail, kTail);
    if (whole <= allowed(w)) scored.push({ k, d: whole });
    else if (tail.length > 1 && last <= allowed(tail)) scored.push({ k, d: last + 1 });
  }
  return scored
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, n)
    .map((s) => s.k);
}

/** ' (did you mean "a" or "b"?)' for a mistyped name, or '' when nothing known is close. */
export function didYouMean(wanted: string, known: readonly string[]): string {
  const hint = closest(wanted, known, 2);
  return hint.length ? ` (did you mean ${hint.map((h) => `"${h}"`).join(' or ')}?)` : '';
}
