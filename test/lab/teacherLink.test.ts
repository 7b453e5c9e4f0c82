// The teacher's link builder (src/lab/share/builder.ts): whatever a teacher chooses — lesson,
// seed, fixed settings, hidden and locked parts, Learn or Lab — the link reads back to exactly
// that choice, settings equal to the lesson's are left out, and a bad choice is named, not kept;
// the language a teacher picks travels as lang=.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildClassLinks, buildTeacherLink, decodeLink, HIDEABLE, LOCKABLE, shortLessonLink, type TeacherLinkChoice } from '../../src/lab';
import { lesson, lessonIds } from '../../lessons/index';
import { getAtPath, listParameters } from '../../sim/params';

const BASE = 'https://school.example.org/cellpost/';

describe('the teacher link builder', () => {
  it('round-trips a locked Learn link: lesson, seed, settings, hidden and locked parts', async () => {
    const choice: TeacherLinkChoice = {
      lesson: 'letters',
      seed: 'class 7B',
      settings: new Map([['tissues.tissue.halfLifeHours', 3]]),
      hide: ['lesson', 'mode', 'timeline'],
      lock: ['settings', 'seed'],
      mode: 'learn',
    };
    const link = await buildTeacherLink(choice, BASE);
    expect(link.problems).toEqual([]);
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe(BASE);
    expect(url.searchParams.get('hide')).toBe('lesson,mode,timeline');
    expect(url.searchParams.get('lock')).toBe('settings,seed');
    expect(url.searchParams.has('mode')).toBe(false);
    const d = await decodeLink(url.search);
    expect(d).toMatchObject({ lesson: 'letters', seed: 'class 7B', hide: choice.hide, lock: choice.lock, mode: 'learn', events: null, ignored: [] });
    expect([...d.overrides]).toEqual([['tissues.tissue.halfLifeHours', 3]]);
  });

  it('writes mode=lab for a Lab link and reads it back', async () => {
    const link = await buildTeacherLink({ lesson: 'liquid-biopsy', seed: '4', settings: new Map(), hide: [], lock: ['mode'], mode: 'lab' }, BASE);
    expect(new URL(link.url).searchParams.get('mode')).toBe('lab');
    expect(link.read.mode).toBe('lab');
    expect(link.read.lock).toEqual(['mode']);
  });

  it('leaves out settings equal to the lesson’s own', async () => {
    const own = lesson('letters')!;
    const v = getAtPath(own, 'tissues.tissue.diffusion') as number;
    const link = await buildTeacherLink({ lesson: 'letters', seed: own.seed, settings: new Map([['tissues.tissue.diffusion', v]]), hide: [], lock: [], mode: 'learn' }, BASE);
    expect(link.url).toBe(`${BASE}?lesson=letters&seed=${own.seed}`);
  });

  it('names a setting out of range, a bad seed and an unknown part instead of keeping them', async () => {
    const link = await buildTeacherLink({ lesson: 'letters', seed: 'x'.repeat(101), settings: new Map([['tissues.tissue.diffusion', 9000]]), hide: [], lock: [], mode: 'learn' }, BASE);
    expect(link.problems.join('\n')).toMatch(/seed .*1 to 100 characters/);
    expect(link.problems.join('\n')).toMatch(/diffusion = 9000: .* must be between/);
    expect(link.read.overrides.size).toBe(0);
    const d = await decodeLink('?lesson=letters&lock=settings,everything&mode=zoo');
    expect(d.lock).toEqual(['settings']);
    expect(d.mode).toBe('learn');
    expect(d.ignored.join('\n')).toMatch(/lock "everything": not a part that can be locked/);
    expect(d.ignored.join('\n')).toMatch(/mode "zoo"/);
  });

  it('round-trips any choice of lesson, seed, exposed settings within range, parts and mode (fast-check)', async () => {
    const ids = lessonIds();
    const arb = fc
      .record({
        i: fc.nat({ max: ids.length - 1 }),
        // eslint-disable-next-line no-control-regex
        seed: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/[\u0000-\u001f\u007f]/.test(s)),
        picks: fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 3 }),
        hide: fc.subarray([...HIDEABLE]),
        lock: fc.subarray([...LOCKABLE]),
        lab: fc.boolean(),
      })
      .map(({ i, seed, picks, hide, lock, lab }) => {
        const s = lesson(ids[i])!;
        const params = listParameters(s).filter((p) => s.lesson?.exposed.includes(p.path));
        const settings = new Map<string, number>();
        for (const [k, t] of picks) {
          const p = params[k % params.length];
          // A round number inside the range: what a teacher types.
          const v = p.integer ? Math.round(p.min + t * (p.max - p.min)) : Number((p.min + t * (p.max - p.min)).toPrecision(3));
          if (v >= p.min && v <= p.max) settings.set(p.path, v);
        }
        return { lesson: s.id, seed, settings, hide, lock, mode: lab ? 'lab' : 'learn' } as TeacherLinkChoice;
      });
    await fc.assert(
      fc.asyncProperty(arb, async (c) => {
        const link = await buildTeacherLink(c, BASE);
        // A combination of settings the scenario refuses is named, never silently kept.
        if (link.problems.length > 0) return expect(link.problems.join(' ')).toMatch(/set\.|settings/);
        const d = link.read;
        const own = lesson(c.lesson)!;
        const expected = [...c.settings].filter(([k, v]) => getAtPath(own, k) !== v);
        expect(d.lesson).toBe(c.lesson);
        expect(d.seed).toBe(c.seed);
        expect([...d.overrides].sort()).toEqual(expected.sort());
        expect(d.hide).toEqual(c.hide);
        expect(d.lock).toEqual(c.lock);
        expect(d.mode).toBe(c.mode);
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('writes the language the page opens in (lang=nb), for a class’s links too; English is left out', async () => {
    const choice: TeacherLinkChoice = { lesson: 'letters', seed: 's', settings: new Map(), hide: [], lock: [], mode: 'learn', lang: 'nb' };
    const link = await buildTeacherLink(choice, BASE);
    expect(new URL(link.url).searchParams.get('lang')).toBe('nb');
    expect(link.problems).toEqual([]);
    expect((await decodeLink(new URL(link.url).search)).ignored).toEqual([]);
    const perStudent = await buildClassLinks(choice, 4, 2, BASE);
    expect(perStudent.map((x) => new URL(x.url).searchParams.get('lang'))).toEqual(['nb', 'nb']);
    expect(new URL((await buildTeacherLink({ ...choice, lang: 'en' }, BASE)).url).searchParams.has('lang')).toBe(false);
  });

  it('gives a short lesson link for a worksheet', () => {
    expect(shortLessonLink('gut-messages', BASE)).toBe('https://school.example.org/cellpost/?lesson=gut-messages');
  });
});
