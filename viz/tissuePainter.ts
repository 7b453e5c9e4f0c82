// Paints one tissue picture on a 2D context: the base and the frame's dots (or density layer) as
// pixels, then structures, cells, effects, injection marks, labels and the density key over them.
// Host-neutral (a page's canvas or a render worker's OffscreenCanvas): it is told the camera and
// the size, and never reads the DOM, so viz/tissueView (on the page) and workers/tissueRender.worker
// share every line of the drawing.
import type { Frame } from '../sim/frame';
import type { Scenario, TissueSpec } from '../sim/schema';
import { cellLooks, vesicleTypeColour } from './palette';
import { packColour } from './pixels';
import { binDots, createBins, densityLut, paintDensity, rasteriseDots, type Bins } from './dotLayer';
import { drawInjectedDots, InjectMarks, type InjectSite } from './injectMarks';
import { createGridScratch, gridUsable, gridVisible, paintGrid } from './densityGrid';
import { drawCells } from './cellLayer';
import { CellEffects } from './effects';
import { buildBase, drawDensityKey, drawLabels, drawStructures, SCENE_FONT_PX, type SceneMap } from './tissueScene';

export type DensityMode = 'auto' | 'dots' | 'density';

/** How much the view draws: below `densityDots` visible dots it draws dots ('auto'); `effects` animates uptake and state changes. */
export interface ViewQuality {
  densityDots: number;
  effects: boolean;
}

/** Full quality, and what the page falls back to when it misses its frame budget. */
export const FULL_QUALITY: ViewQuality = { densityDots: 150_000, effects: true };
export const REDUCED_QUALITY: ViewQuality = { densityDots: 20_000, effects: false };

/** In 'auto', switch to the density layer above this many visible dots … */
export const DENSITY_DOTS = FULL_QUALITY.densityDots;
/** … or above this many dots per CSS px² (small canvases), whichever comes first. */
export const DENSITY_PER_PX = 0.4;
/** Above this many dots in a frame, dots are one device pixel whatever the zoom. */
const DENSE_DOTS = 300_000;
/** Density bin size, CSS px. */
const BIN_CSS_PX = 4;

/** The camera the painter draws under: world µm → CSS px as `a·x + b` per axis, the zoom and the canvas's CSS size. */
export interface PaintCamera {
  ax: number;
  bx: number;
  ay: number;
  by: number;
  /** CSS px per µm. */
  k: number;
  width: number;
  height: number;
}

/** The 2D context both hosts give (a page canvas's or an OffscreenCanvas's; the drawing code uses the common part). */
export type PaintContext = CanvasRenderingContext2D;

export interface TissuePainter {
  /** The pixel buffers' size (device px), the device px per CSS px and the labels' text size. */
  size(W: number, H: number, dpr: number, fontPx: number): void;
  camera(c: PaintCamera): void;
  /** Makes `frame` the one shown: its effects start, its dots are written at the next paint. */
  take(frame: Frame, now: number): void;
  /**
   * Paints. With `onlyIfChanged`, nothing happens when the picture on screen is already this one
   * (the same frame under the same camera with nothing animating). Returns whether a paint was
   * made; `running` tells whether effects still animate (another paint is due).
   */
  paint(now: number, onlyIfChanged?: boolean): boolean;
  /** Whether the last picture had effects running that want another paint soon. */
  readonly running: boolean;
  readonly frame: Frame | null;
  readonly tissue: number;
  setTissue(i: number): void;
  showName(on: boolean): void;
  setDensity(m: DensityMode): void;
  setQuality(q: ViewQuality): void;
  setReducedMotion(on: boolean): void;
  highlight(ids: Iterable<number>): void;
  markInjection(site: InjectSite, atTick: number): void;
  /** Drops the frame and the buffers. */
  clear(): void;
}

