// "The rules in plain words" in bokmål (src/lab/i18n/plainRulesNb.ts): each built-in lesson's text,
// with its bokmål names, pinned as a golden file (test/i18n/plainRules/<id>.nb.txt); the numbers
// are the same settings as in English, written the bokmål way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';
import { plainRules, plainRulesText, type NumberPart } from '../../src/lab/plainRules';
import { localize, type LessonOverlay } from '../../src/lab/i18n/overlay';
import { NB_STATES, NB_WORDS } from '../../src/lab/i18n/plainRulesNb';

describe('the rules in plain words, in bokmål', () => {
  for (const s of lessons()) {
    const nb = localize(s, JSON.parse(readFileSync(`lessons/nb/${s.id}.json`, 'utf8')) as LessonOverlay, s);
    it(`${s.id}: matches its golden text`, async () => {
      await expect(plainRulesText(plainRules(nb, NB_WORDS), NB_WORDS) + '\n').toMatchFileSnapshot(`plainRules/${s.id}.nb.txt`);
    });
    it(`${s.id}: states the same settings as the English text, and names every state in bokmål`, () => {
      const parts = (g: ReturnType<typeof plainRules>) => g.flatMap((x) => x.sentences.flat()).filter((p): p is NumberPart => typeof p !== 'string');
      expect(parts(plainRules(nb, NB_WORDS))).toEqual(parts(plainRules(s)));
      for (const c of Object.values(s.cellTypes)) for (const st of c.states) expect(NB_STATES, st).toHaveProperty(st);
    });
  }
  it('writes numbers the bokmål way', () => {
    expect(NB_WORDS.number(24000)).toBe('24\u202f000');
    expect(NB_WORDS.number(0.123456)).toBe('0,123');
    const s = structuredClone(lessons()[0]);
    s.cellTypes.sender.release[0].perHour = 1234.5;
    expect(plainRulesText(plainRules(s, NB_WORDS), NB_WORDS)).toContain('Slipper ut 1\u202f230 letter vesicles per time per celle.');
  });
});
