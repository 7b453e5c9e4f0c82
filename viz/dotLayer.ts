// The vesicle layer as raw pixels: one pass over the frame's positions writes each dot as a
// Uint32 pixel into an ImageData buffer (never one canvas call per vesicle), or bins the dots
// into a count grid that is painted as a density layer when dots would be unreadable.
import { interpolateYlOrRd } from './colourSchemes';
import { packColour } from './pixels';

/** Where the dots go: a pixel buffer of `width × height` device px. */
export interface PixelTarget {
  pixels: Uint32Array;
  width: number;
  height: number;
}

/** World µm → device px, per axis: px = x * ax + bx. */
export interface DeviceMap {
  ax: number;
  bx: number;
  ay: number;
  by: number;
}

export interface DotSource {
  count: number;
  xy: Float32Array;
  tissue: Uint8Array;
  type: Uint8Array;
}

/** A count grid over the canvas, `binPx` device px per bin. */
export interface Bins {
  counts: Uint32Array;
  nx: number;
  ny: number;
  binPx: number;
  max: number;
}

export function createBins(width: number, height: number, binPx: number): Bins {
  const nx = Math.max(1, Math.ceil(width / binPx));
  const ny = Math.max(1, Math.ceil(height / binPx));
  return { counts: new Uint32Array(nx * ny), nx, ny, binPx, max: 0 };
}

/** Number of entries the loops may read safely (a frame's arrays all hold `count`). */
function usable(src: DotSource): number {
  return Math.min(src.count, src.tissue.length, src.type.length, src.xy.length >> 1);
}

/** How many dots of `tissue` fall on a `W × H` device-px canvas (a read-only pass). */
export function countVisible(src: DotSource, tissue: number, map: DeviceMap, W: number, H: number): number {
  const { xy } = src;
  const tis = src.tissue;
  const n = usable(src);
  const { ax, bx, ay, by } = map;
  let visible = 0;
  for (let i = 0; i < n; i++) {
    if (tis[i] !== tissue) continue;
    const fx = xy[2 * i] * ax + bx;
    const fy = xy[2 * i + 1] * ay + by;
    if (fx >= 0 && fy >= 0 && fx < W && fy < H) visible++;
  }
  return visible;
}

/**
 * Writes the dots of `tissue` into `target` as squares of `size` device px coloured by
 * `colours[type]`, and returns how many fell on the canvas. One tight loop, no allocation;
 * 1-px dots have their own loop because they are the common case at 1M dots.
 */
export function rasteriseDots(src: DotSource, tissue: number, map: DeviceMap, target: PixelTarget, colours: Uint32Array, size: number): number {
  const { xy, type } = src;
  const tis = src.tissue;
  const n = usable(src);
  const { ax, bx, ay, by } = map;
  const W = target.width;
  const H = target.height;
  const px = target.pixels;
  const s = Math.max(1, Math.min(4, size | 0));
  const nc = colours.length;
  const c0 = colours[0];
  let visible = 0;
  if (s === 1) {
    for (let i = 0; i < n; i++) {
      if (tis[i] !== tissue) continue;
      const fx = xy[2 * i] * ax + bx;
      const fy = xy[2 * i + 1] * ay + by;
      if (!(fx >= 0 && fy >= 0 && fx < W && fy < H)) continue;
      visible++;
      const t = type[i];
      px[(fy | 0) * W + (fx | 0)] = t < nc ? colours[t] : c0;
    }
    return visible;
  }
  const lastX = W - s;
  const lastY = H - s;
  for (let i = 0; i < n; i++) {
    if (tis[i] !== tissue) continue;
    const fx = xy[2 * i] * ax + bx;
    const fy = xy[2 * i + 1] * ay + by;
    if (!(fx >= 0 && fy >= 0 && fx < W && fy < H)) continue;
    visible++;
    const t = type[i];
    const c = t < nc ? colours[t] : c0;
    const x = fx | 0;
    const y = fy | 0;
    const x0 = x < lastX ? x : lastX < 0 ? 0 : lastX;
    const y0 = y < lastY ? y : lastY < 0 ? 0 : lastY;
    for (let dy = 0; dy < s; dy++) {
      const row = (y0 + dy) * W + x0;
      for (let dx = 0; dx < s; dx++) px[row + dx] = c;
    }
  }
  return visible;
}

/** Counts the dots of `tissue` into `bins` (cleared first) and sets `bins.max`; returns how many fell on the canvas. */
export function binDots(src: DotSource, tissue: number, map: DeviceMap, W: number, H: number, bins: Bins): number {
  const { xy } = src;
  const tis = src.tissue;
  const n = usable(src);
  const { ax, bx, ay, by } = map;
  const counts = bins.counts;
  counts.fill(0);
  const inv = 1 / bins.binPx;
  const nbx = bins.nx;
  let visible = 0;
  for (let i = 0; i < n; i++) {
    if (tis[i] !== tissue) continue;
    const fx = xy[2 * i] * ax + bx;
    const fy = xy[2 * i + 1] * ay + by;
    if (!(fx >= 0 && fy >= 0 && fx < W && fy < H)) continue;
    visible++;
    counts[((fy * inv) | 0) * nbx + ((fx * inv) | 0)]++;
  }
  let max = 0;
  for (let j = 0; j < counts.length; j++) if (counts[j] > max) max = counts[j];
  bins.max = max;
  return visible;
}

/** 256 packed colours of the density scale, pale (few) → dark red (many). */
export function densityLut(): Uint32Array {
  const lut = new Uint32Array(256);
  for (let i = 0; i < 256; i++) lut[i] = packColour(densityColour(i / 255));
  return lut;
}

/** The density scale's CSS colour at t ∈ [0, 1] (for the on-canvas key). */
export function densityColour(t: number): string {
  return interpolateYlOrRd(0.12 + 0.88 * Math.max(0, Math.min(1, t)));
}

/** Position 0–1 of a bin count on the density scale (log, so sparse and dense bins both show). */
export function densityLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return max <= 1 ? 1 : Math.log1p(count) / Math.log1p(max);
}

/** Paints non-empty bins over `target` with the density scale, `max` the count at the top. */
export function paintDensity(target: PixelTarget, bins: Bins, lut: Uint32Array, max: number): void {
  const { pixels, width: W, height: H } = target;
  const { counts, nx, ny, binPx } = bins;
  const top = Math.max(1, max);
  const scale = top <= 1 ? 0 : 255 / Math.log1p(top);
  for (let by = 0; by < ny; by++) {
    const y0 = by * binPx;
    const y1 = Math.min(H, y0 + binPx);
    for (let bx = 0; bx < nx; bx++) {
      const c = counts[by * nx + bx];
      if (c === 0) continue;
      const level = scale === 0 ? 255 : Math.min(255, Math.round(Math.log1p(c) * scale));
      const colour = lut[level];
      const x0 = bx * binPx;
      const x1 = Math.min(W, x0 + binPx);
      for (let y = y0; y < y1; y++) {
        const row = y * W;
        for (let x = x0; x < x1; x++) pixels[row + x] = colour;
      }
    }
  }
}
