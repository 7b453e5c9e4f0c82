// A canvas's backing store that only grows: when its box gets smaller (a prompt's card arriving
// and going, a two-view stage laid out anew) the view draws into the top-left part of the pixels it
// already has, and CSS `object-view-box` shows that part scaled to the box, pixel for pixel as a
// backing store of exactly that size would. A new backing store costs the page a new bitmap, and
// the compositor a new shared image at its next commit; browsers without `object-view-box` get a
// backing store of exactly the box's size, as before.

/** Device px the backing store grows by at least, so that small growths fit in the last one. */
const GRAIN = 64;

/** Whether this browser shows a part of a canvas's pixels scaled to its box (Chromium 104 and later). */
const viewBoxWorks = typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('object-view-box', 'inset(0px 1px 1px 0px)');

/** The part of each canvas that its box shows (device px from the top-left corner). */
const parts = new WeakMap<HTMLCanvasElement, { width: number; height: number; viewBox: string }>();

/** The part of `canvas` its box shows, in device px from the top-left corner (the whole canvas when no part was set). */
export function shownPixels(canvas: HTMLCanvasElement): { width: number; height: number } {
  const p = parts.get(canvas);
  return p && p.width <= canvas.width && p.height <= canvas.height ? { width: p.width, height: p.height } : { width: canvas.width, height: canvas.height };
}

/**
 * A store may be at most this many times the area of the part shown before a smaller one is made.
 * A prompt's card in the strip's band takes the stage from about 450 to 260 CSS px high at
 * 1280×720 and gives it back later; each new store costs the next three or four commits a new
 * shared image of the compositor (26–60 ms of the main thread's CPU each at 4×), where copying a
 * store twice the size of the part costs a fraction of a millisecond per commit.
 */
const MAX_UNSHOWN = 4;

/** A size rounded up to the grain with at least half a grain to spare (a part 367 px high gets a store of 448, not 384). */
const rounded = (px: number) => Math.ceil((px + GRAIN / 2) / GRAIN) * GRAIN;
const within = (w: number, h: number, width: number, height: number) => w * h <= MAX_UNSHOWN * width * height;

/** A width and a height in device px. */
export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The store for a part of `part`'s size in a store of `store`'s size, or null when the store is
 * kept (the part fits, and is at least a quarter of it). A new store is a little larger than asked,
 * so the next small growth fits in it, and as large as the old store, or else as the part shown
 * `before`, where that still keeps within the limit (a box going back and forth between two sizes:
 * a prompt's card arriving in the strip's band and the run going on).
 */
export function nextStore(store: PixelSize, part: PixelSize, before?: PixelSize): PixelSize | null {
  const { width, height } = part;
  if (width <= store.width && height <= store.height && within(store.width, store.height, width, height)) return null;
  const w = Math.max(rounded(width), store.width);
  const h = Math.max(rounded(height), store.height);
  if (within(w, h, width, height)) return { width: w, height: h };
  if (before) {
    const bw = Math.max(rounded(width), rounded(before.width));
    const bh = Math.max(rounded(height), rounded(before.height));
    if (within(bw, bh, width, height)) return { width: bw, height: bh };
  }
  return within(rounded(width), rounded(height), width, height) ? { width: rounded(width), height: rounded(height) } : { width, height };
}

/**
 * Makes the top-left `width` × `height` device px of `canvas` the picture its box shows. Returns
 * true when the backing store was made anew (its pixels cleared), false when the one it had is kept.
 * A canvas off the page (a video's) always gets exactly that size.
 */
export function showPart(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, width: number, height: number): boolean {
  const keep = viewBoxWorks && canvas.isConnected;
  const was = parts.get(canvas);
  let fresh = false;
  if (!keep) {
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    fresh = was === undefined || was.width !== width || was.height !== height;
    if (was?.viewBox) canvas.style.removeProperty('object-view-box');
    parts.set(canvas, { width, height, viewBox: '' });
    return fresh;
  }
  // The compositor copies the whole store at each commit after a draw (the copy's time grows with
  // its area): a part under a quarter of it costs more per frame than a new store once.
  const store = nextStore(canvas, { width, height }, was);
  if (store) {
    canvas.width = store.width;
    canvas.height = store.height;
    fresh = true;
  } else if (was && (was.width > width || was.height > height)) {
    // What an older, larger picture left outside the part is not shown; it is cleared so that a
    // read of the whole canvas (a test, a copy) finds none of it.
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (was.width > width) ctx.clearRect(width, 0, was.width - width, canvas.height);
    if (was.height > height) ctx.clearRect(0, height, width, was.height - height);
  }
  const viewBox = `inset(0px ${canvas.width - width}px ${canvas.height - height}px 0px)`; // i18n-exempt: a CSS value, not words
  if (was?.viewBox !== viewBox) canvas.style.setProperty('object-view-box', viewBox);
  parts.set(canvas, { width, height, viewBox });
  return fresh;
}
