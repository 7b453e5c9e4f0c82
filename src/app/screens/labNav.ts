// The Lab column's short menu: one button per section (Settings, Inspect, Tools, Runs and files)
// that scrolls the column to it and moves focus there — no fragment links, so the browser's Back
// button still means "back to the lessons".
import { h } from '../ui/dom';
import { t } from '../../i18n/i18n';

export function mountLabNav(root: HTMLElement, sections: { id: string; label: string }[]): void {
  const buttons = sections.map(({ id, label }) => {
    const b = h('button', { type: 'button', class: 'small', 'data-target': id }, label);
    b.addEventListener('click', () => {
      const target = document.getElementById(id);
      if (!target) return;
      target.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      const heading = target.querySelector<HTMLElement>('h2');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
    });
    return b;
  });
  root.append(h('nav', { 'aria-label': t('lab.sections') }, ...buttons));
}
