// The message catalogues (src/i18n/catalogues/*.json): every key in one is in the other, each
// message is valid ICU MessageFormat with the same parameters in both languages, and the
// formatting follows each language's rules (plural forms; bokmål's "1,5" and "12 000").
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/catalogues/en.json';
import nb from '../../src/i18n/catalogues/nb.json';
import { formatMessage, messageParams } from '../../src/i18n/message';
import { formatNumber, NARROW_NBSP, parseNumber, decimalSeparator } from '../../src/i18n/numbers';
import { fromPreferences, parseLang } from '../../src/i18n/languages';
import { areaT, language, setLanguage, t } from '../../src/i18n/i18n';
import { AREAS } from '../../src/i18n/areas';
import { readFileSync } from 'node:fs';

const EN = en as Record<string, string>;
const NB = nb as Record<string, string>;

describe('message catalogues', () => {
  it('have the same keys in English and bokmål', () => {
    expect(Object.keys(NB).filter((k) => !(k in EN)), 'only in nb').toEqual([]);
    expect(Object.keys(EN).filter((k) => !(k in NB)), 'missing in nb').toEqual([]);
  });

  it('parse, and use the same parameters in both languages', () => {
    for (const k of Object.keys(EN)) {
      expect(EN[k].trim(), k).not.toBe('');
      expect(NB[k].trim(), k).not.toBe('');
      expect(messageParams(NB[k]), k).toEqual(messageParams(EN[k]));
    }
  });

  it('t() shows the current language and falls back to English, then to the key', async () => {
    expect(language()).toBe('en');
    expect(t('transport.play')).toBe('Play');
    await setLanguage('nb');
    expect(t('transport.play')).toBe('Spill av');
    expect(t('transport.pausedAt', { time: '2 t' })).toBe('Pause ved 2 t');
    expect(t('no.such.key' as never)).toBe('no.such.key');
    await setLanguage('en');
  });
});

describe('the catalogues of parts that load on demand (src/i18n/catalogues/areas)', () => {
  const read = (area: string, lang: string) => JSON.parse(readFileSync(new URL(`../../src/i18n/catalogues/areas/${area}.${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
  for (const area of AREAS) {
    it(`${area}: the same keys in both languages, each starting "${area}.", valid with the same parameters`, () => {
      const [e, n] = [read(area, 'en'), read(area, 'nb')];
      expect(Object.keys(n).filter((k) => !(k in e)), 'only in nb').toEqual([]);
      expect(Object.keys(e).filter((k) => !(k in n)), 'missing in nb').toEqual([]);
      expect(Object.keys(e).filter((k) => !k.startsWith(`${area}.`)), 'keys of another part').toEqual([]);
      expect(Object.keys(e).filter((k) => k in EN), 'keys also in the first-page catalogue').toEqual([]);
      for (const k of Object.keys(e)) {
        expect(e[k].trim(), k).not.toBe('');
        expect(n[k].trim(), k).not.toBe('');
        expect(messageParams(n[k]), k).toEqual(messageParams(e[k]));
      }
    });
  }

  it("a part's t() shows its own words in both languages", async () => {
    const tx = areaT({ 'teacher.testOnly': 'Hello {n, plural, one {# student} other {# students}}' });
    expect(tx('teacher.testOnly', { n: 2 })).toBe('Hello 2 students');
    await setLanguage('nb');
    expect(tx('teacher.testOnly', { n: 1 })).toBe('Hello 1 student'); // no bokmål for it: English
    await setLanguage('en');
  });
});

describe('plural rules and numbers through Intl', () => {
  const branch = EN['undo.branch'];
  it('picks the plural form of each language', () => {
    expect(formatMessage(branch, { at: '1 h', end: '2 h', dropped: 0 }, 'en')).toBe('Changed at 1 h: the later part of the run (to 2 h) was dropped.');
    expect(formatMessage(branch, { at: '1 h', end: '2 h', dropped: 1 }, 'en')).toContain('and 1 later event were dropped');
    expect(formatMessage(NB['undo.branch'], { at: '1 t', end: '2 t', dropped: 1 }, 'nb')).toContain('og 1 senere hendelse ble forkastet');
    expect(formatMessage(NB['undo.branch'], { at: '1 t', end: '2 t', dropped: 12000 }, 'nb')).toContain(`og 12${NARROW_NBSP}000 senere hendelser`);
  });

  it('writes bokmål numbers with a decimal comma and a narrow no-break space', () => {
    expect(formatNumber(1.5, 'nb')).toBe('1,5');
    expect(formatNumber(12000, 'nb')).toBe(`12${NARROW_NBSP}000`);
    expect(formatNumber(1234567.25, 'nb')).toBe(`1${NARROW_NBSP}234${NARROW_NBSP}567,25`);
    expect(formatNumber(12000.5, 'en')).toBe('12,000.5');
    expect(formatNumber(NaN, 'nb')).toBe('–');
    expect(decimalSeparator('nb')).toBe(',');
  });

  it('reads numbers back in either way of writing', () => {
    expect(parseNumber('1,5', 'nb')).toBe(1.5);
    expect(parseNumber(`12${NARROW_NBSP}000`, 'nb')).toBe(12000);
    expect(parseNumber('12 000', 'nb')).toBe(12000);
    expect(parseNumber('100,000', 'en')).toBe(100000);
    expect(parseNumber('abc', 'nb')).toBeNaN();
  });

  it('accepts only known language codes from a link or the browser', () => {
    expect(parseLang('nb')).toBe('nb');
    expect(parseLang(' NB ')).toBe('nb');
    expect(parseLang('no')).toBe('nb');
    expect(parseLang('de')).toBeNull();
    expect(parseLang('<script>')).toBeNull();
    expect(parseLang(null)).toBeNull();
    expect(fromPreferences(['de-DE', 'nb-NO'])).toBe('nb');
    expect(fromPreferences(['nn'])).toBe('nb');
    expect(fromPreferences(['fr'])).toBeNull();
  });
});
