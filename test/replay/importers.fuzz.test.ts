// The browser's importers under generated input (fast-check, fixed seeds): run files (random
// bytes, random JSON, a good file with any part replaced by a hostile value), links (random
// queries and settings, limits included) and ?bench=. Every case ends in a run the page can hold
// or one clear message: no exception, no stack trace, no "undefined" or "NaN" in the words, and
// within a bounded time. Also the cheap size checks that keep huge files off the main thread.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, listParameters, schedule, step } from '../../sim/index';
import { decodeLink, largerThan, makeRunFile, memoryProblem, runFileText, sameShape, settingsDiff, withOverrides } from '../../src/lab';
import { importRunBytes, importRunText } from '../../src/app/replay/importRun';
import { parseBench } from '../../src/app/url';
import { lesson, lessonIds } from '../../lessons/index';
import { cpuMark, cpuMsSince } from '../cpuTime';

const RUNS = Number(process.env.CELLPOST_FUZZ_RUNS ?? 300);

/** A good run file: letters, seed 4, an intervention and a setting, 30 steps. */
function goodRunFile(): Record<string, unknown> {
  const m = createModel({ ...lesson('letters')!, events: [] }, '4');
  step(m, 10);
  expect(schedule(m, { kind: 'blockLabel', label: 'tag', fraction: 1 })).toBeNull();
  expect(schedule(m, { kind: 'set', path: 'tissues.tissue.diffusion', value: 2 })).toBeNull();
  step(m, 20);
  return JSON.parse(runFileText(makeRunFile(m, [])));
}
const GOOD = goodRunFile();

/** Every path in a JSON value (objects and lists included), as key lists. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}
const GOOD_PATHS = paths(GOOD).filter((p) => p.length > 0);

function setPath(root: unknown, p: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < p.length - 1; i++) node = node[p[i]] as Record<string | number, unknown>;
  node[p[p.length - 1]] = value;
}

/** Values an attacker or a broken program might put anywhere. */
const hostile = fc.oneof(
  fc.constantFrom(-1, 0, 0.5, -0.0, 1e308, -1e308, 2 ** 53, 2 ** 31, 50_000_000, 20_000_000, 1e10, 'length', 'toString', 'constructor', '__proto__', 'prototype', '', null, true, false, [], {}, 'NaN', 'Infinity', '1e999', '<img src=x onerror=alert(1)>'),
  fc.double(),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.string({ maxLength: 30 }),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
);

/** One clear message: plain words, no program internals. */
function expectClear(message: string): void {
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(0);
  expect(message.length).toBeLessThan(4000);
  // What the user wrote may be quoted back ("NaN"); the words around it may not say undefined or NaN.
  const own = message.replace(/"[^"]*"|“[^”]*”/g, '""');
  expect(own).not.toMatch(/\bundefined\b|\bNaN\b|\n\s+at |internal error|Cannot read propert|is not a function/);
}

/** A run file's import ends in a run the page can hold, or a refusal in plain words, quickly. */
function expectImported(text: string): void {
  const t0 = cpuMark();
  const r = importRunText(text, 'f.run.json');
  expect(cpuMsSince(t0)).toBeLessThan(3000);
  if (!r.ok) {
    expectClear(r.message);
    for (const p of r.problems) expectClear(p);
    return;
  }
  expect(Number.isFinite(r.summary.hours) && r.summary.hours >= 0).toBe(true);
  expect(Number.isInteger(r.summary.steps) && r.summary.steps >= 0).toBe(true);
  expect(memoryProblem(r.file.scenario, 'browser', text.length)).toBeNull();
  for (const e of r.file.events) expect(Number.isInteger(e.tick) && e.tick >= 0).toBe(true);
}

describe('run files under generated input', () => {
  it('the good file imports', () => {
    const r = importRunText(JSON.stringify(GOOD));
    expect(r.ok).toBe(true);
  });

  it('random bytes and random JSON are refused in plain words', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const r = importRunBytes(bytes, 'f.run.json');
        if (!r.ok) expectClear(r.message);
      }),
      { numRuns: RUNS, seed: 1301 },
    );
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => expectImported(text)),
      { numRuns: RUNS, seed: 1302 },
    );
  });

  it('a good file with up to four parts replaced by hostile values: a run or one clear message', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 4 }), (changes) => {
        const f = structuredClone(GOOD);
        for (const [k, v] of changes) {
          const p = GOOD_PATHS[k % GOOD_PATHS.length];
          try {
            setPath(f, p, v);
          } catch {
            // An earlier change removed this part.
          }
        }
        expectImported(JSON.stringify(f));
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: RUNS, seed: 1303 },
    );
  });

  it('the issue’s worst numbers are refused with what is wrong', () => {
    const cases: [(f: Record<string, unknown>) => void, RegExp][] = [
      [(f) => ((f.scenario as { limits: { vesicleCapacity: number } }).limits.vesicleCapacity = 20_000_000), /Lower the vesicle capacity \(limits\.vesicleCapacity\) from 20,000,000/],
      [(f) => (f.stopTick = 1e10), /stopTick|simulated hours/],
      [(f) => (f.stopTick = -5), /stopTick/],
      [(f) => (f.seed = 7), /seed/],
    ];
    for (const [change, words] of cases) {
      const f = structuredClone(GOOD);
      change(f);
      const r = importRunText(JSON.stringify(f));
      expect(r.ok).toBe(false);
      if (!r.ok) expect([r.message, ...r.problems].join(' ')).toMatch(words);
    }
  });
});

