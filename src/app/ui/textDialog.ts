// A modal text dialog like About: a title, a scrolling body and a row of buttons ending in
// "Back to the lesson". The backdrop closes it, and keys pressed in it stay in it (the page's
// shortcuts listen on document), apart from Escape.
import { h, type Child } from './dom';
import { t } from '../../i18n/i18n';

export function mountTextDialog(id: string, title: HTMLElement, parts: Child[], buttons: HTMLElement[] = []): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'primary', id: `${id}-close` }, t('dialog.back'));
  const dialog = h('dialog', { id, class: 'about', 'aria-labelledby': title.id }, h('div', { class: 'about-inner' }, title, ...parts, h('div', { class: 'row end' }, ...buttons, close)));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') e.stopPropagation();
  });
  document.body.append(dialog);
  return dialog;
}
