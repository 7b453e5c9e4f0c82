// The fields' number reader and writer: a half is "0,5" or "0.5" in both languages, English
// thousands with commas still read as thousands, text that is not one number gives undefined
// (never NaN), and what a field shows reads back to the same number in its language.
import { describe, expect, it } from 'vitest';
import { fieldText, readFieldText } from '../../src/i18n/fieldNumbers';

describe('numbers typed into fields', () => {
  it('reads a decimal comma and a decimal point in both languages', () => {
    for (const lang of ['en', 'nb'] as const) {
      expect(readFieldText('0,5', lang)).toBe(0.5);
      expect(readFieldText('0.5', lang)).toBe(0.5);
      expect(readFieldText(' 2,75 ', lang)).toBe(2.75);
      expect(readFieldText(',5', lang)).toBe(0.5);
      expect(readFieldText('5.', lang)).toBe(5);
      expect(readFieldText('-0,25', lang)).toBe(-0.25);
      expect(readFieldText('\u22120,25', lang)).toBe(-0.25);
      expect(readFieldText('+3', lang)).toBe(3);
      expect(readFieldText('1e-3', lang)).toBe(0.001);
      expect(readFieldText('1,5e2', lang)).toBe(150);
    }
  });

  it('reads thousands: spaces in both languages, English commas, points before a decimal comma', () => {
    expect(readFieldText('12 000', 'nb')).toBe(12000);
    expect(readFieldText('12\u202f000,5', 'nb')).toBe(12000.5);
    expect(readFieldText('12\u00a0000', 'en')).toBe(12000);
    expect(readFieldText('1,000', 'en')).toBe(1000);
    expect(readFieldText('12,500.25', 'en')).toBe(12500.25);
    expect(readFieldText('1.000,5', 'nb')).toBe(1000.5);
    expect(readFieldText('1.000,5', 'en')).toBe(1000.5);
    // In bokmål a comma is always the decimal mark.
    expect(readFieldText('1,000', 'nb')).toBe(1);
  });

  it('gives undefined, never NaN, for text that is not one number', () => {
    for (const lang of ['en', 'nb'] as const) {
      for (const bad of ['', '   ', 'abc', '12abc', '1,2,3', '1.2.3', '0,5.5', ',', '.', '-', 'NaN', 'Infinity', '1e999', '0x10', '1 2,3,4']) {
        expect(readFieldText(bad, lang), `${lang} ${JSON.stringify(bad)}`).toBeUndefined();
      }
    }
  });

  it('shows every digit with the language’s mark, and reads it back to the same number', () => {
    expect(fieldText(0.5, 'nb')).toBe('0,5');
    expect(fieldText(0.5, 'en')).toBe('0.5');
    expect(fieldText(12000, 'nb')).toBe('12000');
    expect(fieldText(-1.25, 'nb')).toBe('-1,25');
    expect(fieldText(1e-7, 'nb')).toBe('1e-7');
    for (const x of [0, 0.5, 0.1 + 0.2, 1 / 3, 12000, 1234.5678, -2.5, 1e-7, 2.5e21]) {
      for (const lang of ['en', 'nb'] as const) expect(readFieldText(fieldText(x, lang), lang)).toBe(x);
    }
  });
});
