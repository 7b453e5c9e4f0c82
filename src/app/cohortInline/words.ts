// The inline cohort in words: what an AUC means for a class ("picks the patient 83 times in
// 100"), how good that is, and one sentence comparing the score with the best single marker.
// Pure functions, so the sentences are unit-tested (test/app/cohortWords.test.ts).

/** How good a test with this AUC is, in the usual short grades (below 0.6: no better than chance). */
export function aucGrade(auc: number): string {
  if (!Number.isFinite(auc)) return 'not known yet';
  if (auc >= 0.9) return 'excellent';
  if (auc >= 0.8) return 'good';
  if (auc >= 0.7) return 'fair';
  if (auc >= 0.6) return 'poor';
  return 'coin toss';
}

/** "AUC 0.83, good" — the AUC with two decimals and its grade. */
export function aucShort(auc: number): string {
  return Number.isFinite(auc) ? `AUC ${auc.toFixed(2)}, ${aucGrade(auc)}` : 'AUC not known yet';
}

/** What the AUC counts, for pairs of people: "… the score ranks the patient higher 82 times in 100; … alone 76." */
export function aucMeaning(score: { label: string; auc: number }, best: { label: string; auc: number } | null, cases: string, reference: string): string {
  if (!Number.isFinite(score.auc)) return '';
  const n = (a: number) => Math.round(a * 100);
  const one = (w: string) => w.replace(/s$/, '');
  const tail = best && Number.isFinite(best.auc) ? `; ${best.label} alone, ${n(best.auc)}` : '';
  return `Pick one ${one(cases)} and one ${one(reference)}: ${score.label} puts the ${one(cases)} higher ${n(score.auc)} times in 100${tail} (a coin toss: 50).`;
}

/** Position 0–1 of `v` between `lo` and `hi` (the middle when they are equal). */
export function placeOn(v: number, lo: number, hi: number): number {
  if (!(hi > lo)) return 0.5;
  return Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
}
