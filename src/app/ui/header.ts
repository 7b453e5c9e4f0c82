// The page header, one fixed height on every screen: "All lessons" (home), the lesson's title and
// question (one line each, cut with "…"; the whole text is in About), About, the Learn/Lab switch,
// Large text, Copy link (src/share adds its options button) and the list of keyboard shortcuts.
import type { Session } from '../session';
import type { Mode } from '../screens/route';
import { byId, h } from './dom';
import { mountTextSize } from './textSize';

export interface HeaderActions {
  home(): void;
  about(): void;
  setMode(mode: Mode): void;
  copyLink(): void;
  textSizeChanged(): void;
}

export interface Header {
  showMode(mode: Mode): void;
}

export function mountHeader(session: Session, actions: HeaderActions): Header {
  const home = h('button', { type: 'button', id: 'home-button', class: 'home-button', title: 'All lessons' }, h('span', { class: 'home-icon', 'aria-hidden': 'true' }, '⌂'), h('span', { class: 'home-text' }, 'All lessons'));
  home.addEventListener('click', () => actions.home());
  byId('lesson-picker').append(home);

  const about = h('button', { type: 'button', id: 'about-open', class: 'about-open', 'aria-haspopup': 'dialog' }, 'About', h('span', { class: 'visually-hidden' }, ' this lesson'));
  about.addEventListener('click', () => actions.about());
  byId('lesson-title').closest('.lesson-head')?.after(about);

  // Learn and Lab, like a simulation's screen buttons: one pressed at a time.
  const learn = h('button', { type: 'button', id: 'mode-learn', class: 'mode', 'aria-pressed': 'true' }, 'Learn');
  const lab = h('button', { type: 'button', id: 'mode-lab', class: 'mode', 'aria-pressed': 'false' }, 'Lab');
  learn.addEventListener('click', () => actions.setMode('learn'));
  lab.addEventListener('click', () => actions.setMode('lab'));
  byId('mode-switch').append(h('div', { class: 'seg', role: 'group', 'aria-label': 'Screen' }, learn, lab));

  const tools = byId('top-tools');
  mountTextSize(tools, actions.textSizeChanged);
  const copy = h('button', { type: 'button', id: 'copy-link' }, 'Copy link');
  copy.addEventListener('click', () => actions.copyLink());
  const keys = h(
    'details',
    { class: 'keys' },
    h('summary', {}, 'Keys'),
    h(
      'ul',
      {},
      h('li', {}, 'Space: play or pause'),
      h('li', {}, '→: step (except on the tissue)'),
      h('li', {}, 'R: reset (Undo brings the run back)'),
      h('li', {}, 'Ctrl+Z: undo the last reset, lesson switch or cut'),
      h('li', {}, 'On the tissue: arrow keys move between cells, Enter inspects, Escape clears'),
      h('li', {}, '+ − 0 on the tissue: zoom, fit'),
      h('li', {}, 'Tab: move between controls'),
    ),
  );
  tools.append(copy, keys);

  const title = byId('lesson-title');
  const question = byId('lesson-question');
  session.on('load', (info) => {
    const s = info.scenario;
    title.textContent = s.title;
    question.textContent = s.question;
    // The whole text for a pointer too; About has it for everyone.
    title.title = s.title;
    question.title = s.question;
    document.title = `${s.title} · Cellpost`;
  });

  return {
    showMode(mode) {
      learn.setAttribute('aria-pressed', String(mode === 'learn'));
      lab.setAttribute('aria-pressed', String(mode === 'lab'));
    },
  };
}
