// Predictions as runs carry them (src/lab/class/predictions.ts): read tolerantly — anything
// malformed is skipped, never thrown — and their spread over a group: answers counted per
// prompt (the last committed per run), sketches by the range of their end values.
import { describe, expect, it } from 'vitest';
import { predictionsFromLink, predictionsFromRunJson, predictionSpread } from '../../../src/lab';
import { lesson } from '../../../lessons';

const prompts = lesson('letters')?.lesson?.prompts ?? [];

describe('predictions', () => {
  it('reads the shape runs carry and skips what does not fit it', () => {
    const json = {
      predictions: [
        { prompt: 0, atHours: 0, choice: 'Only readers' },
        { prompt: 1, atHours: 2, sketch: { hours: [0, 1, 2], values: [0, 5, 9] } },
        { prompt: -1, choice: 'x' },
        { prompt: 2.5, choice: 'x' },
        { prompt: 2, atHours: 4 },
        'text',
        null,
        { prompt: 2, sketch: { hours: [0, 'a'], values: [1, 2] } },
      ],
    };
    expect(predictionsFromRunJson(json)).toEqual([
      { prompt: 0, atHours: 0, choice: 'Only readers' },
      { prompt: 1, atHours: 2, sketch: { hours: [0, 1, 2], values: [0, 5, 9] } },
      { prompt: 2, atHours: NaN, sketch: { hours: [0], values: [1] } },
    ]);
    for (const bad of [null, [], 'x', {}, { predictions: 'no' }, { predictions: {} }]) expect(predictionsFromRunJson(bad)).toEqual([]);
    expect(predictionsFromLink('?lesson=letters', prompts)).toEqual([]);
    const choice = prompts[0].choices![0].id;
    expect(predictionsFromLink(`?lesson=letters&p=0_0_${choice}`, prompts)).toEqual([{ prompt: 0, atHours: 0, choice }]);
    expect(predictionsFromLink('?lesson=letters&p=0_0_notAChoice', prompts)).toEqual([]);
    expect(predictionsFromLink('?lesson=letters&p=%3Cscript%3E', prompts)).toEqual([]);
  });

  it('counts answers per prompt and gives the range of sketched end values', () => {
    const spread = predictionSpread([
      [{ prompt: 0, atHours: 0, choice: 'A' }, { prompt: 0, atHours: 0, choice: 'B' }],
      [{ prompt: 0, atHours: 0, choice: 'B' }, { prompt: 1, atHours: 2, sketch: { hours: [0, 2], values: [0, 4] } }],
      [{ prompt: 1, atHours: 2, sketch: { hours: [0, 2], values: [0, 10] } }],
      [],
    ]);
    expect(spread).toEqual([
      { prompt: 0, runs: 2, choices: [{ choice: 'B', count: 2 }], sketches: 0, sketchEnd: null },
      { prompt: 1, runs: 2, choices: [], sketches: 2, sketchEnd: { lo: 4, hi: 10 } },
    ]);
  });
});
