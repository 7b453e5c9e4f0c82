// The teacher page's address: ?teacher=ID for a lesson's notes, &view=worksheet, &view=link or
// &view=class for its worksheet, the link builder or the class's results, ?teacher=all for every lesson's notes (to print at once).
// Pure functions over the query string; an unknown lesson or view falls back to the first.
import { lessonIdList as lessonIds } from '../../../../lessons/library';

export const TEACHER_VIEWS = ['notes', 'worksheet', 'link', 'class'] as const;
export type TeacherView = (typeof TEACHER_VIEWS)[number] | 'all';

export interface TeacherRoute {
  /** The lesson shown (for 'all', the lesson the page came from, or the first). */
  lesson: string;
  view: TeacherView;
}

export function readTeacherRoute(search: string): TeacherRoute {
  const q = new URLSearchParams(search);
  const ids = lessonIds();
  const t = q.get('teacher') ?? '';
  if (t === 'all') return { lesson: ids[0], view: 'all' };
  const lesson = ids.includes(t) ? t : ids[0];
  const v = q.get('view') ?? 'notes';
  return { lesson, view: (TEACHER_VIEWS as readonly string[]).includes(v) ? (v as TeacherView) : 'notes' };
}

/** The query string of a teacher page. */
export function teacherSearch(lesson: string, view: TeacherView = 'notes'): string {
  const q = new URLSearchParams();
  q.set('teacher', view === 'all' ? 'all' : lessonIds().includes(lesson) ? lesson : lessonIds()[0]);
  if (view !== 'notes' && view !== 'all') q.set('view', view);
  return `?${q.toString()}`;
}
