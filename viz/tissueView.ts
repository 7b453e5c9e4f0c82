// The tissue canvas: one tissue at a time (setTissue), vesicles as pixels or a density layer,
// cells as discs in their role's colour (resting pale, switched solid) with uptake rings,
// state-change pulses and dying marks, injection sites (viz/injectMarks), pan/zoom and picking.
// It keeps the last frame and redraws itself on zoom, resize, highlight and while effects run, and
// asks for no animation frame otherwise; redraw() puts the last frame on screen again (every
// animation frame while a run plays). The density layer comes from the frame's grid (binned in
// the worker); setQuality draws less. The drawing itself is viz/tissuePainter's, on the page's
// canvas (pageBackend) or in a render worker (a ViewBackend that sends it there).
import type { Frame } from '../sim/frame';
import type { Scenario, TissueSpec } from '../sim/schema';
import { createViewTransform } from './viewTransform';
import type { InjectSite } from './injectMarks';
import { screenRadius } from './cellLayer';
import { SCENE_FONT_PX } from './tissueScene';
import { ownBacking, showPartOf, type Backing } from './canvasBacking';
import { createTissuePainter, FULL_QUALITY, type DensityMode, type PaintCamera, type TissuePainter, type ViewQuality } from './tissuePainter';

export { DENSITY_DOTS, DENSITY_PER_PX, FULL_QUALITY, REDUCED_QUALITY, type DensityMode, type ViewQuality } from './tissuePainter';

export interface TissueView {
  /** Draws a new frame. */
  draw(frame: Frame): void;
  /**
   * Draws a new frame at the next animation frame, in the same redraw as any running effects
   * (never twice in one frame); a later call before then replaces the frame. `drawn` is told
   * each frame once it is on screen.
   */
  drawNext(frame: Frame, drawn?: (frame: Frame) => void): void;
  /** Draws the last frame again under the current zoom, pan and effects. */
  redraw(): void;
  setQuality(q: ViewQuality): void;
  setTissue(index: number): void;
  /** Whether the tissue's name is drawn in the top-left corner (two views side by side have titles of their own). */
  showName(on: boolean): void;
  /** Measures the canvas again and redraws, in a task of its own (soon after this one). */
  resize(): void;
  pick(clientX: number, clientY: number): { kind: 'cell'; id: number; index: number } | null;
  highlight(cellIds: number[]): void;
  setDensity(mode: DensityMode): void;
  setReducedMotion(on: boolean): void;
  /** Marks where vesicles were just injected: spreading rings, and for a moment larger dots of that kind. */
  markInjection(site: InjectSite, atTick: number): void;
  /** World µm → CSS px relative to the canvas's top-left corner (add its client rect for page coordinates). */
  worldToScreen(x: number, y: number): [number, number];
  /** Extra (not in the original brief): page/client px → world µm of the shown tissue, e.g. to place injected vesicles. */
  clientToWorld(clientX: number, clientY: number): [number, number];
  destroy(): void;
}

/** The canvas resolution is capped at this many device px per CSS px (4K projectors stay fast). */
const MAX_DPR = 2;
/** Extra CSS px around a cell's disc that still picks it. */
const PICK_SLOP = 3;
/**
 * Canvases a view has put a picture on. An opaque canvas's context shows black until something is
 * drawn: a view that draws nothing before its first frame (`blankUntilFrame`) hides a canvas no view
 * has drawn on yet until its first picture, so the stage shows through instead of a black box.
 */
const pictured = new WeakSet<HTMLCanvasElement>();

/** How a view schedules its own redraws (drawNext, zoom, running effects). */
export interface TissueViewOptions {
  /**
   * Draw in a task of its own right after the animation frame instead of inside it (the page's
   * frame task then holds its style, layout and commit, not a view's drawing too; in a two-view
   * lesson each view draws in a task of its own). What it draws shows one animation frame later.
   */
  afterFrame?: boolean;
  /** Runs after every picture the view puts on screen (what is drawn over it follows the camera). */
  onRender?: () => void;
  /**
   * Draw nothing before the first frame (the run's main view, whose first frame comes at once: the
   * camera set for the canvas's size and the stage's first resize each drew the empty tissue on the
   * way to the first picture). A view whose frames come later (a second run's) draws the empty
   * tissue meanwhile.
   */
  blankUntilFrame?: boolean;
}

