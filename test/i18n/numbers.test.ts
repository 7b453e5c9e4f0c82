// formatNumber's short way (the formatter's whole text, parts only where bokmål may need its narrow
// group space) must write exactly what the part-by-part way writes, for both languages and the
// options the app uses; and plural categories must not change with the cached rules.
import { describe, expect, it } from 'vitest';
import { formatNumber, NARROW_NBSP, pluralCategory } from '../../src/i18n/numbers';
import type { Lang } from '../../src/i18n/languages';

const LOCALE: Record<Lang, string> = { en: 'en-GB', nb: 'nb-NO' };
/** The part-by-part way: every group separator of bokmål a narrow no-break space. */
const byParts = (x: number, lang: Lang, opts: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat(LOCALE[lang], opts)
    .formatToParts(x)
    .map((p) => (p.type === 'group' && lang === 'nb' ? NARROW_NBSP : p.value))
    .join('');

const VALUES = [0, 1, -1, 0.5, 1.25, 999, 1000, 12_000.5, -45_678.9, 1_234_567, 3.2e9, 1e-7, 0.0042];
const OPTIONS: Intl.NumberFormatOptions[] = [{}, { maximumFractionDigits: 1 }, { maximumSignificantDigits: 3 }, { style: 'percent' }, { notation: 'compact' }, { minimumFractionDigits: 2 }];

describe('formatNumber', () => {
  for (const lang of ['en', 'nb'] as Lang[]) {
    it(`writes what the part-by-part way writes (${lang})`, () => {
      for (const opts of OPTIONS) for (const x of VALUES) expect(formatNumber(x, lang, opts), `${x} ${JSON.stringify(opts)}`).toBe(byParts(x, lang, opts));
    });
  }
  it('writes bokmål thousands with a narrow no-break space and no plain one', () => {
    expect(formatNumber(12_000.5, 'nb')).toBe(`12${NARROW_NBSP}000,5`);
    expect(formatNumber(12_000.5, 'en')).toBe('12,000.5');
  });
  it('writes a dash for what is not a finite number', () => {
    expect(formatNumber(NaN, 'en')).toBe('–');
    expect(formatNumber(Infinity, 'nb')).toBe('–');
  });
});

describe('pluralCategory', () => {
  it('gives the language rules’ categories', () => {
    for (const lang of ['en', 'nb'] as Lang[]) for (const n of [0, 1, 2, 5, 1.5, 21]) expect(pluralCategory(n, lang)).toBe(new Intl.PluralRules(LOCALE[lang]).select(n));
    expect(pluralCategory(1, 'en')).toBe('one');
    expect(pluralCategory(2, 'nb')).toBe('other');
  });
});
