// The "For teachers" screen (?teacher=ID): a lesson's notes, its student worksheet, the link
// builder, a class's results (loaded on demand) or every lesson's notes at once — each printable
// on clean A4 pages (teacher.css). Reached from the home screen and from each lesson's header;
// needs no engine. Loaded on demand (main.ts imports it the first time the page is shown).
import { lessons } from '../../../../lessons/index';
import { localLesson } from '../../../lab/i18n/lessonOverlays';
import { h, replace } from '../../ui/dom';
import { lessonSearch } from '../route';
import { linkBuilder } from './linkBuilder';
import { teacherNotes } from './notes';
import { readTeacherRoute, teacherSearch, type TeacherView } from './route';
import { inPlace } from './teacherButton';
import { worksheet } from './worksheet';
import { t, type TeacherKey } from './messages';
import './teacher.css';

export interface TeacherActions {
  /** Shows another teacher page (a new history entry). */
  go(search: string): void;
  /** Opens a lesson (its query string). */
  openLesson(search: string): void;
}

export interface Teacher {
  /** Shows the teacher page the query string names. */
  show(search: string): void;
}

const VIEWS: { view: TeacherView; label: TeacherKey; print: TeacherKey }[] = [
  { view: 'notes', label: 'teacher.tab.notes', print: 'teacher.print.notes' },
  { view: 'worksheet', label: 'teacher.tab.worksheet', print: 'teacher.print.worksheet' },
  { view: 'link', label: 'teacher.tab.link', print: 'teacher.print.link' },
  { view: 'class', label: 'teacher.tab.class', print: 'teacher.print.class' },
  { view: 'all', label: 'teacher.tab.all', print: 'teacher.print.all' },
];

export function mountTeacher(root: HTMLElement, actions: TeacherActions): Teacher {
  // Each lesson in the page's language (the overlays loaded with the language at start).
  const all = lessons().map(localLesson);
  const base = () => `${location.origin}${location.pathname}`;
  let current = readTeacherRoute('');

  const select = h('select', { id: 't-lesson' }, ...all.map((s, i) => h('option', { value: s.id }, `${i + 1}. ${s.title}`)));
  select.addEventListener('change', () => actions.go(teacherSearch(select.value, current.view === 'all' ? 'notes' : current.view)));
  const tabs = VIEWS.map((v) => ({ ...v, a: h('a', { class: 't-tab', href: '#', 'data-view': v.view }, t(v.label)) }));
  for (const tab of tabs) inPlace(tab.a, () => actions.go(teacherSearch(current.lesson, tab.view)));
  const print = h('button', { type: 'button', id: 't-print', class: 'primary' }, t('teacher.print'));
  print.addEventListener('click', () => window.print());
  const openLesson = inPlace(h('a', { id: 't-open-lesson', class: 'button-link', href: '#' }, t('teacher.openLesson')), () => actions.openLesson(lessonSearch(current.lesson)));
  const view = h('div', { id: 't-view', class: 't-view' });

  root.append(
    h(
      'div',
      { class: 't-bar' },
      h('h1', { id: 'teacher-h', tabindex: -1 }, t('teacher.heading')),
      h('p', { class: 'home-lead' }, t('teacher.lead')),
      h('div', { class: 'row t-controls' }, h('label', { for: 't-lesson' }, t('teacher.lesson')), select, openLesson, print),
      h('nav', { class: 't-tabs', 'aria-label': t('teacher.tabs') }, ...tabs.map((tab) => tab.a)),
    ),
    view,
  );

  const show = (search: string) => {
    current = readTeacherRoute(search);
    // "All lessons" keeps the lesson the page came from in the picker.
    if (current.view === 'all') current.lesson = select.value || current.lesson;
    select.value = current.lesson;
    const s = all.find((x) => x.id === current.lesson) ?? all[0];
    const n = all.indexOf(s) + 1;
    for (const tab of tabs) {
      tab.a.href = teacherSearch(current.lesson, tab.view);
      if (tab.view === current.view) tab.a.setAttribute('aria-current', 'page');
      else tab.a.removeAttribute('aria-current');
    }
    const shown = VIEWS.find((v) => v.view === current.view);
    print.textContent = shown ? t(shown.print) : t('teacher.print');
    openLesson.href = lessonSearch(current.lesson);
    select.disabled = current.view === 'all' || current.view === 'class';
    document.documentElement.dataset.teacherView = current.view;
    if (current.view === 'all') replace(view, ...all.map((x, i) => teacherNotes(x, i + 1, base())));
    else if (current.view === 'worksheet') replace(view, worksheet(s, base()));
    else if (current.view === 'link') replace(view, linkBuilder(s, base()));
    else if (current.view === 'class') {
      // Class results (src/app/screens/class/) load on demand: replays, D3 and the sweep pool.
      replace(view, h('p', { class: 'help' }, t('teacher.classLoading')));
      const asked = current;
      void import('../class/classResults')
        .then((m) => {
          if (current === asked) replace(view, m.classResults());
        })
        .catch((e: unknown) => replace(view, h('p', { class: 'error' }, t('teacher.classFailed', { error: e instanceof Error ? e.message : String(e) }))));
    }
    else replace(view, teacherNotes(s, n, base()));
    document.title = current.view === 'all' ? t('teacher.title.all') : current.view === 'class' ? t('teacher.title.class') : t('teacher.title.lesson', { view: t(shown?.label ?? 'teacher.tab.notes'), title: s.title });
  };

  return { show };
}
