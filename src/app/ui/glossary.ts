// Glossary terms in lesson text: each known term (lessons/glossary.json) becomes a focusable
// button whose plain-words definition shows on hover, on focus and on tap, and hides on Escape,
// on leaving, or on a second tap. Built from DOM nodes only: lesson text never becomes markup.
import { findTerms } from '../../../lessons/glossary';
import { h, uid } from './dom';
import './glossary.css';

/** One term with its definition: a button and a tooltip it describes. */
function term(text: string, definition: string, heading: string): HTMLElement {
  const id = uid('term');
  const tip = h('span', { id, role: 'tooltip', class: 'term-tip', hidden: true }, h('strong', {}, heading), ` ${definition}`);
  const button = h('button', { type: 'button', class: 'term', 'aria-describedby': id, 'aria-expanded': 'false' }, text);
  const wrap = h('span', { class: 'term-wrap' }, button, tip);
  let pinned = false;
  const show = (on: boolean) => {
    tip.hidden = !on;
    button.setAttribute('aria-expanded', String(on));
    // Keep the tip inside the window: open it to the left when the term sits near the right edge.
    if (on) wrap.classList.toggle('term-left', button.getBoundingClientRect().left > window.innerWidth / 2);
  };
  button.addEventListener('click', () => {
    pinned = !pinned || tip.hidden;
    show(pinned);
  });
  button.addEventListener('focus', () => show(true));
  button.addEventListener('blur', () => {
    pinned = false;
    show(false);
  });
  wrap.addEventListener('mouseenter', () => show(true));
  wrap.addEventListener('mouseleave', () => {
    if (!pinned && document.activeElement !== button) show(false);
  });
  button.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !tip.hidden) {
      e.stopPropagation();
      pinned = false;
      show(false);
    }
  });
  return wrap;
}

/**
 * The nodes of a text with its glossary terms explained: plain text nodes, and for the first
 * occurrence of each known term a button with its definition.
 */
export function glossed(text: string): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const hit of findTerms(text)) {
    if (hit.start > at) out.push(document.createTextNode(text.slice(at, hit.start)));
    out.push(term(text.slice(hit.start, hit.end), hit.entry.text, hit.entry.term));
    at = hit.end;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}
