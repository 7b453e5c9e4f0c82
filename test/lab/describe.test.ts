// The run description a screen reader speaks: golden sentences for the first 4 hours of two
// lessons (seed 1), and for every lesson sentences that are short and never say NaN/undefined.
import { describe, expect, it } from 'vitest';
import { createModel, step } from '../../sim/index';
import { lesson, lessonIds } from '../../lessons/index';
import { clockWords, describeHours, describeSample, MAX_WORDS, plainLevel, plainNumber, plural } from '../../src/lab/describe';

function hoursOf(id: string, hours: number): string[] {
  const s = lesson(id);
  if (!s) throw new Error(`lesson ${id} missing`);
  const m = createModel(s, '1');
  step(m, Math.round((hours * 3600) / m.dt));
  return describeHours(s, m.series);
}

describe('run description', () => {
  it('letters, seed 1, first 4 hours (golden text)', () => {
    expect(hoursOf('letters', 4)).toEqual(GOLDEN_LETTERS);
  });

  it('immune-suppression, seed 1, first 4 hours (golden text)', () => {
    expect(hoursOf('immune-suppression', 4)).toEqual(GOLDEN_IMMUNE);
  });

  it.each(lessonIds())('%s: sentences are short and never say NaN or undefined', (id) => {
    const s = lesson(id);
    if (!s) throw new Error(id);
    const m = createModel(s, '1');
    step(m, Math.round((2 * 3600) / m.dt));
    const lines = describeHours(s, m.series);
    expect(lines.length).toBe(2);
    for (const l of lines) {
      expect(l.split(/\s+/).length).toBeLessThanOrEqual(MAX_WORDS);
      expect(l).not.toMatch(/NaN|undefined|Infinity|null/);
      expect(l).toMatch(/^\d+ h: .+\.$/);
    }
  });

  it('bad input gives a plain sentence, not NaN', () => {
    const s = { cellTypes: { a: { name: 'a cell', states: ['rest', 'on'] } }, vesicleTypes: {} };
    const series = { names: ['cells.a', 'cells.a.on'], t: [NaN], values: [[NaN], [Infinity]] };
    expect(describeSample(s, series, 0)).toBe('0 min: no change.');
    expect(describeSample(s, { names: [], t: [], values: [] }, 3)).toBe('0 min: no change.');
  });

  it('a lesson with an assay says the blood level against its detection limit, and when it crosses', () => {
    const s = { cellTypes: {}, vesicleTypes: { tEV: { name: 'tumour vesicles' } }, lesson: { detectionLimitPerMl: 50_000 } };
    const series = { names: ['blood.perMl.tEV'], t: [0, 1, 2], values: [[0, 18_333, 61_000]] };
    expect(describeHours(s, series)).toEqual([
      '1 h: tumour vesicles in blood 18,000 per mL, below the detection limit of 50,000.',
      '2 h: tumour vesicles in blood 61,000 per mL, at or above the detection limit of 50,000.',
    ]);
  });

  it('words and numbers', () => {
    expect(plural('reader cell (has the receptor)')).toBe('reader cells');
    expect(plural('NK cells')).toBe('NK cells');
    expect(plainNumber(12345.6)).toBe('12,346');
    expect(plainNumber(0.01234)).toBe('0.012');
    expect(plainNumber(NaN)).toBe('unknown');
    expect(plainLevel(18333.3)).toBe('18,000');
    expect(plainLevel(Infinity)).toBe('unknown');
    expect(clockWords(1.5)).toBe('1 h 30 min');
    expect(clockWords(0.25)).toBe('15 min');
  });
});

const GOLDEN_LETTERS = [
  '1 h: 1 of 120 reader cells responding (up 1); no bystander cells responding.',
  '2 h: 6 of 120 reader cells responding (up 5); no bystander cells responding.',
  '3 h: 15 of 120 reader cells responding (up 9); no bystander cells responding.',
  '4 h: 22 of 120 reader cells responding (up 7); 1 of 120 bystander cells responding (up 1).',
];
const GOLDEN_IMMUNE = [
  '1 h: no CD8 T cells suppressed; no NK cells suppressed.',
  '2 h: 59 tumour cells (down 1); no CD8 T cells suppressed; no NK cells suppressed.',
  '3 h: 57 tumour cells (down 2); no CD8 T cells suppressed; no NK cells suppressed.',
  '4 h: 1 of 80 CD8 T cells suppressed (up 1); no NK cells suppressed.',
];
