// The page's side of a render worker (workers/tissueRender.worker.ts): a ViewBackend whose painter
// and backing store send every call there as a message. The canvas's pixels move to the worker
// (transferControlToOffscreen), and so do each new frame's vesicle and density buffers; the
// cells and the camera stay on the page, so picking and coordinates stay synchronous.
import type { Frame } from '../sim/frame';
import type { Scenario } from '../sim/schema';
import { frameStoreOf, storeBuffers } from '../sim/frame';
import { language } from '../src/i18n/i18n';
import type { Backing } from './canvasBacking';
import type { FromRenderer, ToRenderer } from './renderMessages';
import type { TissuePainter } from './tissuePainter';
import type { ViewBackend } from './tissueView';

/** Whether this browser can draw a page canvas from a worker (OffscreenCanvas with a 2D context). */
export function offscreenWorks(): boolean {
  if (typeof OffscreenCanvas !== 'function' || typeof HTMLCanvasElement === 'undefined' || typeof HTMLCanvasElement.prototype.transferControlToOffscreen !== 'function') return false;
  try {
    return new OffscreenCanvas(1, 1).getContext('2d') !== null;
  } catch {
    return false;
  }
}

/**
 * A canvas's pixels can be handed to a worker once: each canvas keeps its render worker and its
 * store's size, and a later view on it (another lesson) starts a new painter there.
 */
const links = new WeakMap<HTMLCanvasElement, { worker: Worker; store: { width: number; height: number } }>();

/**
 * A backend drawing in a render worker (`makeWorker` starts one for a canvas not yet handed over);
 * `stores` (a port to the engine worker) takes the drawn frames' buffers back.
 */
export function remoteBackend(canvas: HTMLCanvasElement, scenario: Scenario, makeWorker: () => Worker, stores: MessagePort | null): ViewBackend & { stats(): Promise<FromRenderer>; pictured(): boolean } {
  let link = links.get(canvas);
  let offscreen: OffscreenCanvas | undefined;
  if (!link) {
    link = { worker: makeWorker(), store: { width: canvas.width, height: canvas.height } };
    links.set(canvas, link);
    offscreen = canvas.transferControlToOffscreen();
  }
  const { worker, store } = link;
  const send = (m: ToRenderer, moved: Transferable[] = []) => worker.postMessage(m, moved);
  send({ kind: 'init', canvas: offscreen, scenario, lang: language() }, offscreen ? [offscreen] : []);
  if (stores) send({ kind: 'stores', port: stores }, [stores]);

  let shown: Frame | null = null;
  let tissue = 0;
  const asked = new Map<number, (r: FromRenderer) => void>();
  let nextId = 1;
  let pictured = false;
  worker.onmessage = (e: MessageEvent<FromRenderer>) => {
    const m = e.data;
    if (m.kind === 'pictured') {
      pictured = true;
      return;
    }
    const fn = asked.get(m.id);
    asked.delete(m.id);
    fn?.(m);
  };

  const backing: Backing = {
    get width() {
      return store.width;
    },
    get height() {
      return store.height;
    },
    setSize(width, height) {
      store.width = width;
      store.height = height;
      send({ kind: 'store', width, height });
    },
    clear(x, y, width, height) {
      send({ kind: 'clear', x, y, width, height });
    },
  };

  const painter: TissuePainter = {
    size: (W, H, dpr, fontPx) => send({ kind: 'size', W, H, dpr, fontPx }),
    camera: (camera) => send({ kind: 'camera', camera }),
    take(frame) {
      if (frame === shown) {
        send({ kind: 'take', frame: null });
        return;
      }
      shown = frame;
      // The vesicles and the density grid move (the page keeps the cells, for picking); the
      // samples and warnings are the panels', not the picture's.
      const moved = frame.vesicles.xy.buffer.byteLength > 0 ? [...new Set(storeBuffers(frameStoreOf(frame)))] : [];
      send({ kind: 'take', frame: { ...frame, samples: { from: 0, t: [], values: [] }, warnings: [] } }, moved);
    },
    paint(_now, onlyIfChanged = false) {
      send({ kind: 'paint', onlyIfChanged });
      return true;
    },
    running: false,
    get frame() {
      return shown;
    },
    get tissue() {
      return tissue;
    },
    setTissue(index) {
      tissue = index;
      send({ kind: 'tissue', index });
    },
    showName: (on) => send({ kind: 'name', on }),
    setDensity: (mode) => send({ kind: 'density', mode }),
    setQuality: (quality) => send({ kind: 'quality', quality }),
    setReducedMotion: (reduced) => send({ kind: 'motion', reduced }),
    highlight: (ids) => send({ kind: 'highlight', ids: [...ids] }),
    markInjection: (site, atTick) => send({ kind: 'inject', site, atTick }),
    clear() {
      shown = null;
    },
  };

  return {
    painter,
    backing,
    destroy() {
      // The worker stays with the canvas (its pixels are there); the next view's init replaces the painter.
      worker.onmessage = null;
    },
    pictured: () => pictured,
    stats() {
      const id = nextId++;
      return new Promise<FromRenderer>((resolve: (r: FromRenderer) => void) => {
        asked.set(id, resolve);
        send({ kind: 'stats', id });
      });
    },
  };
}
