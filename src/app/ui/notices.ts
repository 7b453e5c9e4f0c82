// Short notices in one fixed strip of the run controls, never over the tissue or the charts: the
// newest message (announced politely, once) with a Dismiss button, an Undo button while a change
// that replaced or cut the run can be taken back, and the earlier messages in a fold-out list.
import type { Session, UndoOffer } from '../session';
import { h, replace } from './dom';
import { undoWords } from './undoText';
import './notices.css';

export type NoticeKind = 'info' | 'warn';

export type Notify = (text: string, kind?: NoticeKind) => void;

export interface Notices extends Notify {
  /** Takes the offered change back (Ctrl+Z); false when there is nothing to undo. */
  undo(): Promise<boolean>;
}

/** How long a message stays in the strip before it moves to the list of earlier ones. */
export const SHOW_MS = { info: 8000, warn: 20000 } as const;
/** How long a change can be undone; then its kept run is dropped. */
export const UNDO_MS = 120_000;
/** Earlier messages kept in the list. */
const LOG_SIZE = 30;

export function mountNotices(root: HTMLElement, session: Session): Notices {
  // The strip itself is a labelled region; only the current message is a live region, so the
  // list of earlier messages is never read out again.
  root.classList.add('notice-strip');
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', 'Messages');
  root.removeAttribute('aria-live');
  const text = h('p', { class: 'notice-text', id: 'notice-text' });
  const now = h('div', { class: 'notice-now', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, text);
  const dismiss = h('button', { type: 'button', class: 'small notice-dismiss', 'aria-label': 'Dismiss message', title: 'Dismiss message' }, '✕');
  const undoBtn = h('button', { type: 'button', class: 'small notice-undo', id: 'undo', 'aria-keyshortcuts': 'Control+Z' });
  const count = h('span', {}, '0');
  const list = h('ol', { class: 'notice-list', id: 'notice-log' });
  const log = h('details', { class: 'notice-log' }, h('summary', { 'aria-label': 'Earlier messages' }, 'Messages (', count, ')'), list);
  replace(root, now, dismiss, undoBtn, log);
  dismiss.hidden = true;
  undoBtn.hidden = true;
  log.hidden = true;

  let current: { text: string; kind: NoticeKind } | null = null;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let offer: UndoOffer | null = null;
  let offerTimer: ReturnType<typeof setTimeout> | undefined;
  let logged = 0;

  const toLog = (msg: { text: string; kind: NoticeKind }) => {
    const at = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    list.prepend(h('li', { class: msg.kind }, h('span', { class: 'when' }, at), ' ', msg.text));
    while (list.children.length > LOG_SIZE) list.lastElementChild?.remove();
    logged++;
    count.textContent = String(logged);
    log.hidden = false;
  };

  /** Moves the current message to the list and empties the strip. */
  const retire = () => {
    clearTimeout(showTimer);
    if (current) toLog(current);
    current = null;
    text.textContent = '';
    text.className = 'notice-text';
    dismiss.hidden = true;
  };

  const show = (msg: string, kind: NoticeKind, ms: number) => {
    retire();
    current = { text: msg, kind };
    text.textContent = msg;
    text.className = `notice-text ${kind}`;
    text.title = msg;
    dismiss.hidden = false;
    showTimer = setTimeout(retire, ms);
  };

  const endOffer = (drop: boolean) => {
    clearTimeout(offerTimer);
    if (drop) offer?.drop();
    offer = null;
    undoBtn.hidden = true;
  };

  const notify: Notify = (msg, kind = 'info') => show(msg, kind, SHOW_MS[kind]);

  const undo = async (): Promise<boolean> => {
    const o = offer;
    if (!o || !o.valid) {
      endOffer(false);
      return false;
    }
    undoBtn.disabled = true;
    const ok = await o.undo();
    undoBtn.disabled = false;
    // On success the session has made a new offer (the redo); a failed undo says why.
    if (!ok && offer === o) {
      endOffer(false);
      notify('That run can no longer be brought back.', 'warn');
    }
    return ok;
  };

  dismiss.addEventListener('click', retire);
  undoBtn.addEventListener('click', () => void undo());

  session.on('undoable', (o) => {
    endOffer(false);
    offer = o;
    const words = undoWords(o, session.scenario?.title ?? '', session.dt);
    undoBtn.textContent = words.label;
    undoBtn.setAttribute('aria-label', words.name);
    undoBtn.title = words.name;
    undoBtn.hidden = false;
    show(words.text, 'info', UNDO_MS);
    offerTimer = setTimeout(() => endOffer(true), UNDO_MS);
  });
  // A failed engine takes its kept run with it.
  session.on('failure', () => endOffer(false));

  return Object.assign(notify, { undo });
}
