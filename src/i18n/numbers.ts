// Numbers and units in the reader's language, through Intl: English "12,000.5", bokmål
// "12 000,5" with a narrow no-break space (U+202F) between thousands. Intl in Node and Chromium
// gives a plain no-break space (U+00A0) for nb; the group separator is replaced here so every
// host writes the same text.
import type { Lang } from './languages';

export const NARROW_NBSP = '\u202f';
const LOCALE: Record<Lang, string> = { en: 'en-GB', nb: 'nb-NO' };
const cache = new Map<string, Intl.NumberFormat>();
/** One set of plural rules per language (making one costs far more than using it). */
const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The Intl locale of a language (its dates and times too). */
export const localeOf = (lang: Lang): string => LOCALE[lang];

function formatter(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], opts);
    cache.set(key, f);
  }
  return f;
}

/** A number as people of this language write it; NaN and infinities as a dash. */
export function formatNumber(x: number, lang: Lang, opts: Intl.NumberFormatOptions = {}): string {
  if (!Number.isFinite(x)) return '–';
  const f = formatter(lang, opts);
  const text = f.format(x);
  // Only bokmål's group separator is rewritten, and only a text with a space (plain or no-break)
  // can hold one: the rest is the formatter's own text (splitting it into parts costs ~50× more).
  if (lang !== 'nb' || !/[ \u00a0]/.test(text)) return text;
  return f
    .formatToParts(x)
    .map((p) => (p.type === 'group' ? NARROW_NBSP : p.value))
    .join('');
}

/** The decimal separator of a language ("." or ","). */
export function decimalSeparator(lang: Lang): string {
  return formatter(lang, {}).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/**
 * The number a text writes, in either language's way: "12,000.5" (en), "12 000,5" (nb, any
 * space), "1,5" (nb). NaN when it is not one number.
 */
export function parseNumber(text: string, lang: Lang): number {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (lang === 'nb') t = t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** The plural category of a count in a language ("one", "other"). */
export function pluralCategory(n: number, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALE[lang]);
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}
