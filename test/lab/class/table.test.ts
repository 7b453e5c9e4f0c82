// The class table (src/lab/class/table.ts): which runs count and which do not (with the reason),
// groups by lesson, settings and length, the 95 % t-interval checked against a hand computation,
// "too few" for one run, prediction spread per group, and the CSV (order, quoting, numbers).
import { describe, expect, it } from 'vitest';
import { classCsv, classTable, intervalWords, naturalCompare, type ClassEntry, type VerifyOutcome } from '../../../src/lab';
import { lesson } from '../../../lessons/index';

const scenario = lesson('letters')!;

function entry(name: string, seed: string, o: { settings?: string; hours?: number; lesson?: string; predictions?: { prompt: number; atHours: number; choice?: string }[] } = {}): ClassEntry {
  return {
    ok: true,
    name,
    kind: 'file',
    lesson: o.lesson ?? 'letters',
    lessonTitle: o.lesson ?? 'Letters with an address',
    settings: o.settings ?? '',
    seed,
    hours: o.hours ?? 1,
    signed: true,
    metric: 'cells.reader.responding',
    metricLabel: 'Readers responding',
    predictions: o.predictions ?? [],
    job: { scenario, seed, events: [], stopTick: 360, checkpoints: [], metric: 'cells.reader.responding' },
  };
}

const verified = (value: number, events = '[]', hash = 'aaaaaaaaaaaaaaaa'): VerifyOutcome => ({ ran: true, ok: true, checked: 2, finalHash: hash, value, unit: 'cells', eventsKey: events, warnings: [] });

