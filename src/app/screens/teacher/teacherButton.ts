// The header's "For teachers" link and the in-place link helper the teacher page shares. Small and
// part of the first load; the teacher page itself (teacher.ts) loads when it is first shown.
import { h } from '../../ui/dom';
import { t } from '../../../i18n/i18n';
import { teacherSearch } from './route';
import './teacherButton.css';

/** A link that opens in place (a new tab or window still gets the real address). */
export function inPlace(a: HTMLAnchorElement, go: () => void): HTMLAnchorElement {
  a.addEventListener('click', (e) => {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go();
  });
  return a;
}

/**
 * The header's "For teachers" link, beside "All lessons" (so a link that hides the lesson picker
 * hides it too: the notes hold the answers). It opens the notes of the lesson on screen.
 */
export function teacherButton(lessonId: () => string | null, go: (search: string) => void): HTMLAnchorElement {
  // Phones show a short label; the title gives the whole name.
  const a = h('a', { id: 'teacher-open', class: 'teacher-open', href: teacherSearch('') }, h('span', { class: 't-long' }, t('teacherEntry.button')), h('span', { class: 't-short' }, t('teacherEntry.buttonShort')));
  a.setAttribute('title', t('teacherEntry.buttonTitle'));
  const update = () => {
    a.href = teacherSearch(lessonId() ?? '');
  };
  a.addEventListener('focus', update);
  a.addEventListener('pointerenter', update);
  return inPlace(a, () => go(teacherSearch(lessonId() ?? '')));
}
