// Short notices in a polite live region: refusals, applied interventions, run warnings. The
// newest few stay visible for a while; screen readers announce each once.
import { h } from './dom';

const KEEP = 3;
const SHOW_MS = 9000;

export type Notify = (text: string, kind?: 'info' | 'warn') => void;

export function mountNotices(root: HTMLElement): Notify {
  return (text, kind = 'info') => {
    const item = h('p', { class: `notice ${kind}` }, text);
    root.append(item);
    while (root.children.length > KEEP) root.firstElementChild?.remove();
    setTimeout(() => item.remove(), SHOW_MS);
  };
}
