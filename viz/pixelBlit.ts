// Sprites and pictures written straight into a view's pixel buffer (the one it puts on its
// canvas), blended over what is there as the canvas's drawImage would. A drawImage call leaves ~100–130
// bytes in Blink's heap (bench/blinkPerCall.ts), so a view that drew each cell as one call made
// garbage in proportion to its cells every frame; written here, a cell leaves none. Pure arithmetic
// on typed arrays: it runs in Node as in the browser.

/** A pixel buffer: 32-bit pixels as the canvas's ImageData stores them (R in the low byte), opaque. */
export interface PixelTarget {
  pixels: Uint32Array;
  width: number;
  height: number;
}

/** A sprite's visible pixels, premultiplied, ready to blend. */
export interface SpritePixels {
  /** Column and row of each visible pixel inside the sprite. */
  col: Uint16Array;
  row: Uint16Array;
  /** Its colour premultiplied by its alpha: R | G << 8 | B << 16. */
  colour: Uint32Array;
  /** 255 minus its alpha: how much of the pixel under it shows through (0: none). */
  through: Uint8Array;
}

/**
 * The visible pixels of an RGBA picture of `width` × `height` (an ImageData's data: not
 * premultiplied), fully transparent ones left out.
 */
export function spritePixels(rgba: Uint8ClampedArray, width: number, height: number): SpritePixels {
  let n = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] > 0) n++;
  const out: SpritePixels = { col: new Uint16Array(n), row: new Uint16Array(n), colour: new Uint32Array(n), through: new Uint8Array(n) };
  let k = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      const a = rgba[i + 3];
      if (a === 0) continue;
      const r = Math.round((rgba[i] * a) / 255);
      const g = Math.round((rgba[i + 1] * a) / 255);
      const b = Math.round((rgba[i + 2] * a) / 255);
      out.col[k] = x;
      out.row[k] = y;
      out.colour[k] = r | (g << 8) | (b << 16);
      out.through[k] = 255 - a;
      k++;
    }
  return out;
}

const OPAQUE = 0xff000000;

/**
 * Blends `s` over `target` with its top-left corner at device pixel (`left`, `top`) (whole
 * numbers): each channel becomes the sprite's premultiplied value plus what was there times
 * (255 − alpha) / 255, rounded; pixels outside the target are left out.
 */
export function blitPixels(target: PixelTarget, s: SpritePixels, left: number, top: number): void {
  const { pixels, width, height } = target;
  const { col, row, colour, through } = s;
  for (let k = 0; k < col.length; k++) {
    const x = left + col[k];
    const y = top + row[k];
    if (x < 0 || y < 0 || x >= width || y >= height) continue;
    const p = y * width + x;
    const t = through[k];
    if (t === 0) {
      pixels[p] = (colour[k] | OPAQUE) >>> 0;
      continue;
    }
    const d = pixels[p];
    const c = colour[k];
    // What shows through, rounded as blendPicture rounds (no calls in the loop).
    const r = (c & 255) + ((((d & 255) * t) / 255 + 0.5) | 0);
    const g = ((c >>> 8) & 255) + (((((d >>> 8) & 255) * t) / 255 + 0.5) | 0);
    const b = ((c >>> 16) & 255) + (((((d >>> 16) & 255) * t) / 255 + 0.5) | 0);
    pixels[p] = (r | (g << 8) | (b << 16) | OPAQUE) >>> 0;
  }
}

/**
 * Blends an RGBA picture (an ImageData's data: not premultiplied) `width` pixels wide over the
 * target with its top-left corner at (`left`, `top`), source-over as blitPixels blends a sprite
 * (rounded once, where blitPixels rounds the premultiplied colour first: at most one apart); its
 * transparent pixels leave the target as it was, and what falls outside the target is left out.
 * With `once` (a byte per target pixel), a pixel marked there is left alone and each pixel blended
 * is marked: overlapping pictures of the same drawing are blended in once.
 */
export function blendPicture(target: PixelTarget, rgba: Uint8ClampedArray, left: number, top: number, width: number, once?: Uint8Array): void {
  const { pixels } = target;
  const rows = Math.floor(rgba.length / 4 / width);
  for (let y = 0; y < rows; y++) {
    const ty = top + y;
    if (ty < 0 || ty >= target.height) continue;
    for (let x = 0; x < width; x++) {
      const tx = left + x;
      const i = 4 * (y * width + x);
      const a = rgba[i + 3];
      if (a === 0 || tx < 0 || tx >= target.width) continue;
      const t = 255 - a;
      const p = ty * target.width + tx;
      if (once) {
        if (once[p] !== 0) continue;
        once[p] = 1;
      }
      const d = pixels[p];
      // One rounding per channel and no calls: this runs once per base, mostly before the code is optimised.
      const r = ((rgba[i] * a + (d & 255) * t) / 255 + 0.5) | 0;
      const g = ((rgba[i + 1] * a + ((d >>> 8) & 255) * t) / 255 + 0.5) | 0;
      const b = ((rgba[i + 2] * a + ((d >>> 16) & 255) * t) / 255 + 0.5) | 0;
      pixels[p] = (r | (g << 8) | (b << 16) | OPAQUE) >>> 0;
    }
  }
}
