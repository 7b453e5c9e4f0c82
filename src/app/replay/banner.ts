// A status strip under the run controls for messages that must stay until read: a replay's
// progress and verdict, a run file that could not be opened, the parts of a link that were
// ignored. Text only (textContent), each entry dismissible; a newer entry replaces one of its key.
import { h } from '../ui/dom';
import { t } from '../../i18n/i18n';
import './replay.css';

export interface BannerEntry {
  /** Entries with the same key replace each other. */
  key: string;
  kind: 'ok' | 'warn' | 'error' | 'info';
  title: string;
  lines?: string[];
  progress?: { value: number; max: number; label: string };
  actions?: { label: string; id?: string; run: () => void }[];
  /** Offers a Dismiss button (default true). */
  dismissible?: boolean;
}

export interface Banner {
  show(entry: BannerEntry): void;
  clear(key: string): void;
  readonly el: HTMLElement;
}

const ICON = { ok: '✓', warn: '!', error: '✗', info: 'i' };

export function mountBanner(parent: HTMLElement): Banner {
  const el = h('div', { id: 'run-status', class: 'run-status', 'aria-live': 'polite' });
  el.hidden = true;
  parent.append(el);
  const entries = new Map<string, HTMLElement>();

  const clear = (key: string) => {
    entries.get(key)?.remove();
    entries.delete(key);
    el.hidden = entries.size === 0;
  };

  const show = (e: BannerEntry) => {
    const old = entries.get(e.key);
    // Progress updates change the bar and its text in place (and quietly: aria-live is off there).
    const bar = old?.querySelector('progress');
    if (old && bar && e.progress) {
      bar.max = e.progress.max;
      bar.value = e.progress.value;
      const title = old.querySelector('.banner-title');
      if (title) title.textContent = e.title;
      return;
    }
    const box = h('div', { class: `banner ${e.kind}`, 'data-key': e.key, role: e.kind === 'error' ? 'alert' : undefined });
    box.append(h('span', { class: 'banner-icon', 'aria-hidden': 'true' }, ICON[e.kind]));
    const body = h('div', { class: 'banner-body' }, h('p', { class: 'banner-title' }, e.title));
    if (e.lines && e.lines.length > 0) body.append(h('ul', { class: 'banner-lines' }, ...e.lines.map((l) => h('li', {}, l))));
    if (e.progress) {
      box.setAttribute('aria-live', 'off');
      body.append(h('progress', { max: e.progress.max, value: e.progress.value, 'aria-label': e.progress.label }));
    }
    box.append(body);
    const row = h('div', { class: 'banner-actions' });
    for (const a of e.actions ?? []) {
      const b = h('button', { type: 'button', class: 'small', id: a.id }, a.label);
      b.addEventListener('click', a.run);
      row.append(b);
    }
    if (e.dismissible !== false) {
      const close = h('button', { type: 'button', class: 'small', 'aria-label': t('replay.dismissLabel', { title: e.title }) }, t('replay.dismiss'));
      close.addEventListener('click', () => clear(e.key));
      row.append(close);
    }
    box.append(row);
    if (old) old.replaceWith(box);
    else el.append(box);
    entries.set(e.key, box);
    el.hidden = false;
  };

  return { show, clear, el };
}
