// Pins the pixel layer (viz/dotLayer.ts, viz/tissueScene.ts): dots land on the right pixel in
// their type's colour, other tissues and off-canvas dots are skipped, bins count what dots show.
import { describe, expect, it } from 'vitest';
import { binDots, countVisible, createBins, densityLevel, densityLut, paintDensity, rasteriseDots } from '../../viz/dotLayer';
import { niceScaleLength } from '../../viz/tissueScene';

const W = 10;
const H = 8;
const identity = { ax: 1, bx: 0, ay: 1, by: 0 };
const colours = new Uint32Array([0xaaaaaaaa, 0xbbbbbbbb]);

function dots(points: [number, number, number, number][]) {
  return {
    count: points.length,
    xy: Float32Array.from(points.flatMap(([x, y]) => [x, y])),
    tissue: Uint8Array.from(points, (p) => p[2]),
    type: Uint8Array.from(points, (p) => p[3]),
  };
}

describe('rasteriseDots', () => {
  it('writes one pixel per dot in its type colour and skips other tissues and off-canvas dots', () => {
    const px = new Uint32Array(W * H);
    const src = dots([
      [1.5, 2.2, 0, 0],
      [9.9, 7.9, 0, 1],
      [3, 3, 1, 0], // other tissue
      [-0.5, 3, 0, 0], // off canvas
      [10, 3, 0, 0], // off canvas (x == W)
      [5, 5, 0, 7], // unknown type: first colour
    ]);
    const n = rasteriseDots(src, 0, identity, { pixels: px, width: W, height: H }, colours, 1);
    expect(n).toBe(3);
    expect(px[2 * W + 1]).toBe(0xaaaaaaaa);
    expect(px[7 * W + 9]).toBe(0xbbbbbbbb);
    expect(px[5 * W + 5]).toBe(0xaaaaaaaa);
    expect(px[3 * W + 3]).toBe(0);
    expect(px.filter((p) => p !== 0).length).toBe(3);
  });

  it('maps world µm through the device transform', () => {
    const px = new Uint32Array(W * H);
    rasteriseDots(dots([[2, 1, 0, 0]]), 0, { ax: 2, bx: 1, ay: 3, by: 0.5 }, { pixels: px, width: W, height: H }, colours, 1);
    expect(px[3 * W + 5]).toBe(0xaaaaaaaa);
  });

  it('draws bigger dots as squares kept inside the canvas', () => {
    const px = new Uint32Array(W * H);
    rasteriseDots(dots([[9.5, 7.5, 0, 0]]), 0, identity, { pixels: px, width: W, height: H }, colours, 2);
    expect([px[6 * W + 8], px[6 * W + 9], px[7 * W + 8], px[7 * W + 9]]).toEqual(Array(4).fill(0xaaaaaaaa));
    expect(px.filter((p) => p !== 0).length).toBe(4);
  });

  it('agrees with countVisible', () => {
    const src = dots([
      [1, 1, 0, 0],
      [20, 1, 0, 0],
      [1, 1, 2, 0],
    ]);
    expect(countVisible(src, 0, identity, W, H)).toBe(1);
  });
});

describe('density bins', () => {
  it('count dots per bin and remember the maximum', () => {
    const bins = createBins(W, H, 4);
    expect([bins.nx, bins.ny]).toEqual([3, 2]);
    const n = binDots(
      dots([
        [0, 0, 0, 0],
        [3.9, 3.9, 0, 0],
        [9, 7, 0, 0],
        [9, 7, 1, 0],
      ]),
      0,
      identity,
      W,
      H,
      bins,
    );
    expect(n).toBe(3);
    expect([...bins.counts]).toEqual([2, 0, 0, 0, 0, 1]);
    expect(bins.max).toBe(2);
  });

  it('paint non-empty bins only, darkest at the maximum', () => {
    const bins = createBins(W, H, 4);
    bins.counts.set([2, 0, 0, 0, 0, 1]);
    const px = new Uint32Array(W * H);
    const lut = densityLut();
    paintDensity({ pixels: px, width: W, height: H }, bins, lut, 2);
    expect(px[0]).toBe(lut[255]);
    expect(px[3 * W + 3]).toBe(lut[255]);
    expect(px[0 * W + 5]).toBe(0);
    expect(px[7 * W + 9]).toBe(lut[Math.round(densityLevel(1, 2) * 255)]);
  });

  it('levels grow with the count on a log scale', () => {
    expect(densityLevel(0, 10)).toBe(0);
    expect(densityLevel(10, 10)).toBe(1);
    expect(densityLevel(1, 100)).toBeLessThan(densityLevel(10, 100));
  });
});

describe('niceScaleLength', () => {
  it('picks 1, 2 or 5 × 10ⁿ µm near the target length', () => {
    expect(niceScaleLength(1)).toBe(50);
    expect(niceScaleLength(0.1)).toBe(500);
    expect(niceScaleLength(4)).toBe(20);
  });
});
