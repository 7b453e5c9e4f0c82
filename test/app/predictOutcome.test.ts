// The words set beside an observed prediction: kind either way, naming what the lesson's test
// runs show and how this run's watched metric changed, with a peak or a low the two ends hide; and
// the value read at a sample time, and a window's highest and lowest values.
import { describe, expect, it } from 'vitest';
import { changeWords, committedWords, extremesIn, outcomeLines, turnWords, valueAt } from '../../src/app/predict/outcome';
import { lesson } from '../../lessons/index';
import { formatNumber } from '../../viz/format';

const prompt = lesson('block-release')!.lesson!.prompts[0];
const seen = { from: 40, to: 52, fromHours: 0, toHours: 12 };

describe('outcome words', () => {
  it('say how a value changed, and call a small change the same', () => {
    expect(changeWords(120, 40)).toBe('fell from 120 to 40');
    expect(changeWords(40, 52)).toBe('rose from 40 to 52');
    expect(changeWords(100, 103)).toBe('stayed at about 103');
    expect(changeWords(0, 0)).toBe('stayed at about 0');
    expect(changeWords(NaN, 3)).toBe('could not be read');
  });

  it('name a peak or a low the two ends hide, and nothing smaller than a quarter of the largest value', () => {
    const at = (value: number, hours: number) => ({ value, hours });
    expect(turnWords(0, 0, at(5e6, 4.5), at(0, 0))).toBe(`with a peak of ${formatNumber(5e6)} at 4 h 30 min`);
    expect(turnWords(40, 35, at(41, 1), at(12, 6))).toBe('with a low of 12 at 6 h');
    // A low of 31 on the way from 40 to 35 departs by 4 of 40: not named.
    expect(turnWords(40, 35, at(40, 0), at(31, 6))).toBe('');
    // A steady rise: the peak is the end.
    expect(turnWords(0, 100, at(100, 12), at(0, 0))).toBe('');
    // Both departures: the larger one is named.
    expect(turnWords(50, 50, at(90, 2), at(0, 5))).toBe('with a low of 0 at 5 h');
    expect(turnWords(0, 0, at(0, 0), at(0, 0))).toBe('');
    expect(turnWords(NaN, 0, at(9, 1), at(0, 0))).toBe('');
    expect(turnWords(0, 0)).toBe('');
  });

  it('put the peak after the window in this run’s line', () => {
    const spike = { from: 0, to: 0, fromHours: 0, toHours: 6, high: { value: 5e6, hours: 4.5 }, low: { value: 0, hours: 0 } };
    expect(outcomeLines(prompt, undefined, spike)[1]).toBe(`This run: tumour cells stayed at about 0 between 0 min and 6 h, with a peak of ${formatNumber(5e6)} at 4 h 30 min.`);
    expect(outcomeLines(prompt, undefined, { ...seen, high: { value: 52, hours: 12 }, low: { value: 40, hours: 0 } })[1]).toBe('This run: tumour cells rose from 40 to 52 between 0 min and 12 h.');
  });

  it('agree kindly, or name the surprise and point to the explanation', () => {
    expect(outcomeLines(prompt, { prompt: 0, atHours: 0, choice: 'grow' }, seen)).toEqual([
      'You predicted: Grow. The lesson’s test runs agree. Well reasoned!',
      'This run: tumour cells rose from 40 to 52 between 0 min and 12 h.',
    ]);
    const other = outcomeLines(prompt, { prompt: 0, atHours: 0, choice: 'shrink', sketch: { hours: [0, 12], values: [40, 30] } }, seen);
    expect(other[0]).toBe('You predicted: Shrink. The lesson’s test runs show: Grow. A surprise is a good moment to read the explanation.');
    expect(other[2]).toBe('Your sketch ended at 30; the run ended at 52.');
    expect(outcomeLines(prompt, undefined, null)).toEqual(['You did not commit an answer. The lesson’s test runs show: Grow.']);
  });

  it('announce a committed answer', () => {
    expect(committedWords(prompt, { prompt: 0, atHours: 0, choice: 'grow', sketch: { hours: [0, 12], values: [40, 60] } }, 'tumour cells')).toBe(
      'Your prediction is saved: Grow, and a sketch of tumour cells ending at 60. You can change it until the run goes on.',
    );
  });

  it('read the sample nearest a time, and nothing far from any sample', () => {
    expect(valueAt([0, 1, 2], [5, 6, 7], 1.1)).toBe(6);
    expect(valueAt([0, 1, 2], [5, 6, 7], 9)).toBeNaN();
    expect(valueAt([], [], 0)).toBeNaN();
  });

  it('find the highest and lowest finite values inside a window, with their times', () => {
    const t = [0, 1, 2, 3, 4, 5];
    expect(extremesIn(t, [3, 9, NaN, -2, 7, 100], 1, 4)).toEqual({ high: { value: 9, hours: 1 }, low: { value: -2, hours: 3 } });
    expect(extremesIn(t, [3, 9, 1, -2, 7, 100], 6, 9)).toBeNull();
    expect(extremesIn([], [], 0, 1)).toBeNull();
  });
});
