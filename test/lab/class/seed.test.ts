// Class codes (src/lab/class/seed.ts): each student of a class gets a seed of their own, the same
// every time, different from every other student's and from other classes'; bad numbers are refused.
import { describe, expect, it } from 'vitest';
import { buildClassLinks, buildTeacherLink, classSeed, decodeLink, MAX_STUDENT, readClassParam, readWholeNumber } from '../../../src/lab';

describe('classSeed', () => {
  it('gives students 1 to 100 distinct seeds, in every one of a thousand classes', () => {
    for (let c = 1; c <= 1000; c++) {
      const seeds = new Set<string>();
      for (let k = 1; k <= 100; k++) seeds.add(classSeed(c, k));
      expect(seeds.size).toBe(100);
    }
  });

  it('gives all 999 students of a class distinct seeds, none shared with the next class', () => {
    const a = new Set(Array.from({ length: MAX_STUDENT }, (_, i) => classSeed(12, i + 1)));
    const b = Array.from({ length: MAX_STUDENT }, (_, i) => classSeed(13, i + 1));
    expect(a.size).toBe(MAX_STUDENT);
    expect(b.filter((s) => a.has(s))).toEqual([]);
  });

  it('is a pure function with a fixed, documented form: class number, a dash, eight hex digits', () => {
    expect(classSeed(12, 1)).toBe(classSeed(12, 1));
    expect(classSeed(12, 1)).toMatch(/^12-[0-9a-f]{8}$/);
    // Pinned: a change here would give every class new runs.
    expect([classSeed(12, 1), classSeed(12, 2), classSeed(1, 1)]).toEqual(['12-840392e9', '12-de596eca', classSeed(1, 1)]);
  });

  it('refuses numbers that are not whole numbers in range', () => {
    for (const [c, k] of [[0, 1], [1, 0], [1.5, 1], [1, 1000], [1e7, 1], [NaN, 1]]) expect(() => classSeed(c, k)).toThrow(RangeError);
    expect(readWholeNumber(' 7 ', 'studentNumber', 999)).toEqual({ ok: true, value: 7 });
    for (const t of ['', 'abc', '0', '1000', '-3', '2.5', '1e3']) expect(readWholeNumber(t, 'studentNumber', 999).ok).toBe(false);
  });

  it('makes one link per student, each opening the lesson with that student’s seed', async () => {
    const links = await buildClassLinks({ lesson: 'letters', seed: 'ignored', settings: new Map(), hide: ['lesson'], lock: ['seed'], mode: 'learn' }, 12, 30, 'https://school.example.org/');
    expect(links).toHaveLength(30);
    for (const l of links) {
      const d = await decodeLink(new URL(l.url).search);
      expect(d).toMatchObject({ lesson: 'letters', seed: classSeed(12, l.student), hide: ['lesson'], lock: ['seed'], ignored: [] });
    }
  });

  it('writes one class link (class=C) that a student’s page reads back, and names a bad class number', async () => {
    const link = await buildTeacherLink({ lesson: 'letters', seed: 'whole class', settings: new Map(), hide: [], lock: ['seed'], mode: 'learn', classCode: 12 }, 'https://school.example.org/');
    expect(new URL(link.url).searchParams.get('class')).toBe('12');
    expect(link.problems).toEqual([]);
    expect(link.classCode).toBe(12);
    expect(link.read).toMatchObject({ lesson: 'letters', seed: 'whole class', ignored: [] });
    expect(readClassParam('?lesson=letters')).toEqual({ code: null });
    expect(readClassParam(new URL(link.url).search)).toEqual({ code: 12 });
    expect(readClassParam('?lesson=letters&class=12a')).toEqual({ code: null, problem: 'class "12a": a class number is a whole number from 1 to 999,999' });
    expect(await decodeLink('?lesson=letters&class=12a')).toMatchObject({ lesson: 'letters', ignored: [] });
  });
});
