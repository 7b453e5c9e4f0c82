// Run files: parseRunFile never throws — random bytes, random JSON, truncated and mutated run
// files all give a clear list of problems with paths — and makeRunFile → text → parse → replay
// reproduces the recorded hashes, also with interventions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, schedule, stateHash, step } from '../../sim/index';
import { makeRunFile, parseRunFile, replay, runFileText, MAX_RUN_FILE_BYTES, RUN_VERSION, type RunFile } from '../../src/lab';
import { lesson } from '../../lessons/index';

function recorded(): { file: RunFile; finalHash: string } {
  const s = lesson('letters');
  if (!s) throw new Error('letters lesson missing');
  const m = createModel(s, '11');
  const checkpoints = [{ tick: 0, hash: stateHash(m) }];
  expect(schedule(m, { tick: 5, kind: 'set', path: 'tissues.tissue.diffusion', value: 3 })).toBeNull();
  expect(schedule(m, { tick: 12, kind: 'inject', vesicleType: 'letter', packets: 50, tissue: 'tissue' })).toBeNull();
  for (let k = 0; k < 3; k++) {
    step(m, 10);
    checkpoints.push({ tick: m.tick, hash: stateHash(m) });
  }
  expect(schedule(m, { tick: 100, kind: 'blockLabel', label: 'tag', fraction: 1 })).toBeNull();
  step(m, 4);
  return { file: makeRunFile(m, checkpoints, s), finalHash: stateHash(m) };
}

const { file: good, finalHash } = recorded();
const text = runFileText(good);