describe('the class table', () => {
  it('computes the 95 % interval of the mean as by hand: 2, 4, 4, 5, 7', () => {
    // Mean 22/5 = 4.4; squares of deviations 5.76 + 0.16 + 0.16 + 0.36 + 6.76 = 13.2; s² = 13.2/4 = 3.3,
    // s = 1.8166; t(0.975, 4) = 2.7764 (tables); half-width 2.7764 × 1.8166 / √5 = 2.2556.
    const values = [2, 4, 4, 5, 7];
    const t = classTable(
      values.map((_, i) => entry(`${i}.json`, String(i))),
      values.map((v) => verified(v)),
    );
    expect(t.groups).toHaveLength(1);
    const i = t.groups[0].interval;
    expect(i.n).toBe(5);
    expect(i.mean).toBeCloseTo(4.4, 12);
    expect(i.sd).toBeCloseTo(Math.sqrt(3.3), 12);
    expect(i.t).toBeCloseTo(2.7764, 4);
    expect(i.half).toBeCloseTo(2.2556, 4);
    expect(i.lo).toBeCloseTo(2.1444, 4);
    expect(i.hi).toBeCloseTo(6.6556, 4);
    expect(intervalWords(i)).toBe('mean 4.4, 95 % interval 2.144 to 6.656 (n = 5)');
  });

  it('says when a group is too small for an interval', () => {
    const t = classTable([entry('a.json', '1')], [verified(3)]);
    expect(t.groups[0].interval).toMatchObject({ n: 1, mean: 3 });
    expect(Number.isNaN(t.groups[0].interval.half)).toBe(true);
    expect(intervalWords(t.groups[0].interval)).toBe('one run: 3 (too few for an interval: it needs at least 2 runs)');
  });

  it('lists invalid, tampered and duplicate runs with the reason, and counts the rest', () => {
    const entries: ClassEntry[] = [
      entry('a.json', '1'),
      { ok: false, name: 'b.json', kind: 'file', reason: 'not a valid run file: the file is empty' },
      entry('c.json', '2'),
      entry('a-again.json', '1'),
      entry('a-other-events.json', '1'),
      entry('d.json', '3'),
      entry('e.json', '4'),
    ];
    const outcomes: (VerifyOutcome | undefined)[] = [
      verified(1),
      undefined,
      { ...verified(NaN), ok: false, finalHash: '', mismatch: { tick: 0, hours: 0, expected: '0123456789abcdef', actual: 'fedcba9876543210' } },
      verified(1),
      verified(2, '[{"kind":"drug"}]'),
      { ran: false, problem: { key: 'class.verify.crashed', params: { error: 'out of memory' } }, ok: false, checked: 0, finalHash: '', value: NaN, unit: '', eventsKey: '', warnings: [] },
      verified(5),
    ];
    const t = classTable(entries, outcomes);
    expect(t.rejected).toEqual([
      { n: 2, name: 'b.json', kind: 'invalid', reason: 'not a valid run file: the file is empty' },
      { n: 3, name: 'c.json', kind: 'tampered', reason: 'its replay differs from the hash it carries at 0 h (step 0), expected 0123456789abcdef, replayed fedcba9876543210' },
      { n: 4, name: 'a-again.json', kind: 'duplicate', reason: 'the same lesson, settings, seed and events as run 1 (a.json)' },
      { n: 6, name: 'd.json', kind: 'invalid', reason: 'it cannot be replayed: out of memory' },
    ]);
    // The same seed with other events is another run: it counts.
    expect(t.rows.map((r) => r.name)).toEqual(['a.json', 'a-other-events.json', 'e.json']);
  });

  it('groups by lesson, settings and length, each with its own interval and predictions', () => {
    const entries = [
      entry('1', '1', { predictions: [{ prompt: 0, atHours: 0, choice: 'Only readers' }] }),
      entry('2', '2', { predictions: [{ prompt: 0, atHours: 0, choice: 'Everyone' }] }),
      entry('3', '3', { settings: 'tissues.tissue.diffusion=2' }),
      entry('4', '4', { hours: 6 }),
      entry('5', '5', { lesson: 'gut-messages' }),
      entry('6', '6', { predictions: [{ prompt: 0, atHours: 0, choice: 'Only readers' }] }),
    ];
    const t = classTable(entries, [1, 2, 3, 4, 5, 6].map((v) => verified(v)));
    expect(t.groups.map((g) => [g.lesson, g.settings, g.hours, g.interval.n, g.interval.mean])).toEqual([
      ['gut-messages', '', 1, 1, 5],
      ['letters', '', 1, 3, 3],
      ['letters', '', 6, 1, 4],
      ['letters', 'tissues.tissue.diffusion=2', 1, 1, 3],
    ]);
    expect(t.groups[1].predictions).toEqual([{ prompt: 0, runs: 3, choices: [{ choice: 'Only readers', count: 2 }, { choice: 'Everyone', count: 1 }], sketches: 0, sketchEnd: null }]);
  });

  it('writes the CSV in table order, quoting where needed, empty for a number that is not finite', () => {
    const csv = classCsv([
      { lesson: 'letters', settings: 'a=1; b=2', seed: '10', hours: 1, metric: 'm', value: 2.5, unit: 'cells', hash: 'h2' },
      { lesson: 'letters', settings: 'a=1; b=2', seed: '9', hours: 1, metric: 'm', value: NaN, unit: 'cells', hash: 'h1' },
      { lesson: 'letters', settings: '', seed: 'say "hi", friend', hours: 0.5, metric: 'm', value: 0, unit: 'cells', hash: 'h0' },
    ]);
    expect(csv).toBe('lesson,settings,seed,hours,metric,value,unit,hash\nletters,,"say ""hi"", friend",0.5,m,0,cells,h0\nletters,a=1; b=2,9,1,m,,cells,h1\nletters,a=1; b=2,10,1,m,2.5,cells,h2\n');
  });

  it('orders seeds naturally: 2 before 10, class seeds by their text', () => {
    expect(['10', '2', '1', 'b', 'a', '12-0f', '12-0a', '007', '7'].sort(naturalCompare)).toEqual(['1', '2', '7', '007', '10', '12-0a', '12-0f', 'a', 'b']);
  });
});
