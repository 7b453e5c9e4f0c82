// The teacher page's words (src/i18n/catalogues/areas/teacher.*.json): the link's parts and
// options say in English exactly what src/lab/share/options.ts says (docs and tests are held to
// that list), every one has its bokmål, and the worksheet's sketch window is the app's.
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/catalogues/areas/teacher.en.json';
import nb from '../../src/i18n/catalogues/areas/teacher.nb.json';
import coreEn from '../../src/i18n/catalogues/en.json';
import coreNb from '../../src/i18n/catalogues/nb.json';
import { LINK_PARAMS, linkParts } from '../../src/lab';
import { lessons } from '../../lessons/index';
import { observeEnd, sketchWindow } from '../../src/app/screens/teacher/sketchWindow';
import type { PromptSpec } from '../../lessons/schema';

const EN = en as Record<string, string>;
const NB = nb as Record<string, string>;
const CORE_EN = coreEn as Record<string, string>;
const CORE_NB = coreNb as Record<string, string>;

describe('the words for a link’s parts and options', () => {
  it('are options.ts’s English, and each has a bokmål text of its own', () => {
    for (const p of linkParts()) {
      expect(CORE_EN[`share.part.${p.part}`], p.part).toBe(p.label);
      expect(EN[`teacher.partMeaning.${p.part}`], p.part).toBe(p.meaning);
      expect(CORE_NB[`share.part.${p.part}`], p.part).toBeTruthy();
      expect(NB[`teacher.partMeaning.${p.part}`], p.part).not.toBe(p.meaning);
    }
    for (const p of LINK_PARAMS) {
      expect(EN[`teacher.param.${p.name}`], p.name).toBe(p.meaning);
      expect(NB[`teacher.param.${p.name}`], p.name).not.toBe(p.meaning);
    }
  });

  it('list lang= among the options the link builder writes', () => {
    expect(LINK_PARAMS.find((p) => p.name === 'lang')).toMatchObject({ builder: true });
  });
});

describe('the worksheet’s sketch window', () => {
  const p = (atHours: number, sketch: boolean): PromptSpec => ({ atHours, predict: '', explain: '', watch: { metric: 'm', label: 'm', sketch } }) as PromptSpec;

  it('runs from the prompt to the next prompt in time, or to the lesson’s end', () => {
    const ps = [p(0, true), p(6, false), p(2, true)];
    expect(observeEnd(ps, 0, 24)).toBe(2);
    expect(observeEnd(ps, 2, 24)).toBe(6);
    expect(observeEnd(ps, 1, 24)).toBe(24);
    expect(observeEnd(ps, 1, undefined)).toBeNull();
    expect(observeEnd([p(24, true)], 0, 24)).toBeNull();
  });

  it('exists only for prompts whose curve the app lets a student sketch', () => {
    const ps = [p(0, true), p(6, false)];
    expect(sketchWindow(ps, 0, 24)).toEqual({ from: 0, to: 6 });
    expect(sketchWindow(ps, 1, 24)).toBeNull();
    expect(sketchWindow([p(12, true)], 0, undefined)).toBeNull();
  });

  it('is there for every sketch prompt of the lessons', () => {
    for (const s of lessons()) {
      const prompts = s.lesson?.prompts ?? [];
      prompts.forEach((q, k) => {
        if (q.watch?.sketch) expect(sketchWindow(prompts, k, s.lesson?.hours), `${s.id} prompt ${k + 1}`).not.toBeNull();
      });
    }
  });
});
