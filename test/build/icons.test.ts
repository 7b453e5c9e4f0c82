// The app icon drawn at build time (build/icons.ts): the PNG files are valid (signature, chunk
// CRCs checked against zlib's, the pixels inflate back), and they show the drawing — the sending
// cell's orange, a white vesicle, the header-coloured ground, transparent rounded corners.
import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { ICON_FILES, THEME_COLOUR, crc32, encodePng, iconFile, iconPixels, iconSvg } from '../../build/icons';

interface Png {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Reads back what encodePng writes (8-bit RGBA, filter 0), checking every chunk's CRC. */
function decodePng(file: Buffer): Png {
  expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  let ended = false;
  while (at < file.length) {
    const len = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + len);
    expect(file.readUInt32BE(at + 8 + len), `CRC of ${type}`).toBe(zlibCrc32(file.subarray(at + 4, at + 8 + len)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    at += 12 + len;
  }
  expect(ended).toBe(true);
  const rows = inflateSync(Buffer.concat(idat));
  expect(rows.length).toBe(height * (width * 4 + 1));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rgba.set(rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}

const pixel = (png: Png, x: number, y: number) => [...png.rgba.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

describe('the app icon', () => {
  it('CRC-32 agrees with zlib on the check value and on random bytes', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 251);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
  });

  it('a PNG round-trips its pixels', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const png = decodePng(encodePng(rgba, 3, 2));
    expect([png.width, png.height]).toEqual([3, 2]);
    expect([...png.rgba]).toEqual([...rgba]);
    expect(() => encodePng(rgba, 4, 2)).toThrow('are not 4 × 2 RGBA pixels');
  });

  it('512 px: orange sending cell, white vesicle, dark ground, transparent corners', () => {
    const png = decodePng(iconFile(ICON_FILES.find((f) => f.fileName === 'icons/icon-512.png')!));
    expect([png.width, png.height]).toEqual([512, 512]);
    expect(pixel(png, 200, 330)).toEqual([...hex('#e69f00'), 255]);
    expect(pixel(png, 266, 250)).toEqual([255, 255, 255, 255]);
    expect(pixel(png, 420, 420)).toEqual([...hex(THEME_COLOUR), 255]);
    expect(pixel(png, 0, 0)[3]).toBe(0);
    expect(pixel(png, 511, 511)[3]).toBe(0);
    // Edges are smoothed: some pixels are part-covered.
    expect(pixel(png, 0, 256)[3]).toBeGreaterThan(0);
    expect(png.rgba.some((v, i) => i % 4 === 3 && v > 0 && v < 255)).toBe(true);
  });

  it('the maskable icon fills the square, its drawing inside the middle 80 %', () => {
    const png = decodePng(iconFile(ICON_FILES.find((f) => f.kind === 'maskable' && f.size === 512)!));
    expect(pixel(png, 0, 0)).toEqual([...hex(THEME_COLOUR), 255]);
    // Nothing but ground outside the safe zone's circle (radius 40 % of the size).
    for (let y = 0; y < 512; y += 4) {
      for (let x = 0; x < 512; x += 4) {
        if ((x - 256) ** 2 + (y - 256) ** 2 > 204 ** 2) expect(pixel(png, x, y)).toEqual([...hex(THEME_COLOUR), 255]);
      }
    }
  });

  it('the SVG has the same drawing, and bad sizes are refused', () => {
    const svg = iconSvg();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 512 512">/);
    expect(svg.match(/<circle /g)).toHaveLength(7);
    expect(svg).toContain(`fill="${THEME_COLOUR}"`);
    expect(() => iconPixels(8)).toThrow('from 16 to 2048');
    expect(() => iconPixels(100.5)).toThrow('whole number');
  });
});
