// The page header: the lesson picker, the lesson's title and question, a "Copy link" button that
// shares the exact setup (lesson, seed, settings), and the list of keyboard shortcuts.
import type { Session } from '../session';
import { lessonList } from '../scenario';
import { linkFor } from '../url';
import { byId, h, uid } from './dom';
import type { Notify } from './notices';

export function mountHeader(session: Session, notify: Notify, openLesson: (id: string) => void, copyLink?: () => void): void {
  const id = uid('lesson');
  const picker = h('select', { id });
  for (const l of lessonList()) picker.append(h('option', { value: l.id }, l.title));
  picker.addEventListener('change', () => openLesson(picker.value));
  byId('lesson-picker').append(h('label', { for: id }, 'Lesson'), picker);

  const copy = h('button', { type: 'button', id: 'copy-link' }, 'Copy link');
  copy.addEventListener('click', async () => {
    // The full link (settings, event log, hash check) comes from src/share when it is mounted.
    if (copyLink) return copyLink();
    const url = new URL(linkFor(session.scenario.id, session.seed, session.overrides), location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      notify('Link to this lesson, seed and settings copied.');
    } catch {
      notify(`Copy this link: ${url}`);
    }
  });
  const keys = h(
    'details',
    { class: 'keys' },
    h('summary', {}, 'Keys'),
    h('ul', {}, h('li', {}, 'Space: play or pause'), h('li', {}, '→: step'), h('li', {}, 'R: reset'), h('li', {}, '+ − 0 on the tissue: zoom, fit'), h('li', {}, 'Tab: move between controls')),
  );
  byId('top-tools').append(copy, keys);

  session.on('load', (info) => {
    const s = info.scenario;
    if (session.lessonId) picker.value = session.lessonId;
    byId('lesson-title').textContent = s.title;
    byId('lesson-question').textContent = s.question;
    document.title = `${s.title} · Cellpost`;
  });
}
