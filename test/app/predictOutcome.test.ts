// The words set beside an observed prediction: kind either way, naming what the lesson's test
// runs show and how this run's watched metric changed; and the value read at a sample time.
import { describe, expect, it } from 'vitest';
import { changeWords, committedWords, outcomeLines, valueAt } from '../../src/app/predict/outcome';
import { lesson } from '../../lessons/index';

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
});
