// The tissue canvas: one tissue at a time (setTissue), vesicles as pixels or a density layer,
// cells as discs in their role's colour (resting pale, switched solid) with uptake rings,
// state-change pulses and dying marks, injection sites (viz/injectMarks), pan/zoom and picking.
// It keeps the last frame and redraws itself on zoom, resize, highlight and while effects run, and
// asks for no animation frame otherwise; redraw() puts the last frame on screen again (every
// animation frame while a run plays). The density layer comes from the frame's grid (binned in
// the worker); setQuality draws less.
import type { Frame } from '../sim/frame';
import type { Scenario, TissueSpec } from '../sim/schema';
import { cellLooks, vesicleTypeColour } from './palette';
import { packColour } from './pixels';
import { createViewTransform } from './viewTransform';
import { binDots, createBins, densityLut, paintDensity, rasteriseDots, type Bins } from './dotLayer';
import { drawInjectedDots, InjectMarks, type InjectSite } from './injectMarks';
import { createGridScratch, gridUsable, gridVisible, paintGrid } from './densityGrid';
import { blitCells, drawCells, screenRadius, type CellDrawOptions } from './cellLayer';
import { spritesAvailable } from './sprites';
import { CellEffects } from './effects';
import { showPart } from './canvasBacking';
import { buildBase, drawDensityKey, drawLabels, drawStructureLabels, drawStructures, SCENE_FONT_PX, structuresInto, type SceneMap } from './tissueScene';

export type DensityMode = 'auto' | 'dots' | 'density';

/** How much the view draws: below `densityDots` visible dots it draws dots ('auto'); `effects` animates uptake and state changes. */
export interface ViewQuality {
  densityDots: number;
  effects: boolean;
}

/** Full quality, and what the page falls back to when it misses its frame budget. */
export const FULL_QUALITY: ViewQuality = { densityDots: 150_000, effects: true };
export const REDUCED_QUALITY: ViewQuality = { densityDots: 20_000, effects: false };

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
  /**
   * Another run comes into this view (Reset, New seed, Undo of them, a loaded run): its running
   * flashes, pulses, dying marks and injection marks are dropped, and the next frame counts as a
   * first one, whatever its tick (a run brought back at 6 h is not 6 h of new events).
   */
  newRun(): void;
  /** World µm → CSS px relative to the canvas's top-left corner (add its client rect for page coordinates). */
  worldToScreen(x: number, y: number): [number, number];
  /** Extra (not in the original brief): page/client px → world µm of the shown tissue, e.g. to place injected vesicles. */
  clientToWorld(clientX: number, clientY: number): [number, number];
  destroy(): void;
}

/** In 'auto', switch to the density layer above this many visible dots … */
export const DENSITY_DOTS = FULL_QUALITY.densityDots;
/** … or above this many dots per CSS px² (small canvases), whichever comes first. */
export const DENSITY_PER_PX = 0.4;
/** Above this many dots in a frame, dots are one device pixel whatever the zoom. */
const DENSE_DOTS = 300_000;
/** Density bin size, CSS px. */
const BIN_CSS_PX = 4;
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

