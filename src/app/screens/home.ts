// The home screen: the nine lessons as cards in teaching order, each with a picture of its tissue
// (the lesson's starting cells, drawn like the stage), its title and its question; and a way in
// for a run file or a link someone shared. A card is a real link (?lesson=…): it opens in place.
// Cards come from the lesson catalogue; each picture loads its lesson's file when home is shown.
import { lessonIndex, type LessonEntry } from '../../../lessons/library';
import { h } from '../ui/dom';
import { lessonSearch } from './route';
import { t } from '../../i18n/i18n';
import { localEntry } from '../../lab/i18n/lessonOverlays';
import { languagePicker } from '../ui/languagePicker';

export interface HomeActions {
  /** Opens a lesson (a card was chosen). */
  open(id: string): void;
  /** Opens a run file and replays it. */
  openRunFile(file: File): void;
  /** Opens a link copied from Cellpost (its query string). */
  openLink(search: string): void;
  /** Opens the teacher page (its query string is the link's address). */
  teacher?: { search: string; open(): void };
  /** Opens the teacher page's class results (a class's runs together). */
  classResults?: { search: string; open(): void };
}

/** The CSS size thumbnails are drawn at (the card scales them). */
const THUMB_W = 400;
const THUMB_H = 200;

function card(s: LessonEntry, n: number, open: (id: string) => void): { li: HTMLElement; thumb: HTMLCanvasElement } {
  const thumb = h('canvas', { class: 'thumb', width: THUMB_W, height: THUMB_H, 'aria-hidden': 'true' });
  const link = h(
    'a',
    { class: 'card', href: lessonSearch(s.id), 'data-lesson': s.id },
    h('span', { class: 'thumb-box' }, thumb, h('span', { class: 'card-num', 'aria-hidden': 'true' }, String(n))),
    h('span', { class: 'card-text' }, h('h2', { class: 'card-title' }, s.title), h('p', { class: 'card-question' }, s.question)),
  );
  link.addEventListener('click', (e) => {
    // Let a new tab or window open the link as it is.
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    open(s.id);
  });
  return { li: h('li', {}, link), thumb };
}

export function mountHome(root: HTMLElement, actions: HomeActions): void {
  const all = lessonIndex.map(localEntry);
  const cards = all.map((s, i) => card(s, i + 1, actions.open));

  const fileInput = h('input', { type: 'file', accept: '.json,application/json', id: 'home-run-file', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const fileBtn = h('button', { type: 'button', id: 'home-open-run' }, t('home.openRunFile'));
  fileBtn.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const f = fileInput.files?.[0];
    fileInput.value = '';
    if (f) actions.openRunFile(f);
  });
  const linkIn = h('input', { type: 'text', id: 'home-link', class: 'home-link', spellcheck: 'false', autocomplete: 'off', placeholder: 'https://…?lesson=…', 'aria-describedby': 'home-link-error' });
  const linkErr = h('p', { class: 'error', id: 'home-link-error', 'aria-live': 'polite' });
  const linkForm = h('form', { class: 'row home-link-row' }, h('label', { for: 'home-link' }, t('home.pasteLink')), linkIn, h('button', { type: 'submit' }, t('home.openLink')));
  linkForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = linkIn.value.trim();
    let url: URL | null = null;
    try {
      url = new URL(text, location.href);
    } catch {
      url = null;
    }
    if (!url || !url.searchParams.has('lesson')) {
      linkErr.textContent = text === '' ? t('home.linkEmpty') : t('home.linkNoLesson');
      return;
    }
    linkErr.textContent = '';
    actions.openLink(url.search);
  });

  const teacher = actions.teacher;
  const teacherLink = teacher ? h('a', { id: 'home-teacher', class: 'home-teacher', href: teacher.search }, t('home.teacher')) : null;
  teacherLink?.addEventListener('click', (e) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    teacher?.open();
  });

  const classLink = actions.classResults ? h('a', { id: 'home-class', class: 'home-teacher', href: actions.classResults.search }, t('home.classResults')) : null;
  classLink?.addEventListener('click', (e) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    actions.classResults?.open();
  });

  root.append(
    h(
      'div',
      { class: 'home-head' },
      h('h1', { id: 'home-h', tabindex: -1 }, t('home.heading')),
      languagePicker('home-lang'),
      h('p', { class: 'home-lead' }, t('home.lead'), teacherLink ? ' ' : null, teacherLink, classLink ? ' · ' : null, classLink),
    ),
    h('ol', { class: 'cards' }, ...cards.map((c) => c.li)),
    h(
      'section',
      { class: 'home-open', 'aria-labelledby': 'home-open-h' },
      h('h2', { id: 'home-open-h' }, t('home.openHeading')),
      h('div', { class: 'row' }, fileBtn, fileInput, h('span', { class: 'help' }, t('home.runFileHelp'))),
      linkForm,
      linkErr,
    ),
  );

  // Pictures are drawn once, a card per idle moment, the first time home is shown.
  let drawn = false;
  const draw = async () => {
    if (drawn) return;
    drawn = true;
    // The engine builds the pictures: loaded now, not with the page.
    const { drawLessonThumbnail } = await import('./thumbFrame');
    let i = 0;
    const next = async () => {
      const c = cards[i];
      const s = all[i];
      if (!c || !s) return;
      try {
        await drawLessonThumbnail(c.thumb, s.id, THUMB_W, THUMB_H);
      } catch {
        // A picture is decoration: a lesson that cannot be loaded or drawn keeps a plain card.
      }
      i++;
      setTimeout(() => void next(), 0);
    };
    void next();
  };
  new MutationObserver(() => {
    if (document.documentElement.dataset.screen === 'home') void draw();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-screen'] });
  if (document.documentElement.dataset.screen === 'home') void draw();
}
