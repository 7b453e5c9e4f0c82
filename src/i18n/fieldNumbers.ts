// Numbers in the app's text fields (settings, the Lab, the builder, sweeps), one way everywhere:
// shown with the reader's decimal mark ("0,5" in bokmål, every digit, no grouping) and read back
// from either mark ("0,5" or "0.5"), never as NaN. Values in links, run files and scenarios keep
// the machine form (a point); only what a field shows and accepts follows the language. The
// reader's-language forms (`fieldNumber`, `readField`) are in i18n.ts, beside `num`.
import type { Lang } from './languages';

/** A number as a field shows it for editing: all its digits, with the language's decimal mark. */
export function fieldText(x: number, lang: Lang): string {
  const s = String(x);
  return lang === 'nb' ? s.replace('.', ',') : s;
}

const SPACES = /[\s\u00a0\u2009\u202f]/g;
/** One decimal mark (either), an optional exponent: "0,5", "0.5", ",5", "5.", "-2", "1e-3". */
const PLAIN = /^[+-]?(\d+[.,]?\d*|[.,]\d+)(e[+-]?\d+)?$/i;
/** English thousands with commas, with or without decimals: "1,000", "12,500.25". */
const EN_GROUPED = /^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/;
/** Grouping points with a decimal comma: "1.000,5", "12.500". */
const POINT_GROUPED_COMMA = /^[+-]?[1-9]\d{0,2}(\.\d{3})+,\d+$/;

/**
 * The number typed in a field, in either language's way, or undefined when the text is not one
 * number (empty, "abc", "1,2,3", "Infinity"). A comma or a point alone is the decimal mark
 * ("0,5" and "0.5" are a half in both languages), except that in English a comma before groups
 * of three digits separates thousands ("1,000"). Spaces between thousands and U+2212 minus are
 * accepted.
 */
export function readFieldText(text: string, lang: Lang): number | undefined {
  const s = text.replace(SPACES, '').replace(/\u2212/g, '-');
  let machine: string;
  if (lang === 'en' && EN_GROUPED.test(s)) machine = s.replace(/,/g, '');
  else if (POINT_GROUPED_COMMA.test(s)) machine = s.replace(/\./g, '').replace(',', '.');
  else if (PLAIN.test(s)) machine = s.replace(',', '.');
  else return undefined;
  const x = Number(machine);
  return Number.isFinite(x) ? x : undefined;
}
