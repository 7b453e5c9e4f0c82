// Parts of the page a shared link locks (lock=settings,…): they stay in view, but every control in
// them is disabled — also controls a panel builds or re-enables later — with a short note saying
// why. The link's reader (src/lab/share/link.ts) decides which parts; this file only disables them.
import type { Lockable } from '../../lab';
import { h } from '../ui/dom';

const CONTROLS = 'input, select, textarea, button';

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

function disableAll(root: HTMLElement): void {
  for (const c of root.querySelectorAll<HTMLInputElement>(CONTROLS)) {
    if (!c.disabled) c.disabled = true;
    // Read-only fields stay readable; a tooltip says why nothing changes.
    if (c.title === '') c.title = 'Locked by the link your teacher shared';
  }
}

/** Locks `parts` for the rest of the page's life. */
export function applyLocks(parts: readonly Lockable[]): void {
  for (const part of parts)
    for (const root of roots(part)) {
      if (root.dataset.locked === 'true') continue;
      root.dataset.locked = 'true';
      if (part !== 'mode' && part !== 'seed') {
        const note = h('p', { class: 'help locked-note' }, 'Locked: the link you opened fixes these, so they cannot be changed.');
        const heading = root.querySelector('h2');
        if (heading) heading.after(note);
        else root.prepend(note);
      }
      disableAll(root);
      new MutationObserver(() => disableAll(root)).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
    }
}
