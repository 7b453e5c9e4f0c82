// The key to the tissue picture (viz/legend: cell types, states, vesicles, marks) as a panel that
// folds out over the stage's corner from a "Key" button, so the tissue keeps the whole stage.
import { h } from './dom';
import { t } from '../../i18n/i18n';

export function mountKey(box: HTMLElement, body: HTMLElement, openAtStart: boolean): void {
  const btn = h('button', { type: 'button', id: 'key-toggle', class: 'key-toggle', 'aria-expanded': String(openAtStart), 'aria-controls': body.id }, t('key.show'));
  box.prepend(btn);
  const set = (open: boolean) => {
    body.hidden = !open;
    btn.setAttribute('aria-expanded', String(open));
    btn.textContent = open ? t('key.hide') : t('key.show');
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
