// The "For teachers" screen (?teacher=ID): a lesson's notes, its student worksheet, the link
// builder, a class's results (loaded on demand) or every lesson's notes at once — each printable
// on clean A4 pages (teacher.css). Reached from the home screen and from each lesson's header;
// needs no engine. Loaded on demand (main.ts imports it the first time the page is shown).
import { lessons } from '../../../../lessons/index';
import { h, replace } from '../../ui/dom';
import { lessonSearch } from '../route';
import { linkBuilder } from './linkBuilder';
import { teacherNotes } from './notes';
import { readTeacherRoute, teacherSearch, type TeacherView } from './route';
import { inPlace } from './teacherButton';
import { worksheet } from './worksheet';
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

const VIEWS: { view: TeacherView; label: string; print: string }[] = [
  { view: 'notes', label: 'Teacher notes', print: 'Print the notes' },
  { view: 'worksheet', label: 'Student worksheet', print: 'Print the worksheet' },
  { view: 'link', label: 'Link builder', print: 'Print this page' },
  { view: 'class', label: 'Class results', print: 'Print the results' },
  { view: 'all', label: 'Notes for all lessons', print: 'Print all notes' },
];

export function mountTeacher(root: HTMLElement, actions: TeacherActions): Teacher {
  const all = lessons();
  const base = () => `${location.origin}${location.pathname}`;
  let current = readTeacherRoute('');

  const select = h('select', { id: 't-lesson' }, ...all.map((s, i) => h('option', { value: s.id }, `${i + 1}. ${s.title}`)));
  select.addEventListener('change', () => actions.go(teacherSearch(select.value, current.view === 'all' ? 'notes' : current.view)));
  const tabs = VIEWS.map((v) => ({ ...v, a: h('a', { class: 't-tab', href: '#', 'data-view': v.view }, v.label) }));
  for (const t of tabs) inPlace(t.a, () => actions.go(teacherSearch(current.lesson, t.view)));
  const print = h('button', { type: 'button', id: 't-print', class: 'primary' }, 'Print');
  print.addEventListener('click', () => window.print());
  const openLesson = inPlace(h('a', { id: 't-open-lesson', class: 'button-link', href: '#' }, 'Open the lesson'), () => actions.openLesson(lessonSearch(current.lesson)));
  const view = h('div', { id: 't-view', class: 't-view' });

  root.append(
    h(
      'div',
      { class: 't-bar' },
      h('h1', { id: 'teacher-h', tabindex: -1 }, 'For teachers'),
      h('p', { class: 'home-lead' }, 'Notes, a worksheet and a class link for each lesson. Everything here prints on A4: the buttons and menus stay off the paper.'),
      h('div', { class: 'row t-controls' }, h('label', { for: 't-lesson' }, 'Lesson'), select, openLesson, print),
      h('nav', { class: 't-tabs', 'aria-label': 'Teacher pages' }, ...tabs.map((t) => t.a)),
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
    for (const t of tabs) {
      t.a.href = teacherSearch(current.lesson, t.view);
      if (t.view === current.view) t.a.setAttribute('aria-current', 'page');
      else t.a.removeAttribute('aria-current');
    }
    print.textContent = VIEWS.find((v) => v.view === current.view)?.print ?? 'Print';
    openLesson.href = lessonSearch(current.lesson);
    select.disabled = current.view === 'all' || current.view === 'class';
    document.documentElement.dataset.teacherView = current.view;
    if (current.view === 'all') replace(view, ...all.map((x, i) => teacherNotes(x, i + 1, base())));
    else if (current.view === 'worksheet') replace(view, worksheet(s, base()));
    else if (current.view === 'link') replace(view, linkBuilder(s, base()));
    else if (current.view === 'class') {
      // Class results (src/app/screens/class/) load on demand: replays, D3 and the sweep pool.
      replace(view, h('p', { class: 'help' }, 'Loading class results…'));
      const shown = current;
      void import('../class/classResults')
        .then((m) => {
          if (current === shown) replace(view, m.classResults());
        })
        .catch((e: unknown) => replace(view, h('p', { class: 'error' }, `Class results could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`)));
    }
    else replace(view, teacherNotes(s, n, base()));
    document.title = `${current.view === 'all' ? 'Teacher notes, all lessons' : current.view === 'class' ? 'Class results' : `${VIEWS.find((v) => v.view === current.view)?.label}: ${s.title}`} · Cellpost`;
  };

  return { show };
}
