// "The rules in plain words" (src/lab/plainRules.ts): each built-in lesson's text is pinned as a
// golden file (review a change by reading its diff), and every number in it is the scenario's
// own value at the setting it names.
import { describe, expect, it } from 'vitest';
import { lesson, lessons } from '../../lessons/index';
import { getAtPath, NO_LAST_DOSE } from '../../sim/index';
import { formatNumber, plainRules, plainRulesText, type NumberPart } from '../../src/lab/plainRules';

describe('the rules in plain words', () => {
  for (const s of lessons()) {
    it(`${s.id}: matches its golden text`, async () => {
      await expect(plainRulesText(plainRules(s)) + '\n').toMatchFileSnapshot(`plainRules/${s.id}.txt`);
    });
    it(`${s.id}: every number is the value of the setting it names`, () => {
      const parts = plainRules(s).flatMap((g) => g.sentences.flat()).filter((p): p is NumberPart => typeof p !== 'string');
      expect(parts.length).toBeGreaterThan(5);
      for (const p of parts) expect(getAtPath(s, p.path), p.path).toBe(p.value);
    });
    it(`${s.id}: has a group for every cell kind and every tissue`, () => {
      const g = plainRules(s);
      for (const ct of Object.keys(s.cellTypes)) expect(g.some((x) => x.kind === 'cell' && x.id === ct), ct).toBe(true);
      for (const t of Object.keys(s.tissues)) expect(g.some((x) => x.kind === 'place' && x.id === t), t).toBe(true);
    });
  }
  it('writes numbers as people do', () => {
    expect(formatNumber(24000)).toBe('24,000');
    expect(formatNumber(0.0001)).toBe('0.0001');
    expect(formatNumber(1e8)).toBe('100,000,000');
    expect(formatNumber(0.123456)).toBe('0.123');
  });
  it('follows a change of a setting (the text is generated, not stored)', () => {
    const s = structuredClone(lessons()[0]);
    s.cellTypes.sender.release[0].perHour = 1234;
    expect(plainRulesText(plainRules(s))).toContain('Releases 1,234 letter vesicles an hour per cell.');
  });
  it('says when the doses stop, and nothing of an end when they have none (calm-inflammation’s "Keep dosing")', () => {
    const s = structuredClone(lesson('calm-inflammation')!);
    expect(plainRulesText(plainRules(s))).toContain('into the blood every 8 h, from 1 h until 20 h.');
    s.doses[0].stopHours = NO_LAST_DOSE;
    const text = plainRulesText(plainRules(s));
    expect(text).toContain('into the blood every 8 h, from 1 h.');
    expect(text).not.toContain('until');
  });
});
