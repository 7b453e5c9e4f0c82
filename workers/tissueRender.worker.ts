// The render worker: draws one tissue view on an OffscreenCanvas handed over by the page (its
// commits then leave the page's main thread). It runs viz/tissuePainter on the messages of
// viz/renderMessages, and hands each drawn frame's buffers back to the engine worker's pool.
import { createTissuePainter, type TissuePainter } from '../viz/tissuePainter';
import type { FromRenderer, ToRenderer } from '../viz/renderMessages';
import { frameStoreOf, storeBuffers, type Frame } from '../sim/index';
import { setLanguage } from '../src/i18n/i18n';
import type { Lang } from '../src/i18n/languages';

let canvas: OffscreenCanvas | null = null;
let painter: TissuePainter | null = null;
let stores: MessagePort | null = null;
/** Messages that came before the language's texts were loaded, handled in order once they are. */
let queue: ToRenderer[] | null = null;
const counts = { paints: 0, frames: 0, storesBack: 0 };
/** An animation frame asked for while effects run, and whether a paint came from the page since. */
let rafAsked = false;
let paintedSince = false;
/** The page has been told of the first picture of a frame (for each painter). */
let pictured = false;

/** The frame drawn last: its buffers go back when a newer one replaces it. */
function giveBack(f: Frame | null): void {
  if (!f || f.vesicles.xy.buffer.byteLength === 0) return;
  const store = frameStoreOf(f);
  if (stores) {
    stores.postMessage([store], storeBuffers(store));
    counts.storesBack++;
  }
}

function paint(onlyIfChanged: boolean): void {
  if (!painter) return;
  if (painter.paint(performance.now(), onlyIfChanged)) {
    counts.paints++;
    if (!pictured && painter.frame) {
      pictured = true;
      const told: FromRenderer = { kind: 'pictured' };
      postMessage(told);
    }
  }
  paintedSince = true;
  if (painter.running) keepAnimating();
}

/** Running effects (flashes, pulses, injection rings) are drawn on while the page sends no paints (a paused run). */
function keepAnimating(): void {
  if (rafAsked) return;
  rafAsked = true;
  paintedSince = false;
  const next = () => {
    rafAsked = false;
    if (!painter?.running) return;
    if (paintedSince) keepAnimating();
    else paint(false);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(next);
  else setTimeout(next, 16);
}

function handle(m: ToRenderer): void {
  if (m.kind === 'stores') {
    stores = m.port;
    return;
  }
  if (m.kind === 'stats') {
    const answer: FromRenderer = { kind: 'stats', id: m.id, ...counts };
    postMessage(answer);
    return;
  }
  const p = painter;
  if (!p || !canvas) return;
  switch (m.kind) {
    case 'size':
      p.size(m.W, m.H, m.dpr, m.fontPx);
      break;
    case 'store':
      canvas.width = m.width;
      canvas.height = m.height;
      break;
    case 'clear': {
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(m.x, m.y, m.width, m.height);
      break;
    }
    case 'camera':
      p.camera(m.camera);
      break;
    case 'take': {
      const before = p.frame;
      const f = m.frame ?? before;
      if (!f) break;
      if (f !== before) {
        giveBack(before);
        counts.frames++;
      }
      p.take(f, performance.now());
      break;
    }
    case 'paint':
      paint(m.onlyIfChanged);
      break;
    case 'tissue':
      p.setTissue(m.index);
      break;
    case 'name':
      p.showName(m.on);
      break;
    case 'density':
      p.setDensity(m.mode);
      break;
    case 'quality':
      p.setQuality(m.quality);
      break;
    case 'motion':
      p.setReducedMotion(m.reduced);
      break;
    case 'highlight':
      p.highlight(m.ids);
      break;
    case 'inject':
      p.markInjection(m.site, m.atTick);
      break;
  }
}

self.onmessage = (e: MessageEvent<ToRenderer>) => {
  const m = e.data;
  if (m.kind === 'init') {
    if (m.canvas) canvas = m.canvas;
    if (!canvas) return;
    giveBack(painter?.frame ?? null);
    pictured = false;
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) return;
    painter = createTissuePainter(ctx as unknown as Parameters<typeof createTissuePainter>[0], m.scenario);
    queue = [];
    void setLanguage(m.lang as Lang)
      .catch(() => undefined)
      .then(() => {
        const waiting = queue ?? [];
        queue = null;
        for (const q of waiting) handle(q);
      });
    return;
  }
  if (queue) queue.push(m);
  else handle(m);
};