export function createTissuePainter(ctx: PaintContext, scenario: Scenario): TissuePainter {
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
  /** Label text size (the canvas element's CSS font size: it follows the page's text size). */
  let fontPx = SCENE_FONT_PX;
  let image: ImageData | null = null;
  let pixels = new Uint32Array(0);
  let base = new Uint32Array(0);
  /** The memory behind pixels and base, for the largest canvas so far (pixels: its size in pixels). */
  let stores = { pixels: 0, pixelBuffer: new ArrayBuffer(0), baseBuffer: new ArrayBuffer(0) };
  let baseDirty = true;
  let bins: Bins | null = null;
  let lastFrame: Frame | null = null;
  let mode: DensityMode = 'auto';
  let showingDensity = false;
  let densityMax = 0;
  let reducedMotion = false;
  let highlighted: ReadonlySet<number> = new Set<number>();
  const effects = new CellEffects();
  const injects = new InjectMarks();
  let rasterPending = true;
  /** The last picture showed an effect (it may have ended since): a paint must not be skipped. */
  let animated = false;
  let running = false;
  let quality: ViewQuality = FULL_QUALITY;
  const scratch = createGridScratch();
  let cam: PaintCamera = { ax: 1, bx: 0, ay: 1, by: 0, k: 1, width: 1, height: 1 };
  const sx = (x: number) => cam.ax * x + cam.bx;
  const sy = (y: number) => cam.ay * y + cam.by;
  const sceneMap = (): SceneMap => ({ sx, sy, dpr });

  /** Writes the base and this frame's dots (or density) into the pixel buffer. */
  function rasterise(): void {
    if (!image) return;
    const W = image.width;
    const H = image.height;
    if (baseDirty) {
      buildBase(base, W, H, tissues[tissue], sceneMap());
      baseDirty = false;
    }
    pixels.set(base);
    rasterPending = false;
    showingDensity = false;
    const f = lastFrame;
    if (!f || f.vesicles.count === 0) return;
    const k = cam.k;
    const map = { ax: k * dpr, bx: sx(0) * dpr, ay: k * dpr, by: sy(0) * dpr };
    const sizeCss = k >= 4 ? 2 : k >= 1.5 ? 1.5 : 1;
    // Past DENSE_DOTS dots (only reachable in 'dots' mode) one device px per dot: 4× fewer writes at dpr 2.
    const size = f.vesicles.count > DENSE_DOTS ? 1 : Math.max(1, Math.round(sizeCss * dpr));
    const limit = Math.min(quality.densityDots, DENSITY_PER_PX * cam.width * cam.height);
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
  function composite(t: number): void {
    if (!image) return;
    // Flashes, pulses, dying marks or injection rings were on screen: the next paint must happen.
    animated = effects.active(t) || injects.active(t, reducedMotion);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.putImageData(image, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // The transform just set, handed to what places sprites (reading it back makes a DOMMatrix each time).
    transform.a = transform.d = dpr;
    const spec = tissues[tissue];
    const m = sceneMap();
    drawStructures(ctx, spec, m, fontPx, transform);
    if (lastFrame) {
      drawCells(ctx, lastFrame.cells, {
        tissue,
        sx,
        sy,
        k: cam.k,
        width: cam.width,
        height: cam.height,
        highlight: highlighted,
        effects,
        now: t,
        reducedMotion: reducedMotion || !quality.effects,
        looks,
        transform,
      });
    }
    // Freshly injected dots over the cells for a moment (a tumour's cells would hide them), then the rings.
    if (lastFrame && !showingDensity) for (const site of injects.boosted(tissue, t, reducedMotion)) drawInjectedDots(ctx, lastFrame.vesicles, { site, sx, sy, colour: vesicleTypeColour(site.vesicleType) });
    injects.draw(ctx, { tissue, sx, sy, k: cam.k, now: t, reducedMotion, fontPx, colour: (v) => vesicleTypeColour(v) });
    drawLabels(ctx, nameShown ? spec.name : '', cam.k, cam.height, fontPx, transform);
    if (showingDensity) drawDensityKey(ctx, densityMax, cam.width, cam.height, fontPx, transform);
    running = (quality.effects && effects.active(t)) || (quality.effects && injects.active(t, reducedMotion));
  }

  return {
    size(W, H, d, font) {
      dpr = d;
      fontPx = font;
      if (!image || image.width !== W || image.height !== H) {
        // The buffers keep the largest size so far: a stage that changes size back and forth (a
        // prompt's card arriving and going) writes into memory already in use, not fresh pages.
        const n = W * H;
        if (n > stores.pixels) stores = { pixels: n, pixelBuffer: new ArrayBuffer(n * 4), baseBuffer: new ArrayBuffer(n * 4) };
        image = new ImageData(new Uint8ClampedArray(stores.pixelBuffer, 0, n * 4), W, H);
        pixels = new Uint32Array(stores.pixelBuffer, 0, n);
        base = new Uint32Array(stores.baseBuffer, 0, n);
        bins = null;
      }
      baseDirty = true;
      rasterPending = true;
    },
    camera(c) {
      cam = c;
      baseDirty = true;
      rasterPending = true;
    },
    take(frame, now) {
      lastFrame = frame;
      effects.update(frame, now);
      injects.frame(frame.tick, now);
      rasterPending = true;
    },
    paint(now, onlyIfChanged = false) {
      if (!image) return false;
      if (onlyIfChanged && !rasterPending && !animated) return false;
      if (rasterPending) rasterise();
      composite(now);
      return true;
    },
    get running() {
      return running;
    },
    get frame() {
      return lastFrame;
    },
    get tissue() {
      return tissue;
    },
    setTissue(i) {
      tissue = i;
      effects.clear();
      baseDirty = true;
      rasterPending = true;
    },
    showName(on) {
      nameShown = on;
    },
    setDensity(m) {
      mode = m;
      rasterPending = true;
    },
    setQuality(q) {
      quality = q;
      rasterPending = true;
    },
    setReducedMotion(on) {
      reducedMotion = on;
    },
    highlight(ids) {
      highlighted = new Set(ids);
    },
    markInjection(site, atTick) {
      injects.add(site, atTick);
    },
    clear() {
      effects.reset();
      lastFrame = null;
      image = null;
    },
  };
}