describe('links under generated input', () => {
  const params = listParameters(lesson('letters')!).map((p) => p.path);
  const setting = fc.tuple(fc.oneof(fc.constantFrom(...params, 'limits.vesicleCapacity', 'limits.cellCapacity', 'cellTypes.sender.release.length', '__proto__.polluted', 'tissues.tissue.cells.0.type'), fc.string({ maxLength: 20 })), fc.oneof(fc.constantFrom('20000000', '1e308', '-5', 'abc', 'NaN', '', '0x10'), fc.double().map(String)));
  const query = fc
    .record({
      lesson: fc.oneof(fc.constantFrom(...lessonIds(), 'toString', '__proto__', ''), fc.string({ maxLength: 12 })),
      seed: fc.string({ maxLength: 120 }),
      sets: fc.array(setting, { maxLength: 6 }),
      ev: fc.option(fc.base64String({ maxLength: 200 })),
      bench: fc.option(fc.string({ maxLength: 15 })),
    })
    .map((r) => {
      const q = new URLSearchParams({ lesson: r.lesson, seed: r.seed });
      for (const [k, v] of r.sets) q.append(`set.${k}`, v);
      if (r.ev !== null) q.set('ev', r.ev);
      if (r.bench !== null) q.set('bench', r.bench);
      return `?${q.toString()}`;
    });

  it('every link gives a valid lesson setup; one too large for memory gets a message that says what to lower', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (search) => {
        const d = await decodeLink(search);
        for (const s of d.ignored) expectClear(s);
        const eff = withOverrides(lesson(d.lesson)!, d.overrides);
        expect('scenario' in eff).toBe(true);
        if (!('scenario' in eff)) return;
        const tooBig = memoryProblem(eff.scenario);
        if (tooBig) {
          expectClear(tooBig);
          expect(tooBig).toMatch(/^Lower the (vesicle|cell) capacity/);
        }
        const bench = new URLSearchParams(search).get('bench');
        if (bench !== null) {
          const b = parseBench(bench);
          expect(Number.isInteger(b.packets)).toBe(true);
          if (b.note) expectClear(b.note);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: RUNS, seed: 1304 },
    );
  });
});

describe('size checks that keep huge files off the main thread', () => {
  it('largerThan counts no further than its limit', () => {
    expect(largerThan({ a: [1, 2, 3] }, 5)).toBe(false);
    expect(largerThan({ a: [1, 2, 3, 4, 5] }, 5)).toBe(true);
    // A million numbers, each read counted: the list's length alone must answer.
    let reads = 0;
    const huge = new Proxy(Array.from({ length: 1_000_000 }, (_, i) => i), {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(largerThan(huge, 20_000)).toBe(true);
    expect(reads).toBe(0);
    for (const s of lessonIds()) expect(largerThan(lesson(s)!, 20_000), s).toBe(false);
  });

  it('sameShape: only numbers may differ', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        const v = JSON.parse(text);
        expect(sameShape(v, structuredClone(v))).toBe(true);
      }),
      { numRuns: RUNS, seed: 1305 },
    );
    expect(sameShape({ a: [1, 2], b: 'x' }, { a: [3, 4], b: 'x' })).toBe(true);
    expect(sameShape({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameShape({ a: 'x' }, { a: 'y' })).toBe(false);
    expect(sameShape({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameShape({ a: 1, u: undefined }, { a: 2 })).toBe(true);
  });

  it('settingsDiff of a lesson with 300,000 barriers is null at once (it listed 600,000 parameters for 26 s)', () => {
    const base = lesson('letters')!;
    const s = structuredClone(base);
    Object.values(s.tissues)[0].barriers = Array.from({ length: 300_000 }, (_, i) => ({ orientation: 'vertical' as const, position: (i % 800) + 0.5, permeability: 1 }));
    const t0 = cpuMark();
    expect(settingsDiff(base, s)).toBeNull();
    expect(cpuMsSince(t0)).toBeLessThan(500);
    // A lesson with settings changed is still told as settings.
    const eff = withOverrides(base, new Map([['tissues.tissue.diffusion', 2]]));
    if (!('scenario' in eff)) throw new Error(eff.problem);
    expect([...settingsDiff(base, eff.scenario)!]).toEqual([['tissues.tissue.diffusion', 2]]);
  });
});
