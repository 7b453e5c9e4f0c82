// The time of day of a notice ("11:49 PM", bokmål "23:49"), with one formatter per language made
// once: the first time formatting costs the page ~8 ms (30 ms on a slow laptop) for the browser's
// date tables, so a notice that arrives before it is made gets its time in a task of its own.
import type { Lang } from '../../i18n/languages';
import { localeOf } from '../../i18n/numbers';

const formatters = new Map<Lang, Intl.DateTimeFormat>();

/** Whether the formatter of `lang` is made (formatting with it is then cheap). */
export function clockReady(lang: Lang): boolean {
  return formatters.has(lang);
}

/** Hours and minutes of `at` in the reader's language; English keeps the browser's own clock (12 or 24 hours). */
export function clockTime(at: Date, lang: Lang): string {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? [] : localeOf(lang), { hour: '2-digit', minute: '2-digit' });
    formatters.set(lang, f);
  }
  return f.format(at);
}
