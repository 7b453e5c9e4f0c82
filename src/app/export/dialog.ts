// A modal dialog for the export and compare panels: a titled <dialog> with a close button,
// Escape to close, focus kept inside (the browser's modal dialog), and the page's own keyboard
// shortcuts (Space, →, R) kept from firing underneath while it is open. It is in the page only
// while open, so its controls never meet the page's own labels.
import { h, uid } from '../ui/dom';
import { t } from './messages';
import './dialog.css';

export interface Dialog {
  el: HTMLDialogElement;
  body: HTMLElement;
  open(): void;
  close(): void;
  onClose(fn: () => void): void;
}

export function makeDialog(title: string, className: string): Dialog {
  const id = uid('dialog');
  const close = h('button', { type: 'button', class: 'cp-close', 'aria-label': t('files.dialog.close', { title: title.toLowerCase() }) }, '×');
  const body = h('div', { class: 'cp-dialog-body' });
  const el = h('dialog', { class: `cp-dialog ${className}`, 'aria-labelledby': id }, h('header', { class: 'cp-dialog-head' }, h('h2', { id }, title), close), body);
  const closers: (() => void)[] = [];
  close.addEventListener('click', () => el.close());
  el.addEventListener('close', () => {
    for (const fn of closers) fn();
    el.remove();
  });
  // The page's shortcuts listen on document: keep keys typed here from reaching them.
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') e.stopPropagation();
  });
  return {
    el,
    body,
    open() {
      if (!el.isConnected) document.body.append(el);
      if (!el.open) el.showModal();
    },
    close() {
      if (el.open) el.close();
    },
    onClose(fn) {
      closers.push(fn);
    },
  };
}
