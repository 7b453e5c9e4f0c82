// Parts of the page a shared link locks (lock=settings,…): they stay in view, but every control in
// them is disabled — also controls a panel builds or re-enables later — with a short note saying
// why. The link's reader (src/lab/share/link.ts) decides which parts; this file only disables them.
import type { Lockable } from '../../lab';
import { h } from '../ui/dom';
import { t } from '../../i18n/i18n';

/** Controls that change the run; disclosure buttons ("What they do") only show or fold text. */
// i18n-exempt: a CSS selector, not words
const CONTROLS = 'input, select, textarea, button:not([aria-expanded])';

/** The elements that hold each lockable part. */
function roots(part: Lockable): HTMLElement[] {
  const one = (id: string) => document.getElementById(id);
  const list: Record<Lockable, () => (HTMLElement | null)[]> = {
    seed: () => [one('new-seed')?.closest<HTMLElement>('.group') ?? null],
    settings: () => [one('settings')],
    interventions: () => [one('interventions')],
    tools: () => [one('tools')],
    mode: () => [one('mode-switch')],
  };
  return list[part]().filter((x): x is HTMLElement => x !== null);
}

function disableAll(root: HTMLElement, note: boolean): void {
  // Panels rebuild their content: the note goes back under the heading each time.
  if (note && !root.querySelector(':scope .locked-note')) {
    const p = h('p', { class: 'help locked-note' }, t('teacherEntry.locked.note'));
    const heading = root.querySelector('h2');
    // Under the heading's row when the heading shares one (Interventions and its "What they do").
    const anchor = heading && heading.parentElement !== root ? heading.parentElement : heading;
    if (anchor) anchor.after(p);
    else root.prepend(p);
  }
  for (const c of root.querySelectorAll<HTMLInputElement>(CONTROLS)) {
    if (!c.disabled) c.disabled = true;
    // Read-only fields stay readable; a tooltip says why nothing changes.
    if (c.title === '') c.title = t('teacherEntry.locked.title');
  }
}

/** Locks `parts` for the rest of the page's life. */
export function applyLocks(parts: readonly Lockable[]): void {
  for (const part of parts)
    for (const root of roots(part)) {
      if (root.dataset.locked === 'true') continue;
      root.dataset.locked = 'true';
      const note = part !== 'mode' && part !== 'seed';
      disableAll(root, note);
      new MutationObserver(() => disableAll(root, note)).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    }
}