/** What a view draws with: a painter and the store its pictures go into (on the page, or in a render worker). */
export interface ViewBackend {
  painter: TissuePainter;
  backing: Backing;
  destroy?(): void;
}

/** The page's own drawing: the canvas's 2D context and backing store. */
export function pageBackend(canvas: HTMLCanvasElement, scenario: Scenario): ViewBackend {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('this browser cannot draw on a 2D canvas');
  return { painter: createTissuePainter(ctx, scenario), backing: ownBacking(canvas, ctx) };
}

export function createTissueView(canvas: HTMLCanvasElement, scenario: Scenario, options: TissueViewOptions = {}, backend: ViewBackend = pageBackend(canvas, scenario)): TissueView {
  const tissues: TissueSpec[] = Object.values(scenario.tissues);
  const { painter, backing } = backend;

  let tissue = 0;
  let nameShown = true;
  let dpr = 1;
  let reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  painter.setReducedMotion(reducedMotion);
  let quality: ViewQuality = FULL_QUALITY;
  let mode: DensityMode = 'auto';
  let rafId = 0;
  /** A frame waiting for the next animation frame (drawNext), and whom to tell once it is drawn. */
  let nextFrame: Frame | null = null;
  let onNextDrawn: ((frame: Frame) => void) | undefined;
  let destroyed = false;
  let ready = false;
  /** A picture has been asked of the painter (its buffers exist). */
  let sized = false;

  /** The view transform as the painter takes it. */
  const camera = (): PaintCamera => {
    const x = view.x();
    const y = view.y();
    const bx = x(0);
    const by = y(0);
    return { ax: x(1) - bx, bx, ay: y(1) - by, by, k: view.k(), width: view.width, height: view.height };
  };
  const view = createViewTransform(canvas, () => {
    painter.camera(camera());
    schedule();
  });
  view.setAnimated(!reducedMotion);
  const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);

  canvas.style.display = 'block';
  const blank = options.blankUntilFrame === true;
  if (blank && !pictured.has(canvas)) canvas.style.visibility = 'hidden';
  if (!canvas.style.width) canvas.style.width = '100%';
  if (!canvas.style.height) canvas.style.height = '100%';
  if (!canvas.style.touchAction) canvas.style.touchAction = 'none';

  /** After a picture: the canvas shown, running effects scheduled, what is drawn over it told. */
  function painted(): void {
    if (blank && !pictured.has(canvas)) {
      pictured.add(canvas);
      canvas.style.visibility = '';
    }
    if (painter.running) schedule();
    options.onRender?.();
  }

  /** Paints the shown frame again (a highlight, an injection's marks, reduced motion). */
  function composite(): void {
    if (painter.paint(now())) painted();
  }

  function render(): void {
    // blankUntilFrame: nothing before the first frame, which draws with what was set meanwhile.
    if (!ready || destroyed || (blank && !painter.frame && !nextFrame)) return;
    if (partDue) {
      showPartOf(canvas, backing, partDue.W, partDue.H);
      partDue = null;
    }
    if (rafId && typeof cancelAnimationFrame === 'function') {
      cancelAnimationFrame(rafId);
      rafId = 0;
    }
    renders++;
    const next = nextFrame;
    const tell = onNextDrawn;
    nextFrame = null;
    onNextDrawn = undefined;
    if (next) painter.take(next, now());
    if (painter.paint(now())) painted();
    if (next) tell?.(next);
  }

  /** One redraw on the next animation frame (coalesces zoom events and effect animation). */
  // afterFrame: the animation frame posts a message, and the redraw runs as that message's task.
  const afterFrame = options.afterFrame === true && typeof MessageChannel === 'function' ? new MessageChannel() : null;
  /** A redraw posted after the frame (afterFrame), and the render count when it was posted. */
  let posted = false;
  let renders = 0;
  let postedAt = 0;
  /** A redraw was asked for while one was posted. */
  let again = false;
  if (afterFrame) {
    afterFrame.port1.onmessage = () => {
      posted = false;
      // Drawn meanwhile (a frame, a resize) and nothing asked for since: nothing left to do.
      if (renders === postedAt || again) render();
      again = false;
    };
  }

  function schedule(): void {
    if (posted) again = true;
    if (rafId || posted || destroyed || !ready) return;
    if (typeof requestAnimationFrame !== 'function') return;
    rafId = requestAnimationFrame(() => {
      rafId = 0;
      if (!afterFrame) {
        render();
        return;
      }
      posted = true;
      postedAt = renders;
      afterFrame.port2.postMessage(0);
    });
  }

  /** The size and text size the view was last laid out for. */
  let drawnSize = '';
  /** The part of the backing store to show, when the store waits for the view's first drawing (device px). */
  let partDue: { W: number; H: number } | null = null;
  function resize(paint = true): void {
    if (destroyed) return;
    dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? Math.min(MAX_DPR, devicePixelRatio) : 1;
    const fs = typeof getComputedStyle === 'function' ? parseFloat(getComputedStyle(canvas).fontSize) : NaN;
    const fontPx = Number.isFinite(fs) && fs > 0 ? fs : SCENE_FONT_PX;
    // The observer's last report when there is one (reading the element's size would lay out the page).
    const cssW = Math.max(1, (seen ? seen.w : canvas.clientWidth) || backing.width / dpr);
    const cssH = Math.max(1, (seen ? seen.h : canvas.clientHeight) || backing.height / dpr);
    const W = Math.max(1, Math.round(cssW * dpr));
    const H = Math.max(1, Math.round(cssH * dpr));
    // The observer's first report (and a text-size change that changed nothing here) draws nothing new.
    const size = `${cssW}x${cssH}@${dpr}/${fontPx}`;
    if (size === drawnSize && sized) return;
    drawnSize = size;
    // The backing store is kept when it is large enough (viz/canvasBacking): a new one made this
    // task's longest part, and the compositor's next commit copy it into a new shared image. A view
    // that draws nothing before its first frame makes its store when it first draws, at the size it
    // has then (a two-view stage lays its panes out after the view is made: a store made for the
    // whole stage first was more than four times a pane's part at a prompt's stop, and made anew there).
    if (blank && !painter.frame && !nextFrame) partDue = { W, H };
    else {
      partDue = null;
      showPartOf(canvas, backing, W, H);
    }
    painter.size(W, H, dpr, fontPx);
    sized = true;
    view.setSize(cssW, cssH);
    painter.camera(camera());
    if (paint) render();
  }

  function clientToWorld(clientX: number, clientY: number): [number, number] {
    const rect = canvas.getBoundingClientRect();
    return view.screenToWorld(clientX - rect.left - canvas.clientLeft, clientY - rect.top - canvas.clientTop);
  }

  function onKey(e: KeyboardEvent): void {
    if (e.target !== canvas || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === '+' || e.key === '=') view.zoomBy(1.5);
    else if (e.key === '-' || e.key === '_') view.zoomBy(1 / 1.5);
    else if (e.key === '0') view.reset();
    else return;
    e.preventDefault();
  }
  canvas.addEventListener('keydown', onKey);

  /** The canvas's size as its resize observer last reported it (CSS px, rounded as clientWidth is). */
  let seen: { w: number; h: number } | null = null;
  let resizeTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Measures and redraws in a task of its own: the observer reports in the animation frame's
   * task, after the page's layout, and a redraw there (the canvas resized, its base rebuilt)
   * made that frame's task a long one when the page's layout changed (charts, the key arriving).
   */
  function resizeSoon(): void {
    if (destroyed || resizeTimer !== null) return;
    resizeTimer = setTimeout(() => {
      resizeTimer = null;
      resize();
    }, 0);
  }
  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const box = entries[entries.length - 1]?.contentRect;
          if (box) seen = { w: Math.round(box.width), h: Math.round(box.height) };
          resizeSoon();
        })
      : null;
  observer?.observe(canvas);

  view.setWorld(tissues[0].width, tissues[0].height);
  ready = true;
  // Measured now, drawn with the first frame: a picture of the empty tissue first cost a whole
  // render (labels and all) just before the run's first frame was drawn.
  resize(false);

  return {
    draw(frame) {
      if (destroyed) return;
      // A frame waiting for drawNext is older than this one: it is passed over.
      nextFrame = null;
      onNextDrawn = undefined;
      painter.take(frame, now());
      render();
    },
    drawNext(frame, drawn) {
      if (destroyed) return;
      nextFrame = frame;
      onNextDrawn = drawn;
      schedule();
    },
    redraw() {
      if (destroyed || !painter.frame) return;
      if (nextFrame) {
        render();
        return;
      }
      // The same frame under the same camera with nothing animating is the picture on screen
      // already: the painter skips it (drawing it again would cost the page a canvas commit for nothing).
      if (!ready || (blank && !painter.frame)) return;
      if (rafId && typeof cancelAnimationFrame === 'function') {
        cancelAnimationFrame(rafId);
        rafId = 0;
      }
      renders++;
      if (painter.paint(now(), true)) painted();
    },
    setQuality(q) {
      if (q.densityDots === quality.densityDots && q.effects === quality.effects) return;
      quality = q;
      painter.setQuality(q);
      // Drawn at the next animation frame, not now: the switch is decided inside a frame task
      // that has just drawn, and a second whole picture in it made that task the longest of a
      // big scene's run (a density layer, cells and key twice in one task).
      schedule();
    },
    setTissue(index) {
      const i = Math.max(0, Math.min(tissues.length - 1, Math.floor(index) || 0));
      if (i === tissue) return;
      tissue = i;
      painter.setTissue(i);
      view.setWorld(tissues[i].width, tissues[i].height);
      painter.camera(camera());
      render();
    },
    showName(on) {
      if (on === nameShown) return;
      nameShown = on;
      painter.showName(on);
      render();
    },
    resize: resizeSoon,
    pick(clientX, clientY) {
      const f = painter.frame;
      if (!f) return null;
      const [wx, wy] = clientToWorld(clientX, clientY);
      const slop = PICK_SLOP / Math.max(1e-9, view.k());
      const c = f.cells;
      let best = -1;
      let bestGap = Infinity;
      for (let i = 0; i < c.count; i++) {
        if (c.tissue[i] !== tissue) continue;
        const gap = Math.hypot(c.x[i] - wx, c.y[i] - wy) - screenRadius(c.radius[i], view.k()) / Math.max(1e-9, view.k());
        if (gap <= slop && gap < bestGap) {
          best = i;
          bestGap = gap;
        }
      }
      return best < 0 ? null : { kind: 'cell', id: c.id[best], index: best };
    },
    highlight(cellIds) {
      painter.highlight(cellIds);
      if (ready) composite();
    },
    setDensity(m) {
      if (m === mode) return;
      mode = m;
      painter.setDensity(m);
      render();
    },
    markInjection(site, atTick) {
      painter.markInjection(site, atTick);
      if (ready) composite();
    },
    setReducedMotion(on) {
      reducedMotion = on;
      painter.setReducedMotion(on);
      view.setAnimated(!on);
      // Before the first frame there is nothing to redraw: the panel sets this as it makes the
      // view, and a picture of the empty tissue cost a whole render on the way to the first picture.
      if (ready && painter.frame) composite();
    },
    worldToScreen: (x, y) => view.worldToScreen(x, y),
    clientToWorld,
    destroy() {
      destroyed = true;
      if (rafId && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(rafId);
      rafId = 0;
      observer?.disconnect();
      if (resizeTimer !== null) clearTimeout(resizeTimer);
      resizeTimer = null;
      if (afterFrame) {
        afterFrame.port1.onmessage = null;
        afterFrame.port1.close();
      }
      canvas.removeEventListener('keydown', onKey);
      view.detach();
      painter.clear();
      backend.destroy?.();
    },
  };
}