/** A parse result that failed with at least one problem, each a non-empty path and message. */
function expectProblems(r: ReturnType<typeof parseRunFile>): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems.length).toBeGreaterThan(0);
  for (const p of r.problems) {
    expect(typeof p.path).toBe('string');
    expect(p.path.length).toBeGreaterThan(0);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

describe('makeRunFile and replay', () => {
  it('records the events (applied and pending), the stop tick and a final checkpoint', () => {
    expect(good.events.map((e) => [e.tick, e.kind])).toEqual([[5, 'set'], [12, 'inject'], [100, 'blockLabel']]);
    expect(good.stopTick).toBe(34);
    expect(good.checkpoints.map((c) => c.tick)).toEqual([0, 10, 20, 30, 34]);
    expect(good.scenario.events).toEqual([]);
    expect(good.scenario.tissues.tissue.diffusion).toBe(0.5); // the scenario as created, not as changed by the set event
  });

  it('text → parse → replay reproduces every checkpoint and the final hash', () => {
    const parsed = parseRunFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const seen: number[] = [];
    const r = replay(parsed.value, (c) => seen.push(c.tick));
    expect(r.ok).toBe(true);
    expect(r.checked).toBe(5);
    expect(seen).toEqual([0, 10, 20, 30, 34]);
    expect(r.finalHash).toBe(finalHash);
    expect(r.model.log.map((e) => e.kind)).toEqual(['set', 'inject']);
  });

  it('replay reports the first checkpoint that differs, with tick, hours and both hashes', () => {
    const f = structuredClone(good);
    const actual = f.checkpoints[2].hash;
    f.checkpoints[2].hash = actual === '0000000000000000' ? '1111111111111111' : '0000000000000000';
    const r = replay(f, undefined, { stopAtMismatch: true });
    expect(r.ok).toBe(false);
    expect(r.firstMismatch).toEqual({ tick: 20, hours: (20 * 10) / 3600, expected: f.checkpoints[2].hash, actual });
    expect(r.tick).toBe(20);
  });

  it('a different seed is caught at the first checkpoint', () => {
    expect(replay({ ...good, seed: '12' }).firstMismatch?.tick).toBe(0);
  });

  it('events scheduled without a tick replay identically (the hash reads key-sorted JSON)', () => {
    const s = lesson('letters');
    if (!s) throw new Error('letters lesson missing');
    const m = createModel(s, '5');
    step(m, 7);
    expect(schedule(m, { kind: 'inject', vesicleType: 'letter', packets: 20, tissue: 'tissue' })).toBeNull();
    expect(schedule(m, { atHours: 0.05, kind: 'drug', cellType: 'sender', inhibition: 0.5 })).toBeNull();
    step(m, 20);
    const f = parseRunFile(runFileText(makeRunFile(m, [], s)));
    if (!f.ok) throw new Error(JSON.stringify(f.problems));
    // Reorder the keys of every recorded event: the hash must not care.
    f.value.events = f.value.events.map((e) => Object.fromEntries(Object.entries(e).reverse()) as typeof e);
    const r = replay(f.value);
    expect(r.firstMismatch).toBeUndefined();
    expect(r.finalHash).toBe(stateHash(m));
  });

  it('a set that would reshape a list is refused, and a run file carrying one replays without it', () => {
    const s = lesson('letters');
    if (!s) throw new Error('letters lesson missing');
    const m = createModel(s, '5');
    expect(schedule(m, { tick: 2, kind: 'set', path: 'cellTypes.reader.release', value: [{ vesicleType: 'letter', perHour: 600 }] })).toMatch(/unknown setting "cellTypes.reader.release": .*not a setting/);
    expect(schedule(m, { tick: 2, kind: 'set', path: 'cellTypes.sender.release.length', value: 50_000_000 })).toMatch(/entries are numbered 0 to 0/);
    expect(schedule(m, { tick: 4, kind: 'set', path: 'cellTypes.sender.release.0.perHour', value: 60 })).toBeNull();
    step(m, 20);
    const file = makeRunFile(m, [], s);
    expect(replay(file).finalHash).toBe(stateHash(m));
    // A hand-made file slips the hostile event in: replay skips it with a warning (and logs it).
    file.events.unshift({ tick: 1, kind: 'set', path: 'cellTypes.sender.release.length', value: 50_000_000 });
    const r = replay(file);
    expect(r.tick).toBe(m.tick);
    expect(r.model.scenario.cellTypes.sender.release).toHaveLength(1);
    expect(r.model.scenario.cellTypes.sender.release[0].perHour).toBe(60);
    expect(r.model.warnings.map((w) => w.message).join('\n')).toMatch(/event set skipped: unknown setting/);
  });

  it('makeRunFile records the starting scenario, not the one set events produced', () => {
    const s = lesson('letters');
    if (!s) throw new Error('letters lesson missing');
    const m = createModel(s, '1');
    schedule(m, { kind: 'set', path: 'tissues.tissue.diffusion', value: 2 });
    step(m, 1);
    const f = makeRunFile(m, []);
    expect(f.scenario.tissues.tissue.diffusion).toBe(0.5);
    expect(replay(f).finalHash).toBe(stateHash(m));
  });
});

describe('parseRunFile names the problem', () => {
  const cases: [string, unknown, RegExp][] = [
    ['an empty file', '', /empty/],
    ['truncated JSON', text.slice(0, text.length / 2), /ends too early/],
    ['a JSON array', '[]', /must be a JSON object/],
    ['a wrong format name', { ...good, format: 'cellpost-scenario' }, /not a Cellpost run file.*"cellpost-scenario".*expected "cellpost-run"/],
    ['a scenario file', good.scenario, /this is a scenario file, not a run file/],
    ['a newer version', { ...good, version: RUN_VERSION + 1 }, new RegExp(`version ${RUN_VERSION + 1} is newer.*version ${RUN_VERSION}`)],
    ['an older version', { ...good, version: 0 }, new RegExp(`version 0 is older.*version ${RUN_VERSION}`)],
    ['a text version', { ...good, version: '1' }, /whole number/],
    ['a negative stop tick', { ...good, stopTick: -3 }, /^stopTick: must be at least 0/],
    ['a seed of the wrong type', { ...good, seed: 7 }, /^seed: expected string, got number/],
    ['a bad hash', { ...good, checkpoints: [{ tick: 0, hash: 'xyz' }] }, /^checkpoints\.0\.hash: a state hash is 16/],
    ['a checkpoint after the end', { ...good, checkpoints: [{ tick: 999, hash: '0123456789abcdef' }] }, /^checkpoints\.0\.tick: .*after the run's end/],
    ['an unknown event kind', { ...good, events: [{ tick: 1, kind: 'explode' }] }, /^events\.0\.kind: unknown event kind; kinds: set, /],
    ['an out-of-range event value', { ...good, events: [{ tick: 1, kind: 'drug', cellType: 'sender', inhibition: 2 }] }, /^events\.0\.inhibition: must be at most 1/],
    ['an event without a tick', { ...good, events: [{ kind: 'drug', cellType: 'sender', inhibition: 0.5 }] }, /^events\.0\.tick: missing/],
    ['an out-of-range scenario value', { ...good, scenario: { ...good.scenario, bindingSpeed: 99 } }, /^scenario\.bindingSpeed: binding speed must be at most 10/],
    ['a missing field', { ...good, scenario: undefined }, /^scenario: missing/],
  ];
  it.each(cases)('%s', (_, input, message) => {
    const r = parseRunFile(input);
    expectProblems(r);
    if (!r.ok) expect(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(message);
  });

  it('refuses text over the size limit as too large without parsing it', () => {
    const r = parseRunFile(' '.repeat(MAX_RUN_FILE_BYTES + 1));
    expectProblems(r);
    if (!r.ok) expect(r.problems[0].message).toMatch(/too large.*limit is 50 MB/);
  });
});

describe('parseRunFile never throws (property tests)', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expectProblems(parseRunFile(Buffer.from(bytes).toString('utf8')));
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON values, as text and as parsed values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expectProblems(parseRunFile(v));
        expectProblems(parseRunFile(JSON.stringify(v) ?? ''));
      }),
      { numRuns: 300 },
    );
  });

  it('any JavaScript value', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(() => parseRunFile(v)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('a good run file cut at any point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.trimEnd().length - 1 }), (n) => {
        expectProblems(parseRunFile(text.slice(0, n)));
      }),
      { numRuns: 200 },
    );
  });

  it('a good run file with one value anywhere replaced by random JSON', () => {
    const paths: (string | number)[][] = [];
    const walk = (node: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
    };
    walk(good, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const f = structuredClone(good) as unknown as Record<string | number, unknown>;
        let node = f;
        for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
        node[path[path.length - 1]] = value;
        let r: ReturnType<typeof parseRunFile> | undefined;
        expect(() => (r = parseRunFile(JSON.stringify(f)))).not.toThrow();
        if (r && !r.ok) expectProblems(r);
      }),
      { numRuns: 400 },
    );
  });
});
