// Lesson texts say only what the screen and the runs show: each claim's words are in its text,
// every number in a text is covered by a claim (lesson.claims, measured in claims/*.test.ts),
// every button a prompt names is on the screen, and chart titles give no answers away.
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';
import type { ScenarioFile } from '../../lessons/scenarioFile';
import { lessonTexts, teacherTexts } from './readability';

/** The buttons a learner can press in a lesson: its interventions, its paired comparison, and the app's own. */
function buttons(s: ScenarioFile): string[] {
  const L = s.lesson;
  const out = (L?.interventions ?? []).map((iv) => iv.label);
  if (L?.paired) out.push(/^with\b/i.test(L.paired.label) ? `Compare without and ${L.paired.label}` : `Compare with and without: ${L.paired.label}`, 'Start comparison');
  if (L?.cohort) out.push('Run the cohort');
  return out;
}

/** Numbers written with digits that are not part of a name (CD8, α6β4, PD-1) or a year in a citation. */
function numbersIn(text: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}.,-])\d[\d,.]*(?:\s000)*(?![\p{L}\p{N}])/gu)) {
    const n = m[0].replace(/[.,]$/, '');
    if (/^(19|20)\d\d$/.test(n)) continue;
    out.push({ at: m.index ?? 0, text: n });
  }
  return out;
}

describe('lesson texts and their claims', () => {
  for (const s of lessons()) {
    const texts = [...lessonTexts(s), ...teacherTexts(s)];
    const claims = s.lesson?.claims ?? [];

    it(`${s.id}: each claim's words appear in the text it names`, () => {
      for (const c of claims) {
        const t = texts.find((x) => x.where === c.text);
        expect(t?.text ?? '', `${c.id} (${c.text})`).toContain(c.says);
      }
    });

    it(`${s.id}: every number a text states is covered by a claim`, () => {
      for (const t of texts) {
        const spans = claims.filter((c) => c.text === t.where).flatMap((c) => [...t.text.matchAll(new RegExp(c.says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => [m.index ?? 0, (m.index ?? 0) + c.says.length]));
        for (const n of numbersIn(t.text)) expect(spans.some(([a, b]) => n.at >= a && n.at < b), `${t.where}: "${n.text}" in "${t.text}" has no claim`).toBe(true);
      }
    });

    it(`${s.id}: every button a prompt tells the learner to press is on the screen`, () => {
      const here = buttons(s);
      for (const t of texts.filter((x) => x.where.startsWith('prompts.') || x.where.startsWith('teacher.'))) {
        for (const m of t.text.matchAll(/\b(?:[Pp]ress|[Cc]hoose|[Cc]lick)\s+'([^']+)'/g)) expect(here, `${t.where} names '${m[1]}'`).toContain(m[1]);
        // Any other instruction to press must quote the button.
        expect(t.text, `${t.where}: say which button, in quotes`).not.toMatch(/(?:^|[.!?:]\s+|\b(?:[Nn]ow|[Tt]hen|and)\s+)[Pp]ress (?!'|Play)/);
      }
    });

    it(`${s.id}: chart titles describe what is drawn and give no answer away`, () => {
      for (const c of s.lesson?.charts ?? []) {
        expect(numbersIn(c.title), c.title).toEqual([]);
        expect(c.title, c.title).not.toMatch(/\b(none|zero|yet|never|always|only|more|fewer|higher|lower)\b/i);
      }
    });
  }
});
