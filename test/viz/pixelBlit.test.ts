// Pins viz/pixelBlit.ts: a sprite's transparent pixels are left out and the rest premultiplied;
// blended over an opaque buffer, an opaque pixel is written as it is, a translucent one gives the
// source-over result (premultiplied source plus what was there times 255 − alpha, over 255) to
// within the rounding of the premultiplied source, never past 255 in a channel; pixels past the
// buffer's edges are left out, and the buffer stays opaque. A whole picture blended at a place
// (blendPicture) gives what its pixels blitted as a sprite give, to within one, and with a mask it
// blends each pixel once.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { blendPicture, blitPixels, spritePixels, type PixelTarget } from '../../viz/pixelBlit';

/** An opaque buffer of one colour (R, G, B). */
function buffer(width: number, height: number, [r, g, b]: number[]): PixelTarget {
  return { pixels: new Uint32Array(width * height).fill((r | (g << 8) | (b << 16) | 0xff000000) >>> 0), width, height };
}

const channels = (p: number) => [p & 255, (p >>> 8) & 255, (p >>> 16) & 255, p >>> 24];

describe('spritePixels', () => {
  it('keeps only the visible pixels, with their place, premultiplied colour and what shows through', () => {
    // 2 × 2: opaque red, transparent, half-transparent white, nearly transparent blue.
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 9, 9, 9, 0, 255, 255, 255, 128, 0, 0, 255, 1]);
    const s = spritePixels(rgba, 2, 2);
    expect([...s.col]).toEqual([0, 0, 1]);
    expect([...s.row]).toEqual([0, 1, 1]);
    expect(s.colour[0]).toBe(255);
    expect(channels(s.colour[1]).slice(0, 3)).toEqual([128, 128, 128]);
    expect(channels(s.colour[2]).slice(0, 3)).toEqual([0, 0, 1]);
    expect([...s.through]).toEqual([0, 127, 254]);
  });
});

describe('blitPixels', () => {
  it('writes opaque pixels as they are and leaves the transparent ones alone', () => {
    const t = buffer(4, 3, [10, 20, 30]);
    const s = spritePixels(new Uint8ClampedArray([1, 2, 3, 255, 0, 0, 0, 0]), 2, 1);
    blitPixels(t, s, 1, 2);
    expect(channels(t.pixels[2 * 4 + 1])).toEqual([1, 2, 3, 255]);
    expect(channels(t.pixels[2 * 4 + 2])).toEqual([10, 20, 30, 255]);
    expect(t.pixels.filter((p) => p !== t.pixels[0]).length).toBe(1);
  });

  it('blends translucent pixels source-over, within one of the exact result in every channel, never past 255', () => {
    const random = seedrandom('pixel-blit');
    const byte = () => Math.floor(random() * 256);
    let worst = 0;
    for (let n = 0; n < 20_000; n++) {
      const src = [byte(), byte(), byte(), 1 + Math.floor(random() * 255)];
      const dst = [byte(), byte(), byte()];
      const t = buffer(1, 1, dst);
      blitPixels(t, spritePixels(new Uint8ClampedArray(src), 1, 1), 0, 0);
      const got = channels(t.pixels[0]);
      expect(got[3]).toBe(255);
      for (let c = 0; c < 3; c++) {
        const exact = (src[c] * src[3]) / 255 + (dst[c] * (255 - src[3])) / 255;
        expect(got[c]).toBeLessThanOrEqual(255);
        worst = Math.max(worst, Math.abs(got[c] - exact));
      }
    }
    // Two roundings of at most 0.5 each: the premultiplied source and the part that shows through.
    expect(worst).toBeLessThanOrEqual(1);
    expect(worst).toBeGreaterThan(0.4);
  });

  it('leaves out the pixels past every edge of the buffer', () => {
    const rgba = new Uint8ClampedArray(3 * 3 * 4).fill(255);
    const s = spritePixels(rgba, 3, 3);
    for (const [left, top, inside] of [
      [-2, -2, 1],
      [3, -1, 2],
      [-1, 2, 2],
      [3, 2, 1],
      [-3, 0, 0],
      [0, 3, 0],
    ]) {
      const t = buffer(4, 3, [0, 0, 0]);
      blitPixels(t, s, left, top);
      expect(t.pixels.filter((p) => p === 0xffffffff).length, `at ${left}, ${top}`).toBe(inside);
    }
  });
});

describe('blendPicture', () => {
  it('blends a picture at a place within one of what blitPixels gives for it as a sprite, leaving out what falls outside', () => {
    const random = seedrandom('blend-picture');
    const w = 5;
    const h = 4;
    const rgba = new Uint8ClampedArray(w * h * 4).map((_, i) => (i % 4 === 3 ? [0, 255, 1 + Math.floor(random() * 254)][Math.floor(random() * 3)] : Math.floor(random() * 256)));
    for (const [left, top] of [
      [0, 0],
      [2, 1],
      [-3, -2],
      [4, 2],
    ]) {
      const a = buffer(6, 4, [200, 100, 50]);
      const b = buffer(6, 4, [200, 100, 50]);
      blendPicture(a, rgba, left, top, w);
      blitPixels(b, spritePixels(rgba, w, h), left, top);
      const apart = a.pixels.reduce((most, p, i) => Math.max(most, ...channels(p).map((c, k) => Math.abs(c - channels(b.pixels[i])[k]))), 0);
      expect(apart, `at ${left}, ${top}`).toBeLessThanOrEqual(1);
      // The same pixels are changed (transparent ones and those outside left alone by both).
      expect(a.pixels.map((p, i) => Number(p === buffer(6, 4, [200, 100, 50]).pixels[i]))).toEqual(b.pixels.map((p, i) => Number(p === buffer(6, 4, [200, 100, 50]).pixels[i])));
      expect(a.pixels.some((p, i) => p !== buffer(6, 4, [200, 100, 50]).pixels[i])).toBe(true);
    }
  });

  it('blends each pixel once when given a mask, however often pictures overlap there', () => {
    const half = new Uint8ClampedArray([255, 255, 255, 128, 255, 255, 255, 128]);
    const once = new Uint8Array(3);
    const t = buffer(3, 1, [0, 0, 0]);
    blendPicture(t, half, 0, 0, 2, once);
    blendPicture(t, half, 1, 0, 2, once);
    expect(t.pixels.map((p) => p & 255)).toEqual(Uint32Array.from([128, 128, 128]));
    expect([...once]).toEqual([1, 1, 1]);
  });
});
