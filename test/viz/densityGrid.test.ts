// Pins viz/densityGrid.ts: bins map onto the canvas under the zoom, only bins that show are
// counted, empty bins leave the pixels beneath alone, and a short (detached) buffer is refused.
import { describe, expect, it } from 'vitest';
import { createGridScratch, gridUsable, gridVisible, paintGrid } from '../../viz/densityGrid';
import { densityLut } from '../../viz/dotLayer';

const g = { nx: 4, ny: 2, binUm: 10, offset: 0 };

describe('density grid', () => {
  it('counts the dots of bins on the canvas and finds the largest of them', () => {
    const counts = Uint32Array.from([1, 0, 5, 2, 0, 0, 9, 0]);
    const s = createGridScratch();
    // 1 px per µm: the canvas (25 × 20 px) shows the first three bin columns (bins 0–1 fully, 2 half).
    expect(gridVisible(counts, g, { ax: 1, bx: 0, ay: 1, by: 0 }, 25, 20, s)).toEqual({ visible: 15, max: 9 });
    // Panned 20 µm left: columns 2 and 3 show.
    expect(gridVisible(counts, g, { ax: 1, bx: -20, ay: 1, by: 0 }, 25, 20, s)).toEqual({ visible: 16, max: 9 });
  });

  it('paints non-empty bins and leaves empty ones as they were', () => {
    const counts = Uint32Array.from([1, 0, 0, 0, 0, 0, 0, 9]);
    const W = 40;
    const H = 20;
    const pixels = new Uint32Array(W * H).fill(7);
    const s = createGridScratch();
    const map = { ax: 1, bx: 0, ay: 1, by: 0 };
    const { max } = gridVisible(counts, g, map, W, H, s);
    const lut = densityLut();
    paintGrid({ pixels, width: W, height: H }, counts, g, s, lut, max);
    expect(pixels[0]).not.toBe(7);
    expect(pixels[15]).toBe(7);
    expect(pixels[19 * W + 39]).toBe(lut[255]);
    expect(pixels[0]).not.toBe(pixels[19 * W + 39]);
  });

  it('paints every pixel row of a bin as a direct per-pixel painting would, over any base, under zoom and pan', () => {
    // A 9 × 5 grid with empty bins inside runs, on a base that differs pixel by pixel (the copied
    // rows must take only the bins' spans from the first row, never the base around them).
    const big = { nx: 9, ny: 5, binUm: 10, offset: 3 };
    const counts = Uint32Array.from({ length: 3 + 45 }, (_, i) => (i * 7) % 5);
    const lut = densityLut();
    for (const map of [{ ax: 0.7, bx: -3, ay: 1.3, by: 2 }, { ax: 2.5, bx: 4, ay: 0.4, by: -1 }, { ax: 1, bx: 0, ay: 1, by: 0 }]) {
      const W = 61;
      const H = 47;
      const base = Uint32Array.from({ length: W * H }, (_, i) => 0x01000000 + i);
      const s = createGridScratch();
      const { max } = gridVisible(counts, big, map, W, H, s);
      const pixels = base.slice();
      paintGrid({ pixels, width: W, height: H }, counts, big, s, lut, max);
      // Reference: each pixel takes its bin's colour when the bin is not empty, else keeps the base.
      const expected = base.slice();
      const scale = 255 / Math.log1p(max);
      for (let by = 0; by < big.ny; by++)
        for (let bx = 0; bx < big.nx; bx++) {
          const c = counts[big.offset + by * big.nx + bx];
          if (c === 0) continue;
          const colour = lut[Math.min(255, Math.round(Math.log1p(c) * scale))];
          for (let y = s.ys[by]; y < s.ys[by + 1]; y++) for (let x = s.xs[bx]; x < s.xs[bx + 1]; x++) expected[y * W + x] = colour;
        }
      expect(pixels).toEqual(expected);
      expect(pixels).not.toEqual(base);
    }
  });

  it('refuses a counts buffer shorter than the grid', () => {
    expect(gridUsable(new Uint32Array(0), g)).toBe(false);
    expect(gridUsable(new Uint32Array(8), g)).toBe(true);
    expect(gridUsable(new Uint32Array(8), undefined)).toBe(false);
  });
});
