// The languages Cellpost speaks, and how a language named in a link, in storage or by the browser
// is checked: anything but a known code is refused (the app then keeps English).
export const LANGUAGES = ['en', 'nb'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'en';

/** Each language's name in itself, as the picker shows it. */
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', nb: 'Norsk (bokmål)' };

/** A known language code from text ("nb", "NB", " nb "), or null. "no" (Norwegian) means bokmål. */
export function parseLang(value: string | null | undefined): Lang | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v === 'no') return 'nb';
  return (LANGUAGES as readonly string[]).includes(v) ? (v as Lang) : null;
}

/** The first of the browser's preferred languages Cellpost speaks ("nb-NO", "nn" and "no" give bokmål). */
export function fromPreferences(prefs: readonly string[]): Lang | null {
  for (const p of prefs) {
    const base = p.toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
    if (base === 'en') return 'en';
  }
  return null;
}
