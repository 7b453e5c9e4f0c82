// The key to the tissue picture (viz/legend: cell types, states, vesicles, marks) as a panel that
// folds out over the stage's corner from a "Key" button, so the tissue keeps the whole stage.
import { h } from './dom';

export function mountKey(box: HTMLElement, body: HTMLElement, openAtStart: boolean): void {
  const btn = h('button', { type: 'button', id: 'key-toggle', class: 'key-toggle', 'aria-expanded': String(openAtStart), 'aria-controls': body.id }, 'Key');
  box.prepend(btn);
  const set = (open: boolean) => {
    body.hidden = !open;
    btn.setAttribute('aria-expanded', String(open));
    btn.textContent = open ? 'Hide key' : 'Key';
  };
  btn.addEventListener('click', () => set(body.hidden));
  body.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      set(false);
      btn.focus();
    }
  });
  set(openAtStart);
}
