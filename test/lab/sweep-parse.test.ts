// Reading a sweep's description (src/lab/sweep/parse.ts): varied values and ranges, seeds, shards,
// run numbering and the sweep id, in-process and fast; messages name the value, never a flag.
import { describe, expect, it } from 'vitest';
import { countRuns, inShard, parseSeeds, parseShard, parseValueList, parseVary, runAt, sweepId } from '../../src/lab';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('sweep plan', () => {
  it('expands ranges without rounding noise and keeps single values', () => {
    expect(value(parseVary('a.b=0.1:0.3:0.1')).values).toEqual(['0.1', '0.2', '0.3']);
    expect(value(parseVary(' a.b =0,0.5:2:0.5,7')).values).toEqual(['0', '0.5', '1', '1.5', '2', '7']);
    expect(value(parseVary('a.b=1:2:0.3')).values).toEqual(['1', '1.3', '1.6', '1.9']);
    expect(value(parseVary('labels=[],["tag"]'))).toEqual({ path: 'labels', values: ['[]', '["tag"]'] });
    expect(parseVary('a=0:1e9:1e-9')).toMatchObject({ ok: false, message: expect.stringMatching(/at most 100,000 runs/) });
    expect(parseVary('a=1,1')).toMatchObject({ ok: false, message: expect.stringMatching(/listed twice/) });
  });

  it('reads seed lists and refuses backward ranges and repeats', () => {
    expect(value(parseSeeds('1-3,9, x'))).toEqual(['1', '2', '3', '9', 'x']);
    expect(parseSeeds('5-1')).toMatchObject({ ok: false, message: expect.stringMatching(/runs backwards; write 1-5/) });
    expect(parseSeeds('1-3,2')).toMatchObject({ ok: false, message: expect.stringMatching(/seed 2 twice/) });
    expect(parseSeeds('1,,2').ok).toBe(false);
  });

  it('reads shards i/n with 1 ≤ i ≤ n', () => {
    expect(value(parseShard('2/5'))).toEqual({ index: 2, count: 5 });
    for (const bad of ['3/2', '0/0', '0/3', '1', 'a/b', '-1/2']) expect(parseShard(bad).ok).toBe(false);
  });

  it('numbers runs with the first --vary slowest and the seed fastest', () => {
    expect([1, 2, 3, 4, 7, 12].map((r) => runAt(r, [2, 3], 2))).toEqual([
      { values: [0, 0], seed: 0 },
      { values: [0, 0], seed: 1 },
      { values: [0, 1], seed: 0 },
      { values: [0, 1], seed: 1 },
      { values: [1, 0], seed: 0 },
      { values: [1, 2], seed: 1 },
    ]);
    expect(countRuns([2, 3], 2)).toBe(12);
    expect(countRuns([1000, 1000], 1000)).toBeUndefined();
  });

  it('splits the runs into shards that cover each run exactly once', () => {
    for (const n of [1, 2, 3, 7, 50]) {
      const owners = Array.from({ length: 40 }, (_, r) => Array.from({ length: n }, (_, i) => inShard(r + 1, { index: i + 1, count: n })).filter(Boolean).length);
      expect(owners.every((k) => k === 1)).toBe(true);
    }
  });

  it('words problems without naming a command-line flag or form field (hosts add where the value came from)', () => {
    const messages = [parseVary('nonsense'), parseVary('a=1,,2'), parseVary('a=0:1:0'), parseVary('a=0:1e9:1e-9'), parseValueList('1,1'), parseSeeds('5-1'), parseSeeds('1-3,2'), parseSeeds(''), parseShard('x'), parseShard('3/2'), parseShard('0/0')].map((r) => (r.ok ? '' : r.message));
    for (const m of messages) {
      expect(m).not.toBe('');
      expect(m).not.toMatch(/--|cellpost/);
    }
    expect(messages[1]).toBe('a: an empty value in "1,,2"; separate values with single commas');
    expect(messages[5]).toBe('range 5-1 runs backwards; write 1-5');
    expect(messages[9]).toBe('3/2: i must be between 1 and 2');
  });

  it('gives a sweep id that ignores key order and changes with any part', () => {
    expect(sweepId({ a: 1, b: [1, 2] })).toBe(sweepId({ b: [1, 2], a: 1 }));
    expect(sweepId({ a: 1, b: [1, 2] })).not.toBe(sweepId({ a: 1, b: [2, 1] }));
    expect(sweepId({ a: 1 })).toMatch(/^[0-9a-f]{12}$/);
  });
});
