// Offline use: registers the service worker that build/pwa.ts generates (precached app, lessons and
// workers), then says once, quietly, "Ready to work offline", and when a newer version has arrived
// offers "New version — Reload" (it waits until the person chooses). Loaded on demand after the page;
// its stylesheet (offline.css) is in the page's first CSS (main.ts).
import { h } from '../ui/dom';
import { t } from '../../i18n/i18n';

/** The service worker's file, next to index.html (build/pwa.ts SW_FILE). */
const SW_URL = './sw.js';
/** How long "Ready to work offline" stays on screen (a click takes it away sooner). */
export const READY_MS = 4000;

/**
 * The one quiet note: replaced by the next, never stacked. On the lesson screen it lies over the
 * run controls' message strip (it covers no question, button or tissue); elsewhere in the lower
 * right corner. The strip's box comes from an intersection observer's report, made after the
 * page's own layout: reading it at once would lay the page out while a lesson plays.
 */
function show(note: HTMLElement): void {
  const strip = document.getElementById('notices');
  const place = (r: DOMRectReadOnly | null) => {
    document.getElementById('offline-note')?.remove();
    if (r && r.width >= 200 && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth) {
      note.classList.add('in-strip');
      Object.assign(note.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, minHeight: `${r.height}px` });
    }
    // In its room (index.html, offline.css): the note then lays out the room, not the whole page.
    (document.getElementById('note-room') ?? document.body).append(note);
  };
  if (!strip || typeof IntersectionObserver !== 'function') {
    place(null);
    return;
  }
  const watch = new IntersectionObserver((entries) => {
    watch.disconnect();
    place(entries[0]?.boundingClientRect ?? null);
  });
  watch.observe(strip);
}

function showReady(): void {
  // One short line (it goes by itself); what it means is in its title.
  const note = h('div', { id: 'offline-note', class: 'offline-note quiet', role: 'status', 'aria-live': 'polite', title: t('offline.readyTitle') }, t('offline.ready'));
  note.addEventListener('click', () => note.remove());
  show(note);
  setTimeout(() => note.remove(), READY_MS);
}

function offerReload(waiting: ServiceWorker): void {
  const reload = h('button', { type: 'button', class: 'small primary', id: 'offline-reload' }, t('offline.reload'));
  const later = h('button', { type: 'button', class: 'small', 'aria-label': t('offline.laterLabel'), title: t('offline.laterLabel') }, t('offline.later'));
  const note = h('div', { id: 'offline-note', class: 'offline-note', role: 'status', 'aria-live': 'polite' }, h('span', {}, h('strong', {}, t('offline.newVersion')), ' ', t('offline.newVersionText')), reload, later);
  reload.addEventListener('click', () => {
    reload.disabled = true;
    // This page reloads once the new worker has taken over (other open pages keep their run).
    const sw = navigator.serviceWorker;
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
  later.addEventListener('click', () => note.remove());
  show(note);
}

/**
 * Registers the service worker where the page can have one (http(s) or localhost, not a file
 * opened from disk) and wires the two notes. Failure only means no offline copy: it is silent.
 */
export async function registerOffline(): Promise<void> {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const sw = navigator.serviceWorker;
  const hadController = sw.controller !== null;
  let reg: ServiceWorkerRegistration;
  try {
    reg = await sw.register(SW_URL, { scope: './' });
  } catch {
    return;
  }
  const watch = (w: ServiceWorker) =>
    w.addEventListener('statechange', () => {
      if (w.state === 'installed' && sw.controller) offerReload(w);
      else if (w.state === 'activated' && !hadController) showReady();
    });
  if (reg.waiting && sw.controller) offerReload(reg.waiting);
  if (reg.installing) watch(reg.installing);
  reg.addEventListener('updatefound', () => {
    if (reg.installing) watch(reg.installing);
  });
}
