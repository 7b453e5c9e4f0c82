// Packing colours into 32-bit pixels for ImageData buffers (the dot and density layers write
// Uint32 words, one per pixel). Handles the platform's byte order once, here.
import { color as d3color } from 'd3';

/** True when a Uint32 word is stored lowest byte first (every browser in practice). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([0x0a0b0c0d]).buffer)[0] === 0x0d;

/** Packs r, g, b, a (0–255) into the Uint32 word that an ImageData's Uint32 view expects. */
export function packRGBA(r: number, g: number, b: number, a = 255): number {
  const R = r & 255;
  const G = g & 255;
  const B = b & 255;
  const A = a & 255;
  return LITTLE_ENDIAN ? ((A << 24) | (B << 16) | (G << 8) | R) >>> 0 : ((R << 24) | (G << 16) | (B << 8) | A) >>> 0;
}

/** Packs any CSS colour d3 can parse ("#d55e00", "rgb(…)", "steelblue"); unparsable → opaque black. */
export function packColour(css: string, alpha = 1): number {
  const c = d3color(css)?.rgb();
  if (!c) return packRGBA(0, 0, 0, 255);
  return packRGBA(Math.round(c.r), Math.round(c.g), Math.round(c.b), Math.round(Math.max(0, Math.min(1, alpha * c.opacity)) * 255));
}

/** Blends colour `top` over opaque `under` with `alpha` (0–1), both CSS colours; returns the packed opaque result. */
export function packBlend(top: string, under: string, alpha: number): number {
  const t = d3color(top)?.rgb();
  const u = d3color(under)?.rgb();
  if (!t || !u) return packColour(top);
  const a = Math.max(0, Math.min(1, alpha));
  const mix = (x: number, y: number) => Math.round(x * a + y * (1 - a));
  return packRGBA(mix(t.r, u.r), mix(t.g, u.g), mix(t.b, u.b), 255);
}
