// "Large text": every text on the page (charts and the tissue's labels too) 1.25× larger, for the
// back of a classroom. Kept in localStorage; ?text=large or ?text=normal in a link overrides it.
import { h } from './dom';
import { t } from '../../i18n/i18n';

const KEY = 'cellpost.text';

export function isLargeText(): boolean {
  return document.documentElement.dataset.text === 'large';
}

/** The toggle button; `changed` runs after the page's text size changed (redraw canvases, charts). */
export function mountTextSize(parent: HTMLElement, changed: () => void): HTMLButtonElement {
  const btn = h('button', { type: 'button', id: 'large-text', class: 'large-text', 'aria-pressed': String(isLargeText()), title: t('textSize.help') }, t('textSize.label'));
  btn.addEventListener('click', () => {
    const large = !isLargeText();
    if (large) document.documentElement.dataset.text = 'large';
    else delete document.documentElement.dataset.text;
    btn.setAttribute('aria-pressed', String(large));
    try {
      localStorage.setItem(KEY, large ? 'large' : 'normal');
    } catch {
      // Private windows may refuse storage; the choice then lasts for this page only.
    }
    changed();
  });
  parent.append(btn);
  return btn;
}
