// The frame of "Repeat & sweep": a small side panel (after the Interventions panel) whose button
// opens a modal dialog. The dialog is in the page only while open, so its labels never meet the
// page's, and keys typed in it never reach the page's shortcuts; what runs in it runs on when closed.
import { h, uid } from '../ui/dom';
import { t } from './messages';

export interface SweepDialog {
  /** The side panel's button (its label shows a running sweep's progress). */
  openBtn: HTMLButtonElement;
  /** The side panel's line of help. */
  sideHelp: HTMLParagraphElement;
  /** Puts the dialog in the page and opens it. */
  open(): void;
}

export function createSweepDialog(after: HTMLElement, body: HTMLElement): SweepDialog {
  const titleId = uid('sweep-title');
  const openBtn = h('button', { type: 'button', id: 'sweep-open', 'aria-haspopup': 'dialog' }, t('labtools.sweep.open'));
  const sideHelp = h('p', { class: 'help', id: 'sweep-side-help' });
  // A side panel, not the header: the header has no room to spare at 1280 × 720.
  after.after(h('section', { class: 'panel cp-sweep-panel', id: 'sweep-panel', 'aria-labelledby': 'sweep-panel-h' }, h('h2', { id: 'sweep-panel-h' }, t('labtools.sweep.panel')), h('div', { class: 'cp-sweep-row' }, openBtn, sideHelp)));
  const close = h('button', { type: 'button', class: 'cp-sweep-close', 'aria-label': t('labtools.sweep.close') }, '×');
  const dialog = h('dialog', { class: 'cp-sweep', 'aria-labelledby': titleId, id: 'sweep-dialog' }, h('header', { class: 'cp-sweep-head' }, h('h2', { id: titleId }, t('labtools.sweep.title')), close), body);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    openBtn.focus();
  });
  // The page's shortcuts (Space, →, R) listen on document: keep keys typed here from reaching them.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') e.stopPropagation();
  });
  return {
    openBtn,
    sideHelp,
    open() {
      if (!dialog.isConnected) document.body.append(dialog);
      if (!dialog.open) dialog.showModal();
    },
  };
}
