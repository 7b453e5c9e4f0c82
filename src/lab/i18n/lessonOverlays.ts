// Loads the translation overlays of the built-in lessons and the glossary on demand, one chunk
// per lesson (lessons/nb/<id>.json), and gives the app a lesson in the current language. English
// needs nothing loaded: the lesson files are the English source.
import { loadLesson, type LessonEntry } from '../../../lessons/library';
import { LESSON_FILES_BY_ID } from '../../../lessons/files';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { GLOSSARY, termFinder, type GlossaryEntry, type TermHit } from '../../../lessons/glossary';
import { language } from '../../i18n/i18n';
import type { Lang } from '../../i18n/languages';
import { localize, type LessonOverlay } from './overlay';

type Loader = () => Promise<{ default: LessonOverlay }>;

/** Bokmål overlays by lesson id (lessons/files.ts): each a separate chunk, loaded when that lesson is shown. */
const NB: Record<string, Loader> = Object.fromEntries(Object.entries(LESSON_FILES_BY_ID).map(([id, files]) => [id, files.nb as Loader]));
const LOADERS: Partial<Record<Lang, Record<string, Loader>>> = { nb: NB };

export interface GlossaryOverlay {
  about: string;
  /** Entries by the English term they translate. */
  terms: Record<string, GlossaryEntry>;
}
const GLOSSARY_LOADERS: Partial<Record<Lang, () => Promise<{ default: GlossaryOverlay }>>> = { nb: () => import('../../../lessons/nb/glossary.json') };

const overlays = new Map<string, LessonOverlay>();
/** The English lesson files the loaded overlays were made for (a text is translated only where it is unchanged). */
const english = new Map<string, ScenarioFile>();
const finders = new Map<Lang, (text: string, opts?: { all?: boolean }) => TermHit[]>([['en', termFinder(GLOSSARY)]]);

/** Loads the overlays of these lessons (and the glossary) for a language; missing ones are skipped. */
export async function loadLessonTexts(lang: Lang, ids: readonly string[]): Promise<void> {
  const table = LOADERS[lang];
  if (!table) return;
  const jobs = ids
    .filter((id) => !overlays.has(`${lang}/${id}`) && table[id])
    .map(async (id) => {
      const [overlay, source] = await Promise.all([table[id](), english.has(id) ? english.get(id) : loadLesson(id)]);
      if (source) english.set(id, source);
      overlays.set(`${lang}/${id}`, overlay.default);
    });
  const g = GLOSSARY_LOADERS[lang];
  if (g && !finders.has(lang))
    jobs.push(
      g().then((m) => {
        finders.set(lang, termFinder(glossaryEntries(m.default)));
      }),
    );
  await Promise.all(jobs);
}

/** A glossary overlay as entries in the English glossary's order (untranslated terms left out). */
export function glossaryEntries(o: GlossaryOverlay): GlossaryEntry[] {
  return GLOSSARY.flatMap((e) => (Object.hasOwn(o.terms, e.term) ? [o.terms[e.term]] : []));
}

/** The lesson in the current language, if its overlay is loaded (else as given). */
export function localLesson(s: ScenarioFile): ScenarioFile {
  const lang = language();
  if (lang === 'en') return s;
  const o = overlays.get(`${lang}/${s.id}`);
  const builtIn = o ? english.get(s.id) : undefined;
  return o && builtIn ? localize(s, o, builtIn) : s;
}

/** A lesson's catalogue entry (its home card) in the current language, if its overlay is loaded. */
export function localEntry(e: LessonEntry): LessonEntry {
  const o = language() === 'en' ? undefined : overlays.get(`${language()}/${e.id}`);
  return o ? { ...e, title: o.texts.title ?? e.title, question: o.texts.question ?? e.question } : e;
}

/** The glossary terms in a text, in the current language's glossary. */
export function findLocalTerms(text: string, opts?: { all?: boolean }): TermHit[] {
  return (finders.get(language()) ?? finders.get('en')!)(text, opts);
}
