// The page's language at start: from the link (?lang=nb, validated), else the one the reader
// chose before (remembered in this browser), else the browser's preference, else English. Loads
// its catalogue and lesson texts, sets <html lang>, the way numbers are written in drawings, and
// the page's own words (index.html's elements marked data-i18n / data-i18n-label).
import { lessonIdList } from '../../lessons/library';
import { language, setLanguage, t, type MessageKey } from '../i18n/i18n';
import { DEFAULT_LANG, LANGUAGE_NAMES, fromPreferences, parseLang, type Lang } from '../i18n/languages';
import { loadLessonTexts } from '../lab/i18n/lessonOverlays';
import { loadRuleWords } from '../lab/i18n/ruleWords';
import { NARROW_NBSP } from '../i18n/numbers';
import { setNumberStyle } from '../../viz/format';
import { setVizWords } from '../../viz/words';

export const LANG_KEY = 'cellpost.lang';

/** Where the language came from, and a link's value that was refused (shown as a message). */
export interface LanguageStart {
  lang: Lang;
  refused: string | null;
}

function stored(): Lang | null {
  try {
    return parseLang(localStorage.getItem(LANG_KEY));
  } catch {
    return null; // storage can be off: the browser's preference then
  }
}

/** Remembers the reader's choice in this browser (silently not, where storage is off). */
export function remember(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // storage off: the choice lasts while the link carries it
  }
}

/** Chooses the language for a page address and loads what it needs. */
export async function startLanguage(search: string): Promise<LanguageStart> {
  const asked = new URLSearchParams(search).get('lang');
  const fromLink = parseLang(asked);
  const lang = fromLink ?? stored() ?? fromPreferences(navigator.languages ?? []) ?? DEFAULT_LANG;
  try {
    await Promise.all([setLanguage(lang), loadLessonTexts(lang, lessonIdList()), loadRuleWords(lang)]);
  } catch {
    // A catalogue that cannot load (offline before it was cached): the page stays in English.
    await Promise.all([setLanguage(DEFAULT_LANG), loadRuleWords(DEFAULT_LANG)]);
  }
  applyPageLanguage();
  return { lang: language(), refused: asked !== null && fromLink === null ? asked.slice(0, 20) : null };
}

/** <html lang>, the drawings' number style, and the words index.html holds. */
export function applyPageLanguage(): void {
  const lang = language();
  document.documentElement.lang = lang;
  setNumberStyle(lang === 'nb' ? { decimal: ',', group: NARROW_NBSP, hour: 't' } : undefined);
  setVizWords({ timeAxis: t('viz.timeAxis'), noData: t('viz.noData'), detectionLimit: t('viz.detectionLimit'), limit: t('viz.limit') });
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as MessageKey);
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel as MessageKey));
}

/** The message for a link's unknown language, or null. */
export function refusedMessage(start: LanguageStart): string | null {
  return start.refused === null ? null : t('lang.unknown', { value: start.refused, name: LANGUAGE_NAMES[start.lang] });
}
