// docs/teaching.md's table of lessons (order, id, class time) matches the lessons: every lesson
// is in it once, with the class time its teacher notes give (lesson.teacher.minutes).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { lessons } from '../../lessons/index';

const doc = readFileSync('docs/teaching.md', 'utf8');

describe('docs/teaching.md', () => {
  it('lists every lesson once with its title and the class time of its notes', () => {
    const rows = [...doc.matchAll(/^\| (\d+) \| ([^|]+) \| `([a-z-]+)` \| (\d+) min \|/gm)];
    const all = lessons();
    expect(rows.map((r) => r[3]).sort()).toEqual(all.map((s) => s.id).sort());
    for (const s of all) {
      const r = rows.find((x) => x[3] === s.id)!;
      expect(r[2].trim(), s.id).toBe(s.title);
      expect(Number(r[4]), s.id).toBe(s.lesson?.teacher?.minutes);
    }
  });
});
