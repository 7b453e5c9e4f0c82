// Chart titles and notes name what is measured; they never answer a prompt before it is asked:
// no number that a prompt's explanation gives, and none of the phrases that state an outcome.
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';

/** Phrases that state a result rather than name a measure. */
const GIVEAWAYS = /none yet|levels off|first detection|step up is|only the|not at all|sooner|later than|faster|slower|more than|fewer|twice|half as|stays? (steady|flat)|rises|falls|wins/i;

/** The numbers in a text (1,316 → 1316), leaving out names (M1, CD3) and the 0/1 of a yes/no axis. */
const numbers = (t: string) =>
  [...t.replace(/(\d),(\d{3})/g, '$1$2').matchAll(/(?<![\w.])\d+(?:\.\d+)?(?!\w)/g)].map((m) => m[0]).filter((n) => n !== '0' && n !== '1');

describe('chart titles and notes never answer a prompt before it is asked', () => {
  it('catches a title that gives the answer', () => {
    expect(GIVEAWAYS.test('Tumour cells that reached the lung: none yet')).toBe(true);
    expect(GIVEAWAYS.test('Blood test result: the step up is the time of first detection')).toBe(true);
    expect(GIVEAWAYS.test('Tumour cells that reached the lung and the liver')).toBe(false);
    expect(numbers('Killed by vesicles: about 1,316 of 20 (M1, CD3⁺; 1 = positive)')).toEqual(['1316', '20']);
  });

  for (const s of lessons()) {
    it(`${s.id}: titles and notes name measures only`, () => {
      const L = s.lesson!;
      const answers = new Set(L.prompts.flatMap((p) => numbers(p.explain)));
      for (const c of L.charts) {
        const text = `${c.title} ${c.note ?? ''}`;
        expect(GIVEAWAYS.test(text), `${s.id}: "${text}"`).toBe(false);
        for (const n of numbers(text)) expect(answers.has(n), `${s.id}: "${c.title}" states ${n}, which a prompt's explanation gives`).toBe(false);
      }
    });
  }
});
