// The run in words in bokmål (src/lab/i18n/describeNb.ts): bokmål plurals of the lessons' cell
// names, state words and numbers in the hourly sentence; English stays as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessons } from '../../lessons/index';
import { describeSample } from '../../src/lab/describe';
import { localize, type LessonOverlay } from '../../src/lab/i18n/overlay';
import { NB_DESCRIBE, nbPlural } from '../../src/lab/i18n/describeNb';

describe('the run in words, in bokmål', () => {
  it('puts the lessons’ cell names in the plural', () => {
    expect(nbPlural('lesercelle (har reseptoren)')).toBe('leserceller');
    expect(nbPlural('CD8 T-celle')).toBe('CD8 T-celler');
    expect(nbPlural('frisk celle')).toBe('friske celler');
    expect(nbPlural('makrofag')).toBe('makrofager');
    expect(nbPlural('monocytt')).toBe('monocytter');
    expect(nbPlural('tarmbakterier')).toBe('tarmbakterier');
    expect(nbPlural('Kupffer-celle (levermakrofag)')).toBe('Kupffer-celler');
  });

  it('says an hour of the letters lesson in bokmål, and the same hour in English as before', () => {
    const en = lessons().find((s) => s.id === 'letters')!;
    const nb = localize(en, JSON.parse(readFileSync('lessons/nb/letters.json', 'utf8')) as LessonOverlay, en);
    const series = { names: ['cells.reader', 'cells.reader.responding', 'cells.bystander', 'cells.bystander.responding'], t: [4, 5], values: [[120, 120], [22, 27], [120, 120], [0, 1200.4]] };
    expect(describeSample(nb, series, 1, 0, NB_DESCRIBE)).toBe('5 t: 27 av 120 leserceller reagerende (opp 5); 1\u202f200 av 120 tilskuerceller reagerende (opp 1\u202f200).');
    expect(describeSample(en, series, 1, 0)).toBe('5 h: 27 of 120 reader cells responding (up 5); 1,200 of 120 bystander cells responding (up 1,200).');
  });
});
