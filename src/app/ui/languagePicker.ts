// The language picker (home screen and the header's tools): a labelled list of the languages in
// their own names. A choice is remembered in this browser, written into the address (?lang=…, so
// a copied link carries it) and the page reloads in that language with the run's link intact.
import { language, t } from '../../i18n/i18n';
import { LANGUAGES, LANGUAGE_NAMES, parseLang } from '../../i18n/languages';
import { remember } from '../language';
import { h, uid } from './dom';
import './languagePicker.css';

/** The address with `lang` set (or left out for English, the default). */
export function withLang(search: string, lang: string): string {
  const q = new URLSearchParams(search);
  if (lang === 'en') q.delete('lang');
  else q.set('lang', lang);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The picker; `short` shows the codes ("EN", "NB") where room is tight (the header), each with its name as a tooltip. */
export function languagePicker(idPrefix: string, short = false): HTMLElement {
  const id = uid(idPrefix);
  const select = h('select', { id, class: 'language-select', 'data-language-picker': '', title: short ? LANGUAGE_NAMES[language()] : undefined });
  for (const l of LANGUAGES) select.append(h('option', { value: l, lang: l, selected: l === language(), title: LANGUAGE_NAMES[l] }, short ? l.toUpperCase() : LANGUAGE_NAMES[l]));
  select.addEventListener('change', () => {
    const lang = parseLang(select.value);
    if (!lang || lang === language()) return;
    remember(lang);
    location.assign(location.pathname + withLang(location.search, lang) + location.hash);
  });
  return h('span', { class: 'language-picker' }, h('label', { for: id }, t('lang.label')), ' ', select);
}
