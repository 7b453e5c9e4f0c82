// The density layer from the worker's grid: the frame carries vesicle counts per bin of a coarse
// world grid over each tissue (sim/frame.ts), so the page never walks a million dots to draw it —
// it maps the bins onto the canvas under the current zoom and paints them, one pass over the bins.
import type { DensityGrid } from '../sim/frame';
import type { DeviceMap, PixelTarget } from './dotLayer';

/** Scratch for bin edges (device px), reused between draws. */
export interface GridScratch {
  xs: Int32Array;
  ys: Int32Array;
  /** One bin row's colours. */
  colours: Uint32Array;
}

export function createGridScratch(): GridScratch {
  return { xs: new Int32Array(0), ys: new Int32Array(0), colours: new Uint32Array(0) };
}

/** True when `counts` holds the whole grid `g` (a frame's buffer may be detached or short). */
export function gridUsable(counts: Uint32Array, g: DensityGrid | undefined): g is DensityGrid {
  return g !== undefined && g.nx > 0 && g.ny > 0 && counts.length >= g.offset + g.nx * g.ny;
}

/** Bin edges in device px, clamped to the canvas: xs[i] is where bin column i starts. */
function edges(s: GridScratch, g: DensityGrid, map: DeviceMap, W: number, H: number): void {
  if (s.xs.length < g.nx + 1) s.xs = new Int32Array(g.nx + 1);
  if (s.ys.length < g.ny + 1) s.ys = new Int32Array(g.ny + 1);
  const clamp = (v: number, hi: number) => (v < 0 ? 0 : v > hi ? hi : Math.round(v));
  for (let i = 0; i <= g.nx; i++) s.xs[i] = clamp(i * g.binUm * map.ax + map.bx, W);
  for (let j = 0; j <= g.ny; j++) s.ys[j] = clamp(j * g.binUm * map.ay + map.by, H);
}

/** Dots in bins that show on a `W × H` device-px canvas (whole bins), and the largest count of those bins. */
export function gridVisible(counts: Uint32Array, g: DensityGrid, map: DeviceMap, W: number, H: number, s: GridScratch): { visible: number; max: number } {
  edges(s, g, map, W, H);
  const { xs, ys } = s;
  let visible = 0;
  let max = 0;
  for (let by = 0; by < g.ny; by++) {
    if (ys[by + 1] <= ys[by]) continue;
    const row = g.offset + by * g.nx;
    for (let bx = 0; bx < g.nx; bx++) {
      if (xs[bx + 1] <= xs[bx]) continue;
      const c = counts[row + bx];
      visible += c;
      if (c > max) max = c;
    }
  }
  return { visible, max };
}

/**
 * Paints the non-empty bins of grid `g` over `target` with the density scale `lut` (256 colours,
 * log scale so that sparse and dense bins both show), `max` the count at the top of the scale.
 * Call gridVisible first with the same map: it fills the edges this reads.
 */
export function paintGrid(target: PixelTarget, counts: Uint32Array, g: DensityGrid, s: GridScratch, lut: Uint32Array, max: number): void {
  const { pixels, width: W } = target;
  const { xs, ys } = s;
  if (s.colours.length < g.nx) s.colours = new Uint32Array(g.nx);
  const colours = s.colours;
  const top = Math.max(1, max);
  const scale = top <= 1 ? 0 : 255 / Math.log1p(top);
  for (let by = 0; by < g.ny; by++) {
    const y0 = ys[by];
    const y1 = ys[by + 1];
    if (y1 <= y0) continue;
    const row = g.offset + by * g.nx;
    let any = false;
    for (let bx = 0; bx < g.nx; bx++) {
      const c = counts[row + bx];
      // 0 marks an empty bin (packed colours are opaque, never 0).
      colours[bx] = c === 0 ? 0 : lut[scale === 0 ? 255 : Math.min(255, Math.round(Math.log1p(c) * scale))];
      if (c !== 0) any = true;
    }
    if (!any) continue;
    // The bin row's first pixel row is painted bin by bin; its other pixel rows are the same
    // pixels over the non-empty bins, so they are copied (a memcpy per run of non-empty bins)
    // rather than written one word at a time: a third of a full-canvas density frame's cost.
    const first = y0 * W;
    for (let bx = 0; bx < g.nx; bx++) {
      const colour = colours[bx];
      if (colour === 0) continue;
      const x1 = first + xs[bx + 1];
      for (let i = first + xs[bx]; i < x1; i++) pixels[i] = colour;
    }
    if (y1 - y0 < 2) continue;
    for (let bx = 0; bx < g.nx; ) {
      if (colours[bx] === 0 || xs[bx + 1] <= xs[bx]) {
        bx++;
        continue;
      }
      // A run of non-empty bins [bx, end): one span of pixels.
      let end = bx + 1;
      while (end < g.nx && (colours[end] !== 0 || xs[end + 1] <= xs[end])) end++;
      const from = first + xs[bx];
      const to = first + xs[end];
      for (let y = y0 + 1; y < y1; y++) pixels.copyWithin(from + (y - y0) * W, from, to);
      bx = end;
    }
  }
}
