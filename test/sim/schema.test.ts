// The scenario schema: every built-in lesson validates; malformed scenarios (property tests
// with fast-check) always give a clear problem list with paths, never an exception; a
// scenario that passes runs without NaN.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, createModel, step, measure, listParameters, parameterAt } from '../../sim/index';
import { lessons, LESSON_FILES } from '../../lessons/index';

function mutate(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (let k = 0; k < path.length - 1; k++) {
    const next = node[path[k] as string];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
  return copy;
}

/** Every path into a JSON value (objects and arrays). */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  for (const [k, x] of Object.entries(v as object)) out.push(...paths(x, [...prefix, Array.isArray(v) ? Number(k) : k]));
  return out;
}

describe('scenario schema', () => {
  it('every built-in lesson is valid', () => {
    expect(lessons().length).toBe(LESSON_FILES.length);
  });

  it('rejects non-objects with a clear message', () => {
    for (const bad of [null, 3, 'x', [], true]) {
      const r = parseScenario(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0].message).toMatch(/JSON object/);
    }
  });

  it('names the path and range of an out-of-range value', () => {
    const raw = mutate(LESSON_FILES[0], ['tissues', 'tissue', 'diffusion'], 900);
    const r = parseScenario(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0].path).toBe('tissues.tissue.diffusion');
      expect(r.problems[0].message).toMatch(/at most 50/);
    }
  });

  it('names unknown references', () => {
    const raw = mutate(LESSON_FILES[0], ['tissues', 'tissue', 'cells', 0, 'type'], 'ghost');
    const r = parseScenario(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join(' ')).toMatch(/unknown cell type "ghost"/);
  });

  it('random mutations give a clear problem list or a runnable scenario, never an exception', () => {
    const base = LESSON_FILES[0];
    const all = paths(base);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (k, value) => {
        const raw = mutate(base, all[k], value);
        const r = parseScenario(raw);
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(typeof p.path).toBe('string');
            expect(p.message.length).toBeGreaterThan(3);
          }
          return;
        }
        const m = createModel(r.value, '1');
        step(m, 3);
        for (const [name, x] of Object.entries(measure(m))) expect(Number.isFinite(x), name).toBe(true);
      }),
      { numRuns: 150, seed: 20261127 },
    );
  });

  it('random bytes and random JSON never throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        const r = parseScenario(v);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('lists every adjustable number with unit, range and help', () => {
    const s = lessons()[0];
    const params = listParameters(s);
    expect(params.length).toBeGreaterThan(20);
    for (const p of params) {
      expect(p.value).toBeGreaterThanOrEqual(p.min);
      expect(p.value).toBeLessThanOrEqual(p.max);
      expect(p.help.length).toBeGreaterThan(3);
    }
    const d = parameterAt(s, 'tissues.tissue.diffusion');
    expect(d?.unit).toBe('µm²/s');
    expect(d?.max).toBe(50);
    expect(parameterAt(s, 'cellTypes.sender.release.0.perHour')?.unit).toBe('EV/h per cell');
  });
});
