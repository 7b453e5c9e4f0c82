// Short notices in one fixed strip of the run controls, never over the tissue or the charts: the
// newest message on one line (announced politely, once) with a Dismiss button; beside it, while a
// change that replaced or cut the run can be taken back, what happened and an Undo button; and a
// fold-out list ("Messages") with every message in full, the newest first.
import type { Session, UndoOffer } from '../session';
import { h, replace } from './dom';
import { setText } from '../../../viz/dom';
import { undoWords } from './undoText';
import './notices.css';
import { language, t } from '../../i18n/i18n';
import { clockReady, clockTime } from './clockTime';
import { later } from '../later';

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
  // The strip itself is a labelled region; only the current message and the current offer are
  // live regions, so the list of earlier messages is never read out again.
  root.classList.add('notice-strip');
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', t('notices.messages'));
  root.removeAttribute('aria-live');
  const text = h('p', { class: 'notice-text', id: 'notice-text' });
  const dismiss = h('button', { type: 'button', class: 'small notice-dismiss', 'aria-label': t('notices.dismiss'), title: t('notices.dismiss') }, '✕');
  const now = h('div', { class: 'notice-now' }, h('div', { class: 'notice-live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, text), dismiss);
  // The offer to undo sits beside the newest message, so a message that comes with the same
  // action ("… set to …") never hides it.
  const offerText = h('p', { class: 'notice-text offer-text', id: 'offer-text' });
  const undoBtn = h('button', { type: 'button', class: 'small notice-undo', id: 'undo', 'aria-keyshortcuts': 'Control+Z' });
  const keep = h('button', { type: 'button', class: 'small notice-dismiss', 'aria-label': t('notices.keepLabel'), title: t('notices.keepTitle') }, '✕');
  const offerBox = h('div', { class: 'notice-offer', id: 'notice-offer' }, h('div', { class: 'notice-live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, offerText), undoBtn, keep);
  const count = h('span', {}, '0');
  const list = h('ol', { class: 'notice-list', id: 'notice-log' });
  // A narrow strip shows only "(n)"; the word stays in the name a screen reader says.
  const log = h('details', { class: 'notice-log' }, h('summary', {}, h('span', { class: 'log-word' }, `${t('notices.messages')} `), '(', count, ')'), list);
  log.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && log.open) {
      log.open = false;
      log.querySelector('summary')?.focus();
    }
  });
  replace(root, now, offerBox, log);
  now.hidden = true;
  offerBox.hidden = true;
  log.hidden = true;

  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let offer: UndoOffer | null = null;
  let offerTimer: ReturnType<typeof setTimeout> | undefined;
  let logged = 0;
  /** The list's entry of the message on show (marked as current while it is). */
  let currentItem: HTMLElement | null = null;

  /** Times not yet written (the clock's formatter was not made yet), with the moment each message came. */
  const untimed: { when: HTMLElement; at: Date }[] = [];
  const writeTimes = () => {
    for (const u of untimed.splice(0)) u.when.textContent = clockTime(u.at, language());
  };

  /** Adds a message to the list as it arrives, so its whole text is there while the strip shows one line. */
  const toLog = (msg: string, kind: NoticeKind): HTMLElement => {
    // The reader's language's clock (bokmål: 23:49); English keeps the browser's own (11:49 PM or 23:49).
    // The first message's time is written in a task of its own: making the clock's formatter is
    // most of a slow laptop's 50 ms at a lesson's end, where the card and the charts change too.
    const at = new Date();
    const when = h('span', { class: 'when' });
    if (clockReady(language())) when.textContent = clockTime(at, language());
    else {
      untimed.push({ when, at });
      later('notice-times', writeTimes);
    }
    const item = h('li', { class: kind }, when, ' ', msg);
    list.prepend(item);
    while (list.children.length > LOG_SIZE) list.lastElementChild?.remove();
    logged++;
    setText(count, String(logged));
    log.hidden = false;
    return item;
  };

  /** Empties the message's place (it stays in the list). */
  const retire = () => {
    clearTimeout(showTimer);
    currentItem?.classList.remove('now');
    currentItem = null;
    text.textContent = '';
    now.hidden = true;
  };

  const notify: Notify = (msg, kind = 'info') => {
    retire();
    text.textContent = msg;
    text.className = `notice-text ${kind}`;
    text.title = msg;
    now.hidden = false;
    currentItem = toLog(msg, kind);
    currentItem.classList.add('now');
    showTimer = setTimeout(retire, SHOW_MS[kind]);
  };

  /** Ends the current offer; `drop` lets its kept run go. */
  const endOffer = (drop: boolean) => {
    clearTimeout(offerTimer);
    if (offer && drop) offer.drop();
    offer = null;
    offerText.textContent = '';
    offerBox.hidden = true;
  };

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
      notify(t('notices.gone'), 'warn');
    }
    return ok;
  };

  // A button that hides itself hands the keyboard focus on to the list of messages.
  const keepFocus = (box: HTMLElement, act: () => void) => () => {
    const had = box.contains(document.activeElement);
    act();
    if (had) log.querySelector('summary')?.focus();
  };
  dismiss.addEventListener('click', keepFocus(now, retire));
  keep.addEventListener('click', keepFocus(offerBox, () => endOffer(true)));
  undoBtn.addEventListener('click', () => void undo());

  session.on('undoable', (o) => {
    endOffer(false);
    offer = o;
    const words = undoWords(o, session.scenario?.title ?? '', session.dt);
    offerText.textContent = words.text;
    offerText.title = words.text;
    undoBtn.textContent = words.label;
    undoBtn.setAttribute('aria-label', words.name);
    undoBtn.title = words.name;
    offerBox.hidden = false;
    toLog(words.text, 'info');
    offerTimer = setTimeout(() => endOffer(true), UNDO_MS);
  });
  // A failed engine takes its kept run with it.
  session.on('failure', () => endOffer(false));

  return Object.assign(notify, { undo });
}
