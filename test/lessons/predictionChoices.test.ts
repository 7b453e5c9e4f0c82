// Every prompt of every lesson lets a student commit an answer: 2–4 short, distinct choices, the
// one the lesson's test runs show named by `shows` and checked by a claim about that very prompt
// (the claims themselves are measured in test/lessons/claims/), and a watched metric, when given,
// that one of the lesson's time charts draws (so a sketch has a chart to be drawn on).
import { describe, expect, it } from 'vitest';
import { lesson, lessonIds } from '../../lessons/index';
import { resolveMetrics } from '../../src/app/metricNames';
import { metricNames } from '../../sim/uses';

describe('prediction choices in the lessons', () => {
  for (const id of lessonIds()) {
    const s = lesson(id)!;
    const L = s.lesson!;
    it(`${id}: every prompt has choices backed by a claim`, () => {
      expect(L.prompts.length).toBeGreaterThan(0);
      L.prompts.forEach((p, i) => {
        const where = `${id} prompt ${i + 1}`;
        const choices = p.choices ?? [];
        expect(choices.length, where).toBeGreaterThanOrEqual(2);
        expect(choices.length, where).toBeLessThanOrEqual(4);
        expect(new Set(choices.map((c) => c.label.toLowerCase())).size, where).toBe(choices.length);
        for (const c of choices) expect(c.label.length, `${where}: ${c.label}`).toBeLessThanOrEqual(60);
        expect(choices.map((c) => c.id), where).toContain(p.shows);
        const claim = L.claims?.find((c) => c.id === p.claim);
        expect(claim, `${where}: claim ${p.claim}`).toBeDefined();
        expect(claim!.text.startsWith(`prompts.${i}.`), where).toBe(true);
      });
    });
    it(`${id}: a watched metric is drawn by one of its time charts`, () => {
      const names = metricNames(s);
      for (const p of L.prompts) {
        if (!p.watch) continue;
        const drawn = L.charts.filter((c) => c.kind === 'series').some((c) => resolveMetrics(c.metrics, names).includes(p.watch!.metric));
        expect(drawn, `${id}: ${p.watch.metric}`).toBe(true);
      }
    });
  }
});
