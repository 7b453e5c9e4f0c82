// The inline cohort in words: what an AUC means for a class ("picks the patient 83 times in
// 100"), how good that is, and one sentence comparing the score with the best single marker.
// Pure functions of the current language, so the sentences are unit-tested (test/app/cohortWords.test.ts).
// Core words (src/i18n/catalogues/en.json): the inline cohort is part of the Learn screen.
import { language, num, t } from '../../i18n/i18n';

/** How good a test with this AUC is, in the usual short grades (below 0.6: no better than chance). */
export function aucGrade(auc: number): string {
  if (!Number.isFinite(auc)) return t('cohortInline.notKnown');
  if (auc >= 0.9) return t('cohortInline.excellent');
  if (auc >= 0.8) return t('cohortInline.good');
  if (auc >= 0.7) return t('cohortInline.fair');
  if (auc >= 0.6) return t('cohortInline.poor');
  return t('cohortInline.coinToss');
}

/** "AUC 0.83, good" — the AUC with two decimals and its grade. */
export function aucShort(auc: number): string {
  return Number.isFinite(auc) ? t('cohortInline.aucShort', { auc: aucText(auc), grade: aucGrade(auc) }) : t('cohortInline.aucUnknown');
}

/** What the AUC counts, for pairs of people: "… the score ranks the patient higher 82 times in 100; … alone 76." */
export function aucMeaning(score: { label: string; auc: number }, best: { label: string; auc: number } | null, cases: string, reference: string): string {
  if (!Number.isFinite(score.auc)) return '';
  const n = (a: number) => Math.round(a * 100);
  // English names one person of each group ("one patient"); the bokmål sentence uses the groups' own (plural) names.
  const one = (w: string) => (language() === 'en' ? w.replace(/s$/, '') : w);
  const tail = best && Number.isFinite(best.auc) ? t('cohortInline.alone', { marker: best.label, n: n(best.auc) }) : '';
  return t('cohortInline.meaning', { cases: one(cases), reference: one(reference), score: score.label, n: n(score.auc), tail });
}

/** An AUC with two decimals, the reader's way ("0.82", "0,82"). */
export function aucText(auc: number): string {
  return num(auc, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Position 0–1 of `v` between `lo` and `hi` (the middle when they are equal). */
export function placeOn(v: number, lo: number, hi: number): number {
  if (!(hi > lo)) return 0.5;
  return Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
}
