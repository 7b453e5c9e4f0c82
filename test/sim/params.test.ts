// Settings by path: only the schema's settings (numbers with a unit and range, label and receptor
// lists, the scheduled events as a whole) resolve, over own keys only — "length", "__proto__",
// "constructor", inherited names and list indices out of range are refused in words by every
// door: the resolver, set events, run files, the command line's settings and sweeps, shared links
// and the app's overrides.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, getAtPath, listParameters, listSettings, parameterAt, parseScenario, resolveSetting, schedule, setAtPath, step } from '../../sim/index';
import { lesson, lessonIds } from '../../lessons/index';
import { applySet } from '../../src/cli/overrides';
import { decodeLink, toBase64Url } from '../../src/lab';
import { withOverrides } from '../../src/lab';
import type { ScenarioFile as Scenario } from '../../lessons/scenarioFile';

const letters = (): Scenario => {
  const s = lesson('letters');
  if (!s) throw new Error('letters lesson missing');
  return s;
};

const HOSTILE = ['length', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

describe('settings paths', () => {
  it('refuses the three hostile examples with a clear message and changes nothing', () => {
    const s = letters();
    // A run-file or link `set` event that lengthens a list.
    const m = createModel(s, '1');
    expect(schedule(m, { tick: 5, kind: 'set', path: 'cellTypes.sender.release.length', value: 50_000_000 })).toBe(
      'unknown setting "cellTypes.sender.release.length": cellTypes.sender.release is a list of 1: its entries are numbered 0 to 0, and "length" is none of them',
    );
    step(m, 6);
    expect(m.scenario.cellTypes.sender.release).toHaveLength(1);
    // The command line's setting and a sweep's varied value (both go through applySet).
    expect(() => applySet(s, 'tissues.tissue.cells.length=100000000')).toThrow(/unknown --set path "tissues.tissue.cells.length"/);
    expect(() => applySet(s, 'tissues.tissue.cells.length=1,2', '--vary')).toThrow(/unknown --vary path/);
    expect(() => setAtPath(s, 'tissues.tissue.cells.length', 100_000_000)).toThrow(/tissues.tissue.cells is a list of 3: its entries are numbered 0 to 2/);
    expect(s.tissues.tissue.cells).toHaveLength(3);
  });

  it('refuses inherited and special names at every depth, and leaves Object.prototype alone', () => {
    const s = letters();
    const prefixes = ['', 'tissues.', 'tissues.tissue.', 'tissues.tissue.cells.', 'tissues.tissue.cells.0.', 'cellTypes.', 'cellTypes.sender.', 'cellTypes.sender.release.', 'affinity.', 'blood.', 'lesson.'];
    for (const p of prefixes)
      for (const k of HOSTILE) {
        for (const path of [`${p}${k}`, `${p}${k}.polluted`]) {
          const r = resolveSetting(s, path);
          expect(r.ok, path).toBe(false);
          if (!r.ok) expect(r.message, path).toMatch(/^unknown setting "/);
          expect(getAtPath(s, path), path).toBeUndefined();
          expect(() => setAtPath(s, path, 1), path).toThrow(/unknown setting/);
        }
      }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(s.cellTypes.sender.release).toHaveLength(1);
  });

  it('reads list indices only as plain whole numbers inside the list', () => {
    const s = letters();
    expect(getAtPath(s, 'tissues.tissue.cells.2.count')).toBe(s.tissues.tissue.cells[2].count);
    for (const k of ['3', '-1', '01', '1e0', ' 1', '1.0', '0x1', '4294967296', '', 'NaN', 'Infinity'])
      expect(resolveSetting(s, `tissues.tissue.cells.${k}.count`).ok, k).toBe(false);
    expect(resolveSetting(s, 'tissues.tissue.cells.3.count')).toMatchObject({ ok: false, message: expect.stringMatching(/entries are numbered 0 to 2, and "3" is none of them/) });
  });

  it('refuses what is not a setting: texts, whole objects and lists, ids, run length, empty parts', () => {
    const s = letters();
    for (const path of ['title', 'seed', 'id', 'tissues', 'tissues.tissue', 'cellTypes.sender.release', 'cellTypes.sender.release.0', 'cellTypes.sender.release.0.vesicleType', 'cellTypes.sender.states', 'lesson.hours', 'lesson.exposed', 'events.0', 'events.0.tick', 'tissues..tissue.diffusion', '.tissues.tissue.diffusion', 'tissues.tissue.diffusion.', 'x'.repeat(201)]) {
      const r = resolveSetting(s, path);
      expect(r.ok, path).toBe(false);
      expect(() => setAtPath(s, path, 1), path).toThrow(/unknown setting/);
    }
  });

  it('suggests the closest settings for a typo', () => {
    const r = resolveSetting(letters(), 'tissues.tissue.difusion');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/tissues.tissue has no part "difusion" \(did you mean "tissues.tissue.diffusion"\?\)/) });
  });

  it('every listed setting of every lesson resolves, reads back its value and can be set to it again', () => {
    for (const id of lessonIds()) {
      const s = lesson(id) as Scenario;
      const all = listSettings(s);
      expect(all.length).toBeGreaterThan(10);
      for (const p of all) {
        const r = resolveSetting(s, p.path);
        expect(r.ok, p.path).toBe(true);
        expect(getAtPath(s, p.path)).toEqual(p.value);
        if (p.kind === 'param') expect(parameterAt(s, p.path)).toEqual(p);
      }
      expect(listParameters(s).every((p) => p.kind === 'param' && typeof p.value === 'number')).toBe(true);
      const lists = all.filter((p) => p.kind !== 'param').map((p) => p.path);
      expect(lists.every((p) => /^(vesicleTypes\.[^.]+\.labels|cellTypes\.[^.]+\.receptors|events)$/.test(p)), lists.join()).toBe(true);
      const again = all.reduce<Scenario>((acc, p) => setAtPath(acc, p.path, p.value), s);
      const parsed = parseScenario(again);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value).toEqual(s);
    }
  });

  it('the scheduled events may be replaced before a run, never by an event during one', () => {
    const s = letters();
    const events = [{ atHours: 1, kind: 'drug', cellType: 'sender', inhibition: 0.5 }];
    const p = parseScenario(setAtPath(s, 'events', events));
    expect(p.ok && p.value.events).toEqual(events);
    expect(schedule(createModel(s, '1'), { kind: 'set', path: 'events', value: [] })).toMatch(/cannot change during a run/);
  });

  it('label and receptor lists are settings; their ids are checked when the result is validated', () => {
    const s = letters();
    expect(resolveSetting(s, 'vesicleTypes.letter.labels')).toMatchObject({ ok: true, setting: { kind: 'ids', of: 'labels' } });
    const bad = parseScenario(setAtPath(s, 'cellTypes.reader.receptors', ['readr']));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0].message).toMatch(/unknown receptor "readr" \(did you mean "reader"\?\)/);
  });

  it('a random path built from real and hostile parts either names a listed setting or is refused in words', () => {
    const s = letters();
    const listed = new Set(listSettings(s).map((p) => p.path));
    const parts = [...new Set(listSettings(s).flatMap((p) => p.path.split('.'))), ...HOSTILE, '0', '1', '7', '01', '', 'nope'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 6 }), (keys) => {
        const path = keys.join('.');
        const r = resolveSetting(s, path);
        if (r.ok) expect(listed.has(path)).toBe(true);
        else expect(r.message).toMatch(/^unknown setting "/);
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('shared links and the app refuse the hostile paths too', async () => {
    const s = letters();
    expect(withOverrides(s, new Map([['tissues.tissue.cells.length', 100_000_000]]))).toEqual({ problem: expect.stringMatching(/unknown setting/) });
    const viaSet = await decodeLink('?lesson=letters&set.tissues.tissue.cells.length=100000000');
    expect(viaSet.ignored.join('\n')).toMatch(/not a setting/);
    expect(viaSet.overrides.size).toBe(0);
    const ev = toBase64Url(new TextEncoder().encode('[{"tick":5,"kind":"set","path":"cellTypes.sender.release.length","value":50000000}]'));
    const viaEvent = await decodeLink(`?lesson=letters&ev=j${ev}`);
    expect(viaEvent.ignored.join('\n')).toMatch(/not a setting/);
    expect(viaEvent.events).toBeNull();
  });
});
