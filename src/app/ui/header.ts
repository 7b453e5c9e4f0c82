// The page header, one fixed height on every screen: "All lessons" (home), the lesson's title (whole:
// on two lines where one is too short, the question then giving way) and question (one line, cut
// with "…"; the whole text is in About), About, the Learn/Lab switch,
// Large text, Copy link (src/share adds its options button) and the list of keyboard shortcuts.
import type { Session } from '../session';
import type { Mode } from '../screens/route';
import { byId, h } from './dom';
import { mountTextSize } from './textSize';
import { t } from '../../i18n/i18n';
import { languagePicker } from './languagePicker';

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
  const home = h('button', { type: 'button', id: 'home-button', class: 'home-button', title: t('header.allLessons') }, h('span', { class: 'home-icon', 'aria-hidden': 'true' }, '⌂'), h('span', { class: 'home-text' }, t('header.allLessons')));
  home.addEventListener('click', () => actions.home());
  byId('lesson-picker').append(home);

  const about = h('button', { type: 'button', id: 'about-open', class: 'about-open', 'aria-haspopup': 'dialog' }, t('header.about'), h('span', { class: 'visually-hidden' }, t('header.aboutThisLesson')));
  about.addEventListener('click', () => actions.about());
  byId('lesson-title').closest('.lesson-head')?.after(about);

  // Learn and Lab, like a simulation's screen buttons: one pressed at a time.
  const learn = h('button', { type: 'button', id: 'mode-learn', class: 'mode', 'aria-pressed': 'true' }, t('header.learn'));
  const lab = h('button', { type: 'button', id: 'mode-lab', class: 'mode', 'aria-pressed': 'false' }, t('header.lab'));
  learn.addEventListener('click', () => actions.setMode('learn'));
  lab.addEventListener('click', () => actions.setMode('lab'));
  byId('mode-switch').append(h('div', { class: 'seg', role: 'group', 'aria-label': t('header.screen') }, learn, lab));

  const tools = byId('top-tools');
  mountTextSize(tools, actions.textSizeChanged);
  const copy = h('button', { type: 'button', id: 'copy-link' }, t('header.copyLink'));
  copy.addEventListener('click', () => actions.copyLink());
  const keys = h(
    'details',
    { class: 'keys' },
    h('summary', { title: t('header.keys') }, h('span', { class: 'keys-icon', 'aria-hidden': 'true' }, '⌨'), h('span', { class: 'keys-text' }, t('header.keys'))),
    h(
      'ul',
      {},
      h('li', {}, t('keys.space')),
      h('li', {}, t('keys.step')),
      h('li', {}, t('keys.reset')),
      h('li', {}, t('keys.undo')),
      h('li', {}, t('keys.tissue')),
      h('li', {}, t('keys.zoom')),
      h('li', {}, t('keys.tab')),
    ),
  );
  tools.append(copy, keys, languagePicker('header-lang', true));

  const title = byId('lesson-title');
  const question = byId('lesson-question');
  session.on('load', (info) => {
    const s = info.scenario;
    title.textContent = s.title;
    question.textContent = s.question;
    // The whole text for a pointer too; About has it for everyone.
    title.title = s.title;
    question.title = s.question;
    document.title = t('app.pageTitle', { title: s.title });
  });

  return {
    showMode(mode) {
      learn.setAttribute('aria-pressed', String(mode === 'learn'));
      lab.setAttribute('aria-pressed', String(mode === 'lab'));
    },
  };
}
