// The inline cohort in words (src/app/cohortInline/words.ts): the AUC's usual grades at their
// boundaries, the pair reading of an AUC ("higher 82 times in 100"), and positions on a strip.
import { describe, expect, it } from 'vitest';
import { aucGrade, aucMeaning, aucShort, placeOn } from '../../src/app/cohortInline/words';

describe('the inline cohort in words', () => {
  it('grades an AUC with the usual words, each from its lower boundary', () => {
    expect([0.5, 0.59, 0.6, 0.69, 0.7, 0.79, 0.8, 0.89, 0.9, 1].map(aucGrade)).toEqual(['coin toss', 'coin toss', 'poor', 'poor', 'fair', 'fair', 'good', 'good', 'excellent', 'excellent']);
    expect(aucGrade(NaN)).toBe('not known yet');
    expect(aucShort(0.8234)).toBe('AUC 0.82, good');
    expect(aucShort(NaN)).toBe('AUC not known yet');
  });

  it('reads an AUC as how often one of the cases ranks above one of the reference group', () => {
    expect(aucMeaning({ label: 'the score', auc: 0.823 }, { label: 'CD3', auc: 0.7549 }, 'patients', 'healthy controls')).toBe(
      'Pick one patient and one healthy control: the score puts the patient higher 82 times in 100; CD3 alone, 75 (a coin toss: 50).',
    );
    expect(aucMeaning({ label: 'CD3', auc: 0.7 }, null, 'patients', 'healthy controls')).toBe('Pick one patient and one healthy control: CD3 puts the patient higher 70 times in 100 (a coin toss: 50).');
    expect(aucMeaning({ label: 'x', auc: NaN }, null, 'a', 'b')).toBe('');
  });

  it('places a value between the lowest and highest, in the middle when they are equal', () => {
    expect(placeOn(5, 0, 10)).toBe(0.5);
    expect(placeOn(-1, 0, 10)).toBe(0);
    expect(placeOn(11, 0, 10)).toBe(1);
    expect(placeOn(3, 3, 3)).toBe(0.5);
  });
});
