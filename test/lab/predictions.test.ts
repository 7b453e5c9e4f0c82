// Predictions in Node: the one parser refuses hostile or impossible lists with a plain message,
// they go through a run file and a share link unchanged, and they never change a run: a run file
// with predictions replays to the same state hashes as the one without.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createModel, step } from '../../sim/index';
import {
  decodeLink,
  encodeLink,
  makeRunFile,
  parsePredictions,
  parseRunFile,
  predictionsText,
  readPredictionsText,
  replay,
  runFileText,
  type Prediction,
} from '../../src/lab';
import { lesson } from '../../lessons/index';

const letters = lesson('letters')!;
const prompts = letters.lesson!.prompts;
const BASE = 'https://example.org/cellpost/';

/** Answers a learner could give in the letters lesson: a choice, a choice and a sketch, a sketch alone. */
const good: Prediction[] = [
  { prompt: 0, atHours: 0, choice: 'readersNear' },
  { prompt: 1, atHours: 2, choice: 'hardly' },
  { prompt: 2, atHours: 3.5, choice: 'nearOnly', sketch: { hours: [4, 4.5, 5, 5.5, 6], values: [0, 3, 7.5, 12, 14] } },
];

describe('parsePredictions', () => {
  it('reads a valid list and checks it against the lesson', () => {
    expect(parsePredictions(good, prompts)).toEqual({ ok: true, value: good });
    expect(parsePredictions([], prompts)).toEqual({ ok: true, value: [] });
    expect(parsePredictions([{ prompt: 2, atHours: 4, sketch: { hours: [4, 6], values: [1, 2] } }], prompts).ok).toBe(true);
  });

  const refused: [string, unknown, RegExp][] = [
    ['not a list', { prompt: 0 }, /must be a list/],
    ['too many', Array.from({ length: 7 }, (_, i) => ({ prompt: i, atHours: 0, choice: 'a' })), /at most 6/],
    ['a prototype key', [JSON.parse('{"prompt":0,"atHours":0,"choice":"most","__proto__":{"x":1}}')], /__proto__/],
    ['an unknown key', [{ prompt: 0, atHours: 0, choice: 'readersNear', note: 'hi' }], /prediction 1/],
    ['neither choice nor sketch', [{ prompt: 0, atHours: 0 }], /a choice, a sketch or both/],
    ['a negative prompt', [{ prompt: -1, atHours: 0, choice: 'readersNear' }], /prediction 1 \(prompt\)/],
    ['a fractional prompt', [{ prompt: 0.5, atHours: 0, choice: 'readersNear' }], /prompt/],
    ['NaN hours', [{ prompt: 0, atHours: NaN, choice: 'readersNear' }], /atHours/],
    ['infinite sketch value', [{ prompt: 2, atHours: 4, sketch: { hours: [4, 6], values: [1, Infinity] } }], /sketch/],
    ['a negative sketch value', [{ prompt: 2, atHours: 4, sketch: { hours: [4, 6], values: [1, -2] } }], /sketch/],
    ['sketch lists of two lengths', [{ prompt: 2, atHours: 4, sketch: { hours: [4, 5, 6], values: [1, 2] } }], /as many values as hours/],
    ['sketch hours going back', [{ prompt: 2, atHours: 4, sketch: { hours: [6, 4], values: [1, 2] } }], /must increase/],
    ['a script for a choice', [{ prompt: 0, atHours: 0, choice: '<img src=x onerror=alert(1)>' }], /choice id/],
    ['two answers to one prompt', [good[0], { ...good[0], choice: 'both' }], /two predictions/],
    ['a prompt the lesson lacks', [{ prompt: 5, atHours: 0, choice: 'x' }], /only 3 prompts/],
    ['a choice the prompt lacks', [{ prompt: 0, atHours: 0, choice: 'hardly' }], /not one of its choices \(readersNear, readersAll, both\)/],
    ['a sketch the prompt does not ask for', [{ prompt: 0, atHours: 0, sketch: { hours: [0, 2], values: [0, 1] } }], /asks for no sketch/],
    ['an answer given after the prompt', [{ prompt: 1, atHours: 2.5, choice: 'hardly' }], /after the prompt's own time/],
  ];
  for (const [what, raw, message] of refused)
    it(`refuses ${what} with a message`, () => {
      const r = parsePredictions(raw, prompts);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatch(message);
    });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = parsePredictions(x, prompts);
        return r.ok ? Array.isArray(r.value) : typeof r.problem === 'string' && r.problem.length > 0;
      }),
      { seed: 12, numRuns: 500 },
    );
  });
});

