// Every lesson names its main metric (lesson.mainMetric, compared across a class's runs): a
// metric one of its own series charts shows, that its runs measure, with a plain label.
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';
import { createModel } from '../../sim/index';

describe('the lessons’ main metrics', () => {
  for (const s of lessons())
    it(`${s.id} names a main metric its charts show and its runs measure`, () => {
      const mm = s.lesson?.mainMetric;
      expect(mm, `${s.id} has no lesson.mainMetric`).toBeDefined();
      if (!mm) return;
      const charted = (s.lesson?.charts ?? []).filter((c) => c.kind === 'series').flatMap((c) => c.metrics);
      const matches = (pattern: string) => (pattern.endsWith('*') ? mm.metric.startsWith(pattern.slice(0, -1)) : pattern === mm.metric);
      expect(charted.some(matches), `${mm.metric} is on none of ${s.id}'s series charts (${charted.join(', ')})`).toBe(true);
      expect(createModel(s, s.seed).reporters.map((r) => r.name)).toContain(mm.metric);
      expect(mm.label).toMatch(/^[A-Z]/);
    });
});
