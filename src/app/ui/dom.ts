// A tiny element builder for the app: attributes, properties and children, with text always
// set through textContent (never innerHTML), so scenario text can never become markup.
export type Child = Node | string | null | undefined | false;

export interface Props {
  [attr: string]: string | number | boolean | undefined | ((e: Event) => void);
}

/** Creates an element; `on…` props become listeners, `true` booleans become empty attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
}

/** Replaces all children of an element. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

let counter = 0;
/** A fresh id for label/aria wiring. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** The element with this id, or an error naming it (index.html and the app must agree). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page is missing #${id}`);
  return el as T;
}

/**
 * Makes `parts` (nulls skipped) the children of `parent` after `after` (from its first child when
 * null), in order, moving only what is out of place and removing what follows: parts already in
 * place are not touched, so Chromium restyles and lays out only what came, went or moved.
 */
export function arrange(parent: Element, parts: (Element | null)[], after: Element | null = null): void {
  let at: ChildNode | null = after ? after.nextSibling : parent.firstChild;
  for (const part of parts) {
    if (!part) continue;
    if (at === part) at = part.nextSibling;
    else parent.insertBefore(part, at);
  }
  while (at) {
    const next: ChildNode | null = at.nextSibling;
    at.remove();
    at = next;
  }
}