describe('the link parameter p', () => {
  it('writes readable text that reads back exactly', () => {
    const text = predictionsText(good);
    expect(text).toBe('0_0_readersNear*1_2_hardly*2_3.5_nearOnly_4-4.5-5-5.5-6_0-3-7.5-12-14');
    expect(readPredictionsText(text, prompts)).toEqual({ ok: true, value: good });
    expect(new URLSearchParams({ p: text }).toString()).toBe(`p=${text}`);
  });

  it('keeps sketch values to three significant digits and never writes an exponent', () => {
    const big = lesson('gut-messages')!;
    const p: Prediction = { prompt: 1, atHours: 6, sketch: { hours: [6, 8, 10], values: [123456789, 0.0000123456, 2e-9] } };
    const text = predictionsText([p]);
    expect(text).toBe('1_6__6-8-10_123000000-0.0000123-0');
    expect(readPredictionsText(text, big.lesson!.prompts)).toEqual({ ok: true, value: [{ prompt: 1, atHours: 6, sketch: { hours: [6, 8, 10], values: [123000000, 0.0000123, 0] } }] });
  });

  const hostile: [string, RegExp][] = [
    ['x'.repeat(1201), /at most 1,?200/],
    ['0_0_readersNear%00', /characters/],
    ['0_0_<b>', /characters/],
    ['0_0_readersNear*'.repeat(7).slice(0, -1), /at most 6/],
    ['0_0', /prompt_time_choice/],
    ['10_0_readersNear', /single digit/],
    ['0_1e5_readersNear', /not a number of hours/],
    ['0_0_9lives', /not a choice id/],
    ['2_4__4-6_1-', /two lists of numbers/],
    ['0_0___proto__', /prompt_time_choice/],
    ['0_0_readersNear*0_0_both', /two predictions/],
    ['1_0_nope', /not one of its choices/],
  ];
  for (const [text, message] of hostile)
    it(`refuses ${JSON.stringify(text.slice(0, 40))}`, () => {
      const r = readPredictionsText(text, prompts);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatch(message);
    });

  it('goes through a share link, and a hostile one is named among what the link could not use', async () => {
    const state = { lesson: 'letters', seed: '7', overrides: new Map(), events: null, check: null, hide: [], predictions: good };
    const enc = await encodeLink(state, new Map(), BASE);
    const d = await decodeLink(new URL(enc.url).search);
    expect(d.predictions).toEqual(good);
    expect(d.ignored).toEqual([]);
    const bad = await decodeLink('?lesson=letters&p=0_0_hardly');
    expect(bad.predictions).toEqual([]);
    expect(bad.ignored.join(' ')).toMatch(/^predictions "0_0_hardly": prediction for prompt 1: "hardly" is not one of its choices .*; the run opens without them$/);
    expect((await decodeLink('?p=0_0_readersNear')).ignored.join(' ')).toMatch(/names no lesson/);
  });

  it('stays in a link that is too long for its event log', async () => {
    const events = Array.from({ length: 400 }, (_, i) => ({ kind: 'set' as const, path: 'tissues.tissue.diffusion', value: 1 + i / 1000, tick: i }));
    const enc = await encodeLink({ lesson: 'letters', seed: '1', overrides: new Map(), events, check: null, hide: [], predictions: good }, new Map(), BASE, { limit: 300 });
    expect(enc.logDropped).toBe(true);
    expect((await decodeLink(new URL(enc.url).search)).predictions).toEqual(good);
  });
});

describe('predictions in a run file', () => {
  const m = createModel(letters, '3');
  step(m, 2 * 360);
  const plain = makeRunFile(m, []);
  const withPredictions = { ...plain, predictions: good };

  it('go through the file text unchanged', () => {
    const back = parseRunFile(runFileText(withPredictions));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.value.predictions).toEqual(good);
  });

  it('are refused with a path when they do not fit the lesson', () => {
    const r = parseRunFile({ ...plain, predictions: [{ prompt: 0, atHours: 0, choice: 'hardly' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: 'predictions', message: expect.stringMatching(/not one of its choices/) });
    const h = parseRunFile({ ...plain, predictions: [{ prompt: 0, atHours: 0, choice: 'readersNear', constructor: { prototype: {} } }] });
    expect(h.ok).toBe(false);
  });

  it('do not change the run: the same checkpoints and the same final hash', () => {
    const a = replay(plain);
    const parsed = parseRunFile(runFileText(withPredictions));
    if (!parsed.ok) throw new Error(parsed.problems[0].message);
    const b = replay(parsed.value);
    expect(a.ok && b.ok).toBe(true);
    expect(b.finalHash).toBe(a.finalHash);
    expect(parsed.value.checkpoints).toEqual(plain.checkpoints);
  });
});
