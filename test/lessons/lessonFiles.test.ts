// Every built-in lesson file fits the engine: it is registered in LESSONS.md order, has 2–4
// paragraphs and three prompts within its hours, and its exposed settings, chart metrics and
// intervention events are all accepted by a model of that lesson.
import { describe, expect, it } from 'vitest';
import { checkEvent, createModel, parameterAt } from '../../sim/index';
import { lesson, lessonIds } from '../../lessons/index';

const ORDER = ['letters', 'immune-suppression', 'liquid-biopsy', 'nk-weapons', 'block-release', 'calm-inflammation', 'gut-messages', 'organ-address', 'autoimmune-signature'];

describe('lesson files', () => {
  it('are the nine lessons, in LESSONS.md order', () => {
    expect(lessonIds()).toEqual(ORDER);
  });

  for (const id of ORDER) {
    it(`${id}: texts, exposed settings, charts and buttons fit the engine`, () => {
      const s = lesson(id);
      if (!s) throw new Error(`${id} missing`);
      const L = s.lesson;
      if (!L) throw new Error(`${id} has no lesson text`);
      expect(L.paragraphs.length).toBeGreaterThanOrEqual(2);
      expect(L.paragraphs.length).toBeLessThanOrEqual(4);
      expect(L.prompts).toHaveLength(3);
      // Teacher notes: one note per prompt, goals, misconceptions and what-ifs.
      expect(L.teacher, 'teacher notes').toBeDefined();
      expect(L.teacher?.answers).toHaveLength(L.prompts.length);
      expect(L.teacher?.goals.length).toBeGreaterThanOrEqual(2);
      expect(L.teacher?.misconceptions.length).toBeGreaterThanOrEqual(2);
      expect(L.teacher?.whatIfs.length).toBeGreaterThanOrEqual(2);
      for (const p of L.prompts) expect(p.atHours).toBeLessThanOrEqual(L.hours);
      for (const path of L.exposed) expect(parameterAt(s, path), path).toBeDefined();
      const m = createModel(s, '1');
      const names = new Set(m.reporters.map((r) => r.name));
      for (const c of L.charts)
        for (const name of c.metrics) {
          if (name.endsWith('*')) expect([...names].some((n) => n.startsWith(name.slice(0, -1))), name).toBe(true);
          else expect(names.has(name), name).toBe(true);
        }
      for (const b of L.interventions) for (const e of [...b.events, ...(b.off ?? [])]) expect(checkEvent(m, e), b.label).toBeNull();
    });
  }
});
