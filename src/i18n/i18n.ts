// The app's language: `t(key, params)` looks a message up in the current language's catalogue
// (English is bundled; other catalogues load on demand with setLanguage) and formats it. A key
// missing from a catalogue falls back to English, and a key missing there shows as the key.
// Parts of the app that load on demand bring their own English (areaT; src/i18n/areas.ts).
import en from './catalogues/en.json';
import { AREAS, NB_AREAS } from './areas';
import type { Catalogue } from './catalogue';
import { DEFAULT_LANG, type Lang } from './languages';
import { formatMessage, type Params } from './message';
import { formatNumber } from './numbers';
import { fieldText, readFieldText } from './fieldNumbers';
import { NB_STATES } from './states';

export type { Catalogue };
export type MessageKey = keyof typeof en;

/** Loaders for catalogues that are not bundled: the language's first-page words and each part's, each its own chunk. */
const LOADERS: Record<Exclude<Lang, 'en'>, () => Promise<Catalogue>> = {
  nb: async () => {
    const parts = await Promise.all([import('./catalogues/nb.json'), ...AREAS.map((a) => NB_AREAS[a]())]);
    return Object.assign({}, ...parts.map((p) => p.default)) as Catalogue;
  },
};

/** English: the first page's words, plus each part's as its code arrives (areaT). */
const english: Catalogue = { ...(en as Catalogue) };
const catalogues = new Map<Lang, Catalogue>([['en', english]]);
let current: Lang = DEFAULT_LANG;
const listeners = new Set<(lang: Lang) => void>();

/** The language messages are shown in now. */
export function language(): Lang {
  return current;
}

/** Loads a language's catalogue (once) and makes it current. */
export async function setLanguage(lang: Lang): Promise<void> {
  if (!catalogues.has(lang)) {
    const load = LOADERS[lang as Exclude<Lang, 'en'>];
    catalogues.set(lang, await load());
  }
  current = lang;
  for (const f of listeners) f(lang);
}

/** Calls `f` after each change of language. */
export function onLanguage(f: (lang: Lang) => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The message for a key in the current language, with its parameters filled in. */
export function t(key: MessageKey, params: Params = {}): string {
  const src = catalogues.get(current)?.[key] ?? english[key];
  if (src === undefined) return key;
  const lang = catalogues.get(current)?.[key] !== undefined ? current : 'en';
  return formatMessage(src, params, lang);
}

/**
 * The t() of a part of the app that loads on demand: adds the part's English catalogue (imported
 * by the part's own code, so it arrives with it) and returns a t() typed to the part's keys.
 *   const t = areaT(builderEn);  t('builder.addKind')
 */
export function areaT<C extends Catalogue>(areaEnglish: C): (key: keyof C & string, params?: Params) => string {
  Object.assign(english, areaEnglish);
  return (key, params) => t(key as MessageKey, params);
}

/** A number in the current language ("1,5" and "12 000" in bokmål). */
/** A number as a field shows it for editing, in the reader's language ("0,5" in bokmål; fieldNumbers.ts). */
export const fieldNumber = (x: number): string => fieldText(x, language());

/** The number typed in a field, with either decimal mark; undefined when it is not one number (fieldNumbers.ts). */
export const readField = (text: string): number | undefined => readFieldText(text, language());

export function num(x: number, opts?: Intl.NumberFormatOptions): string {
  return formatNumber(x, current, opts);
}

/** A loaded catalogue (for tests and tools). */
export function catalogue(lang: Lang): Catalogue | undefined {
  return catalogues.get(lang);
}

/** A cell role's id as the stage's key names it, in the current language ("nk" → "NK cell", "NK-celle"). */
export function roleWord(role: string): string {
  return t(`legend.role.${role}` as MessageKey);
}

/** A cell state's id as a word in the current language ("resting" → "hvilende"). */
export function stateWord(id: string): string {
  return current === 'nb' && Object.hasOwn(NB_STATES, id) ? NB_STATES[id] : id;
}