export function createTissueView(canvas: HTMLCanvasElement, scenario: Scenario, options: TissueViewOptions = {}): TissueView {
  const ctx0 = canvas.getContext('2d', { alpha: false });
  if (!ctx0) throw new Error('this browser cannot draw on a 2D canvas');
  const ctx: CanvasRenderingContext2D = ctx0;
  const tissues: TissueSpec[] = Object.values(scenario.tissues);
  const nVesicleTypes = Math.max(1, Object.keys(scenario.vesicleTypes).length);
  const colours = Uint32Array.from({ length: nVesicleTypes }, (_, i) => packColour(vesicleTypeColour(i)));
  const lut = densityLut();
  const vesiclesPerDot = scenario.vesiclesPerDot;
  const looks = cellLooks(scenario);

  let tissue = 0;
  let nameShown = true;
  let dpr = 1;
  /** The context's transform while structures, cells and labels are drawn: CSS px to device px. */
  const transform = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
  /** Label text size: the canvas element's CSS font size, read on resize (it follows the page's text size). */
  let fontPx = SCENE_FONT_PX;
  let image: ImageData | null = null;
  let pixels = new Uint32Array(0);
  let base = new Uint32Array(0);
  /** The last raster (base and dots) without the cells written over it, for redraws of the same raster. */
  let under = new Uint32Array(0);
  /** The pixels hold cells written over the raster (blitCells): a redraw starts again from `under`. */
  let cellsIn = false;
  /** The memory behind pixels, base and under, for the largest canvas so far (pixels: its size in pixels). */
  let stores = { pixels: 0, pixelBuffer: new ArrayBuffer(0), baseBuffer: new ArrayBuffer(0), underBuffer: new ArrayBuffer(0) };
  let baseDirty = true;
  /** The base holds the structures (outlines, vessels, barriers), under the dots and cells; else they are drawn on the canvas each frame. */
  let structuresInBase = false;
  let bins: Bins | null = null;
  let lastFrame: Frame | null = null;
  let mode: DensityMode = 'auto';
  let showingDensity = false;
  let densityMax = 0;
  let reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  let highlighted: ReadonlySet<number> = new Set<number>();
  const effects = new CellEffects();
  const injects = new InjectMarks();

  let rasterPending = true;
  /** The last picture showed an effect (it may have ended since): redraw() must not skip. */
  let animated = false;
  let quality: ViewQuality = FULL_QUALITY;
  const scratch = createGridScratch();
  let rafId = 0;
  /** A frame waiting for the next animation frame (drawNext), and whom to tell once it is drawn. */
  let nextFrame: Frame | null = null;
  let onNextDrawn: ((frame: Frame) => void) | undefined;
  let destroyed = false;
  let ready = false;

  const view = createViewTransform(canvas, () => {
    baseDirty = true;
    rasterPending = true;
    schedule();
  });
  view.setAnimated(!reducedMotion);
  const sceneMap = (): SceneMap => ({ sx: view.x(), sy: view.y(), dpr });
  const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);

  canvas.style.display = 'block';
  const blank = options.blankUntilFrame === true;
  if (blank && !pictured.has(canvas)) canvas.style.visibility = 'hidden';
  if (!canvas.style.width) canvas.style.width = '100%';
  if (!canvas.style.height) canvas.style.height = '100%';
  if (!canvas.style.touchAction) canvas.style.touchAction = 'none';

  /** Writes the base and this frame's dots (or density) into the pixel buffer. */
  function rasterise(): void {
    if (!image) return;
    const W = image.width;
    const H = image.height;
    if (baseDirty) {
      buildBase(base, W, H, tissues[tissue], sceneMap());
      structuresInBase = structuresInto({ pixels: base, width: W, height: H }, tissues[tissue], sceneMap());
      baseDirty = false;
    }
    pixels.set(base);
    cellsIn = false;
    rasterPending = false;
    showingDensity = false;
    const f = lastFrame;
    if (!f || f.vesicles.count === 0) return;
    const k = view.k();
    const sx = view.x();
    const sy = view.y();
    const map = { ax: k * dpr, bx: sx(0) * dpr, ay: k * dpr, by: sy(0) * dpr };
    const sizeCss = k >= 4 ? 2 : k >= 1.5 ? 1.5 : 1;
    // Past DENSE_DOTS dots (only reachable in 'dots' mode) one device px per dot: 4× fewer writes at dpr 2.
    const size = f.vesicles.count > DENSE_DOTS ? 1 : Math.max(1, Math.round(sizeCss * dpr));
    const limit = Math.min(quality.densityDots, DENSITY_PER_PX * view.width * view.height);
    // The worker's grid: how many dots show under this zoom, without walking them.
    const d = f.density;
    const g = d?.grids[tissue];
    if (d && gridUsable(d.counts, g)) {
      const { visible, max } = gridVisible(d.counts, g, map, W, H, scratch);
      if (mode === 'density' || (mode === 'auto' && visible > limit)) {
        paintGrid({ pixels, width: W, height: H }, d.counts, g, scratch, lut, max);
        showingDensity = true;
        densityMax = (max * vesiclesPerDot * 100) / (g.binUm * g.binUm);
        return;
      }
      rasteriseDots(f.vesicles, tissue, map, { pixels, width: W, height: H }, colours, size);
      return;
    }
    const binPx = Math.max(1, Math.round(BIN_CSS_PX * dpr));
    if (!bins || bins.binPx !== binPx || bins.nx !== Math.ceil(W / binPx) || bins.ny !== Math.ceil(H / binPx)) bins = createBins(W, H, binPx);
    const target = { pixels, width: W, height: H };
    // 'auto' bins first when the frame could be too dense: binning also counts the visible
    // dots, so a dense frame costs one pass; a sparse one then draws its dots.
    const binned = mode === 'density' || (mode === 'auto' && f.vesicles.count > limit);
    const visible = binned ? binDots(f.vesicles, tissue, map, W, H, bins) : 0;
    if (!binned || (mode === 'auto' && visible <= limit)) {
      rasteriseDots(f.vesicles, tissue, map, target, colours, size);
      return;
    }
    paintDensity(target, bins, lut, bins.max);
    showingDensity = true;
    const binUm = binPx / dpr / Math.max(1e-9, k);
    densityMax = (bins.max * vesiclesPerDot * 100) / (binUm * binUm);
  }

  /** Puts the pixels on the canvas and draws structures, cells, effects and labels over them. */
  function composite(): void {
    if (!image) return;
    const t = now();
    // Flashes, pulses, dying marks or injection rings were on screen: the next redraw must happen.
    animated = effects.active(t) || injects.active(t, reducedMotion);
    // The transform set after the pixels are put, handed to what places sprites (reading it back makes a DOMMatrix each time).
    transform.a = transform.d = dpr;
    const spec = tissues[tissue];
    const m = sceneMap();
    const cellOptions: CellDrawOptions | null = lastFrame && {
      tissue,
      sx: m.sx,
      sy: m.sy,
      k: view.k(),
      width: view.width,
      height: view.height,
      highlight: highlighted,
      effects,
      now: t,
      reducedMotion: reducedMotion || !quality.effects,
      looks,
      transform,
    };
    // The cells' discs go into the pixels before they are put (no canvas call per cell); a redraw
    // of the same raster starts from the copy kept without them.
    if (lastFrame && cellOptions && spritesAvailable()) {
      if (cellsIn) pixels.set(under);
      else under.set(pixels);
      cellOptions.blitted = cellsIn = blitCells({ pixels, width: image.width, height: image.height }, lastFrame.cells, cellOptions);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.putImageData(image, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (structuresInBase) drawStructureLabels(ctx, spec, m, fontPx, transform);
    else drawStructures(ctx, spec, m, fontPx, transform);
    if (lastFrame && cellOptions) drawCells(ctx, lastFrame.cells, cellOptions);
    // Freshly injected dots over the cells for a moment (a tumour's cells would hide them), then the rings.
    if (lastFrame && !showingDensity) for (const site of injects.boosted(tissue, t, reducedMotion)) drawInjectedDots(ctx, lastFrame.vesicles, { site, sx: m.sx, sy: m.sy, colour: vesicleTypeColour(site.vesicleType) });
    injects.draw(ctx, { tissue, sx: m.sx, sy: m.sy, k: view.k(), now: t, reducedMotion, fontPx, colour: (v) => vesicleTypeColour(v) });
    drawLabels(ctx, nameShown ? spec.name : '', view.k(), view.height, fontPx, transform);
    if (blank && !pictured.has(canvas)) {
      pictured.add(canvas);
      canvas.style.visibility = '';
    }
    if (showingDensity) drawDensityKey(ctx, densityMax, view.width, view.height, fontPx, transform);
    if (quality.effects && effects.active(t)) schedule();
    if (quality.effects && injects.active(t, reducedMotion)) schedule();
    options.onRender?.();
  }

  /** Makes `frame` the one shown: its effects start, its dots are written at the next render. */
  function take(frame: Frame): void {
    lastFrame = frame;
    effects.update(frame, now());
    injects.frame(frame.tick, now());
    rasterPending = true;
  }

  function render(): void {
    // blankUntilFrame: nothing before the first frame, which draws with what was set meanwhile.
    if (!ready || destroyed || (blank && !lastFrame && !nextFrame)) return;
    if (partDue) {
      showPart(canvas, ctx, partDue.W, partDue.H);
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
    if (next) take(next);
    if (rasterPending) rasterise();
    composite();
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
    fontPx = Number.isFinite(fs) && fs > 0 ? fs : SCENE_FONT_PX;
    // The observer's last report when there is one (reading the element's size would lay out the page).
    const cssW = Math.max(1, (seen ? seen.w : canvas.clientWidth) || canvas.width / dpr);
    const cssH = Math.max(1, (seen ? seen.h : canvas.clientHeight) || canvas.height / dpr);
    const W = Math.max(1, Math.round(cssW * dpr));
    const H = Math.max(1, Math.round(cssH * dpr));
    // The observer's first report (and a text-size change that changed nothing here) draws nothing new.
    const size = `${cssW}x${cssH}@${dpr}/${fontPx}`;
    if (size === drawnSize && image) return;
    drawnSize = size;
    // The backing store is kept when it is large enough (viz/canvasBacking): a new one made this
    // task's longest part, and the compositor's next commit copy it into a new shared image. A view
    // that draws nothing before its first frame makes its store when it first draws, at the size it
    // has then (a two-view stage lays its panes out after the view is made: a store made for the
    // whole stage first was more than four times a pane's part at a prompt's stop, and made anew there).
    if (blank && !lastFrame && !nextFrame) partDue = { W, H };
    else {
      partDue = null;
      showPart(canvas, ctx, W, H);
    }
    if (!image || image.width !== W || image.height !== H) {
      // The buffers keep the largest size so far: a stage that changes size back and forth (a
      // prompt's card arriving and going) writes into memory already in use, not fresh pages.
      const n = W * H;
      if (n > stores.pixels) stores = { pixels: n, pixelBuffer: new ArrayBuffer(n * 4), baseBuffer: new ArrayBuffer(n * 4), underBuffer: new ArrayBuffer(n * 4) };
      image = new ImageData(new Uint8ClampedArray(stores.pixelBuffer, 0, n * 4), W, H);
      pixels = new Uint32Array(stores.pixelBuffer, 0, n);
      base = new Uint32Array(stores.baseBuffer, 0, n);
      under = new Uint32Array(stores.underBuffer, 0, n);
      cellsIn = false;
      bins = null;
    }
    baseDirty = true;
    rasterPending = true;
    view.setSize(cssW, cssH);
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
      take(frame);
      render();
    },
    drawNext(frame, drawn) {
      if (destroyed) return;
      nextFrame = frame;
      onNextDrawn = drawn;
      schedule();
    },
    redraw() {
      if (destroyed || !lastFrame) return;
      // The same frame under the same camera with nothing animating is the picture on screen
      // already: drawing it again would cost the page a canvas commit for nothing.
      if (!rasterPending && !nextFrame && !animated) return;
      render();
    },
    setQuality(q) {
      if (q.densityDots === quality.densityDots && q.effects === quality.effects) return;
      quality = q;
      rasterPending = true;
      // Drawn at the next animation frame, not now: the switch is decided inside a frame task
      // that has just drawn, and a second whole picture in it made that task the longest of a
      // big scene's run (a density layer, cells and key twice in one task).
      schedule();
    },
    setTissue(index) {
      const i = Math.max(0, Math.min(tissues.length - 1, Math.floor(index) || 0));
      if (i === tissue) return;
      tissue = i;
      effects.clear();
      view.setWorld(tissues[i].width, tissues[i].height);
      baseDirty = true;
      rasterPending = true;
      render();
    },
    showName(on) {
      if (on === nameShown) return;
      nameShown = on;
      render();
    },
    resize: resizeSoon,
    pick(clientX, clientY) {
      const f = lastFrame;
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
      highlighted = new Set(cellIds);
      if (ready) composite();
    },
    setDensity(m) {
      if (m === mode) return;
      mode = m;
      rasterPending = true;
      render();
    },
    markInjection(site, atTick) {
      injects.add(site, atTick);
      if (ready) composite();
    },
    newRun() {
      effects.reset();
      injects.clear();
    },
    setReducedMotion(on) {
      reducedMotion = on;
      view.setAnimated(!on);
      // Before the first frame there is nothing to redraw: the panel sets this as it makes the
      // view, and a picture of the empty tissue cost a whole render on the way to the first picture.
      if (ready && lastFrame) composite();
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
      effects.reset();
      lastFrame = null;
      image = null;
    },
  };
}
