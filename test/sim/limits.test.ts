// Upper limits of every list in the scenario schema (sim/schema.ts LIST_LIMITS): a list at its
// limit is accepted, one past it is refused with "at most N …" at the list's path, and every
// built-in lesson stays well inside them. Missing entries read "missing", not "received undefined".
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/index';
import { LIST_LIMITS } from '../../sim/schema';
import { lesson, lessons } from '../../lessons/index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const base = (): Json => structuredClone(lesson('letters')!) as Json;
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, k) => `${prefix}${k}`);
const record = (n: number, prefix: string, value: (id: string) => unknown) => Object.fromEntries(ids(n, prefix).map((id) => [id, value(id)]));
const firstTissue = (s: Json) => s.tissues[Object.keys(s.tissues)[0]];
const firstCellType = (s: Json) => s.cellTypes[Object.keys(s.cellTypes)[0]];

/** Each list: how to fill it with n entries, and the path its problem is reported at. */
const LISTS: { name: keyof typeof LIST_LIMITS; fill: (s: Json, n: number) => void; path: RegExp }[] = [
  { name: 'signals', fill: (s, n) => (s.signals = { ...s.signals, ...record(n - Object.keys(s.signals).length, 'extra', (id) => ({ name: id })) }), path: /^signals$/ },
  { name: 'labels', fill: (s, n) => (s.labels = { ...s.labels, ...record(n - Object.keys(s.labels).length, 'extra', (id) => ({ name: id })) }), path: /^labels$/ },
  { name: 'receptors', fill: (s, n) => (s.receptors = { ...s.receptors, ...record(n - Object.keys(s.receptors).length, 'extra', (id) => ({ name: id })) }), path: /^receptors$/ },
  { name: 'barriers', fill: (s, n) => (firstTissue(s).barriers = ids(n, 'b').map(() => ({ orientation: 'vertical', position: 10, permeability: 1 }))), path: /^tissues\.\w+\.barriers$/ },
  { name: 'vessels', fill: (s, n) => (firstTissue(s).vessels = ids(n, 'v').map(() => ({ x: 0, y: 0, width: 10, height: 10 }))), path: /^tissues\.\w+\.vessels$/ },
  { name: 'placements', fill: (s, n) => (firstTissue(s).cells = ids(n, 'p').map(() => ({ type: Object.keys(s.cellTypes)[0], count: 0 }))), path: /^tissues\.\w+\.cells$/ },
  {
    name: 'transitions',
    fill: (s, n) => {
      const ct = firstCellType(s);
      ct.states = ['a', 'b'];
      ct.transitions = ids(n, 't').map(() => ({ from: 'a', to: 'b', ratePerHour: 1 }));
    },
    path: /^cellTypes\.\w+\.transitions$/,
  },
  { name: 'cellTypes', fill: (s, n) => (s.cellTypes = { ...s.cellTypes, ...record(n - Object.keys(s.cellTypes).length, 'extra', (id) => ({ name: id })) }), path: /^cellTypes$/ },
  { name: 'tissues', fill: (s, n) => (s.tissues = { ...s.tissues, ...record(n - Object.keys(s.tissues).length, 'extra', (id) => ({ name: id })) }), path: /^tissues$/ },
  { name: 'vesicleTypes', fill: (s, n) => (s.vesicleTypes = { ...s.vesicleTypes, ...record(n - Object.keys(s.vesicleTypes).length, 'extra', (id) => ({ name: id })) }), path: /^vesicleTypes$/ },
];

describe('list limits', () => {
  for (const l of LISTS) {
    it(`${l.name}: ${LIST_LIMITS[l.name]} are accepted, one more is refused at its path`, () => {
      const at = base();
      l.fill(at, LIST_LIMITS[l.name]);
      const ok = parseScenario(at);
      expect(ok.ok ? [] : ok.problems).toEqual([]);
      const over = base();
      l.fill(over, LIST_LIMITS[l.name] + 1);
      const r = parseScenario(over);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.some((p) => l.path.test(p.path) && p.message.startsWith(`at most ${LIST_LIMITS[l.name]} `)), JSON.stringify(r.problems)).toBe(true);
    });
  }

  it('a million signals are refused with one clear problem, not an engine out of memory', () => {
    const s = base();
    s.signals = record(1_000_000, 's', () => ({ name: 'x' }));
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toContain(`signals: at most ${LIST_LIMITS.signals} signals`);
  });

  it('every lesson uses at most a quarter of each limit', () => {
    for (const s of lessons()) {
      const counts: Record<string, number> = { signals: Object.keys(s.signals).length, labels: Object.keys(s.labels).length, cellTypes: Object.keys(s.cellTypes).length, tissues: Object.keys(s.tissues).length };
      for (const t of Object.values(s.tissues)) counts.placements = Math.max(counts.placements ?? 0, t.cells.length);
      for (const [k, n] of Object.entries(counts)) expect(n, `${s.id} ${k}`).toBeLessThanOrEqual(LIST_LIMITS[k as keyof typeof LIST_LIMITS] / 4);
    }
  });

  it('a missing entry reads "missing (expected string)", never "received undefined"', () => {
    const s = base();
    delete s.title;
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContainEqual({ path: 'title', message: 'missing (expected string)' });
      expect(JSON.stringify(r.problems)).not.toMatch(/received undefined/);
    }
  });
});
