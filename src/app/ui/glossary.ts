// Glossary terms in lesson text: each known term (lessons/glossary.json) becomes a focusable
// button whose plain-words definition shows on hover, on focus and on tap, and hides on Escape,
// on leaving, or on a second tap. Built from DOM nodes only: lesson text never becomes markup.
// The text itself stays as written (a paragraph's textContent is unchanged): screen readers get
// each definition from one hidden description per term, and the visible card is shared.
import type { GlossaryEntry } from '../../../lessons/glossary';
import { findLocalTerms } from '../../lab/i18n/lessonOverlays';
import { h } from './dom';
import './glossary.css';

const descriptions = new Map<GlossaryEntry, string>();
let store: HTMLElement | null = null;
let card: HTMLElement | null = null;
let owner: HTMLButtonElement | null = null;

/** The id of the term's hidden description (made once per term, kept for the page's life). */
function describedBy(entry: GlossaryEntry): string {
  const known = descriptions.get(entry);
  if (known) return known;
  if (!store) {
    store = h('div', { class: 'term-descriptions', hidden: true });
    document.body.append(store);
  }
  const id = `glossary-${descriptions.size + 1}`;
  store.append(h('span', { id }, entry.text));
  descriptions.set(entry, id);
  return id;
}

/** Shows the card for a term under (or above) its button, inside the window; null hides it. */
function show(button: HTMLButtonElement | null, entry?: GlossaryEntry): void {
  owner?.setAttribute('aria-expanded', 'false');
  owner = button;
  if (!button || !entry) {
    if (card) card.hidden = true;
    return;
  }
  // The definition is already the button's description, so the card itself is not read twice.
  card ??= h('div', { class: 'term-tip', 'aria-hidden': 'true', hidden: true });
  // Inside a modal dialog (the lesson's About) the card must sit in the dialog to be seen above it.
  const home = button.closest('dialog') ?? document.body;
  if (card.parentElement !== home) home.append(card);
  card.replaceChildren(h('strong', {}, entry.term), ` ${entry.text}`);
  card.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  const r = button.getBoundingClientRect();
  const w = card.offsetWidth;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  const below = r.bottom + 6 + card.offsetHeight < window.innerHeight;
  card.style.left = `${left}px`;
  card.style.top = `${below ? r.bottom + 6 : Math.max(8, r.top - 6 - card.offsetHeight)}px`;
}

function term(text: string, entry: GlossaryEntry): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'term', 'aria-describedby': describedBy(entry), 'aria-expanded': 'false' }, text);
  let pinned = false;
  const hide = () => {
    pinned = false;
    if (owner === button) show(null);
  };
  button.addEventListener('click', () => {
    pinned = !(pinned && owner === button);
    if (pinned) show(button, entry);
    else hide();
  });
  button.addEventListener('focus', () => show(button, entry));
  button.addEventListener('blur', hide);
  button.addEventListener('mouseenter', () => show(button, entry));
  button.addEventListener('mouseleave', () => {
    if (!pinned && document.activeElement !== button && owner === button) show(null);
  });
  button.addEventListener('keydown', (e) => {
    // Escape closes the card only; a second Escape reaches the page (or closes the dialog).
    if (e.key === 'Escape' && owner === button && card && !card.hidden) {
      e.preventDefault();
      e.stopPropagation();
      hide();
    }
  });
  return button;
}

// The card belongs to one spot on the page: scrolling or resizing closes it.
if (typeof window !== 'undefined') {
  window.addEventListener('scroll', () => show(null), { passive: true, capture: true });
  window.addEventListener('resize', () => show(null));
}

/**
 * The nodes of a text with its glossary terms explained: plain text nodes, and for the first
 * occurrence of each known term a button with its definition.
 */
export function glossed(text: string): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const hit of findLocalTerms(text)) {
    if (hit.start > at) out.push(document.createTextNode(text.slice(at, hit.start)));
    out.push(term(text.slice(hit.start, hit.end), hit.entry));
    at = hit.end;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}
