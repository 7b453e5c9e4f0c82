// The built-in lessons' own words (titles, names) in the current language, for what the command
// line prints for people: the lesson overlays (src/lab/i18n/lessonOverlays.ts) are loaded once
// with the language. Machine outputs keep the lesson file's words.
import { lesson, lessonIds } from '../../lessons/index';
import type { Lang } from '../i18n/languages';
import { loadLessonTexts, localLesson } from '../lab/i18n/lessonOverlays';

/** Loads the translations of every built-in lesson for a language (English: nothing to load). */
export async function loadLessonWords(lang: Lang): Promise<void> {
  await loadLessonTexts(lang, lessonIds());
}

/** A built-in lesson's title in the current language; any other title (an edited or unknown lesson) as written. */
export function lessonTitle(id: string, title: string): string {
  const s = lesson(id);
  return s && s.title === title ? localLesson(s).title : title;
}

/** A built-in lesson's main metric label in the current language; any other label as written. */
export function mainMetricLabel(id: string, metric: string, label: string): string {
  const s = lesson(id);
  const own = s?.lesson?.mainMetric;
  if (!s || !own || own.metric !== metric || own.label !== label) return label;
  return localLesson(s).lesson?.mainMetric?.label ?? label;
}
