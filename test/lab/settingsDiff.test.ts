// The settings a run's link carries (src/lab/share/diff.ts): settingsDiff gives the answer of the full
// check (every parameter compared, the settings applied, both starts written as canonical JSON) for
// every lesson as it is, and with any one number of it changed; compareShape says how two values differ.
import { describe, expect, it } from 'vitest';
import { lesson, lessonIds } from '../../lessons/index';
import { getAtPath, listParameters } from '../../sim/params';
import type { Scenario } from '../../sim/schema';
import type { ScenarioFile } from '../../lessons/scenarioFile';
import { sameShape, sameStart, settingsDiff, withOverrides, type Overrides } from '../../src/lab';
import { compareShape } from '../../src/lab/size';

/** The full check, step by step, as settingsDiff did it for every scenario of a lesson's shape. */
function fullCheck(base: ScenarioFile, scenario: Scenario): Overrides | null {
  if (!sameShape({ ...base, events: [] }, { ...scenario, events: [] })) return null;
  const out: Overrides = new Map();
  for (const p of listParameters(scenario)) if (getAtPath(base, p.path) !== p.value) out.set(p.path, p.value);
  const eff = withOverrides(base, out);
  if ('problem' in eff) return null;
  return sameStart(eff.scenario, scenario) ? out : null;
}

/** Every number in a value, as [path, value], in a fixed order. */
function numbersIn(v: unknown, path: (string | number)[] = [], out: [(string | number)[], number][] = []): [(string | number)[], number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbersIn(x, [...path, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbersIn(x, [...path, k], out);
  return out;
}

/** A copy of `v` with the number at `path` replaced. */
function withNumber<T>(v: T, path: (string | number)[], value: number): T {
  const copy = structuredClone(v);
  let node = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

const entries = (d: Overrides | null) => (d ? [...d] : null);

describe('settingsDiff', () => {
  it('finds no settings for every lesson as it is, as the full check does', () => {
    for (const id of lessonIds()) {
      const base = lesson(id)!;
      const d = settingsDiff(base, structuredClone(base));
      expect(entries(d), id).toEqual([]);
      expect(entries(d), id).toEqual(entries(fullCheck(base, structuredClone(base))));
    }
  });

  it('gives the full check’s answer with any one number of a lesson changed (a setting, or a number no setting names)', () => {
    for (const id of ['letters', 'block-release', 'organ-address']) {
      const base = lesson(id)!;
      const numbers = numbersIn({ ...base, events: [] });
      expect(numbers.length).toBeGreaterThan(20);
      let settings = 0;
      let others = 0;
      // Every fourth number, and the first ones (the tissues' sizes and rates).
      for (const [i, [path, value]] of numbers.entries()) {
        if (i > 12 && i % 4 !== 0) continue;
        const changed = withNumber(base, path, value === 0 ? 0.5 : value * 1.5);
        const want = entries(fullCheck(base, changed));
        expect(entries(settingsDiff(base, changed)), `${id} ${path.join('.')}`).toEqual(want);
        if (want && want.length > 0) settings++;
        else others++;
      }
      // Both kinds were tried: numbers a link carries as settings, and numbers it cannot carry.
      expect(settings, id).toBeGreaterThan(0);
      expect(others, id).toBeGreaterThan(0);
    }
  });

  it('is null for a scenario of another shape or with another text, as the full check is', () => {
    const base = lesson('organ-address')!;
    const retitled = { ...structuredClone(base), title: 'Another title' };
    expect(settingsDiff(base, retitled)).toBeNull();
    expect(fullCheck(base, retitled)).toBeNull();
  });
});

describe('compareShape', () => {
  it('says whether two values are equal, differ in numbers only, or differ in shape', () => {
    expect(compareShape({ a: [1, 2], b: 'x' }, { a: [1, 2], b: 'x' })).toBe('equal');
    expect(compareShape({ a: [1, 2], b: 'x', u: undefined }, { b: 'x', a: [1, 2] })).toBe('equal');
    expect(compareShape({ a: [1, 2], b: 'x' }, { a: [1, 3], b: 'x' })).toBe('numbers');
    // NaN is not the same number as itself: the full check decides.
    expect(compareShape({ a: NaN }, { a: NaN })).toBe('numbers');
    expect(compareShape({ a: [1, 2] }, { a: [1, 2, 3] })).toBe('shape');
    expect(compareShape({ a: 'x', n: 1 }, { a: 'y', n: 2 })).toBe('shape');
    expect(compareShape({ a: 1 }, { b: 1 })).toBe('shape');
    expect(compareShape({ a: [] }, { a: {} })).toBe('shape');
    expect(compareShape({ a: true }, { a: 1 })).toBe('shape');
  });
});
