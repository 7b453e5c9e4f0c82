// The app's icon — a sending cell, three vesicles on their way, and a reading cell on the page's
// dark header colour — drawn from one list of shapes as SVG and as PNG (a small rasteriser and
// PNG writer, no image library and no binary download), and emitted into the build by a plugin.
import { deflateSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { crc32 } from '../src/app/export/zip';

/** The page's header colour (src/app/styles.css --head): the icon's ground and the theme colour. */
export const THEME_COLOUR = '#20232a';

interface Circle {
  cx: number;
  cy: number;
  r: number;
  fill: string;
  /** A rim centred on the circle's edge. */
  stroke?: string;
  strokeWidth?: number;
}

/** The drawing on a 512 × 512 canvas, back to front. Colours are the lessons' sender and reader cells (viz/palette.ts). */
const SHAPES: readonly Circle[] = [
  { cx: 160, cy: 352, r: 98, fill: '#e69f00', stroke: '#7a5200', strokeWidth: 14 },
  { cx: 138, cy: 374, r: 34, fill: '#a86f00' },
  { cx: 266, cy: 250, r: 17, fill: '#ffffff', stroke: '#e69f00', strokeWidth: 8 },
  { cx: 302, cy: 215, r: 14, fill: '#ffffff', stroke: '#e69f00', strokeWidth: 7 },
  { cx: 334, cy: 184, r: 11, fill: '#ffffff', stroke: '#e69f00', strokeWidth: 6 },
  { cx: 400, cy: 124, r: 56, fill: '#56b4e9', stroke: '#1f5f85', strokeWidth: 12 },
  { cx: 414, cy: 110, r: 18, fill: '#2f86b8' },
];

const SIZE = 512;
/** The rounded ground's corner radius (the "any" icon); a maskable icon fills the square. */
const CORNER = 112;
/** A maskable icon's drawing is shrunk to fit its safe zone (the circle of 80 % of the width). */
const MASKABLE_SCALE = 0.76;

export type IconKind = 'any' | 'maskable';

/** The icon as SVG text (scalable: the favicon and the manifest's "any" icon). */
export function iconSvg(kind: IconKind = 'any'): string {
  const ground = kind === 'any' ? `<rect width="${SIZE}" height="${SIZE}" rx="${CORNER}" fill="${THEME_COLOUR}"/>` : `<rect width="${SIZE}" height="${SIZE}" fill="${THEME_COLOUR}"/>`;
  const s = kind === 'maskable' ? MASKABLE_SCALE : 1;
  const at = (v: number) => +(SIZE / 2 + (v - SIZE / 2) * s).toFixed(2);
  const circles = SHAPES.map((c) => {
    const rim = c.stroke ? ` stroke="${c.stroke}" stroke-width="${+(c.strokeWidth! * s).toFixed(2)}"` : '';
    return `<circle cx="${at(c.cx)}" cy="${at(c.cy)}" r="${+(c.r * s).toFixed(2)}" fill="${c.fill}"${rim}/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}">${ground}${circles.join('')}</svg>\n`;
}

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

/** Whether the point (x, y) of the 512 canvas lies on the rounded ground. */
function onGround(x: number, y: number, kind: IconKind): boolean {
  if (kind === 'maskable') return x >= 0 && x <= SIZE && y >= 0 && y <= SIZE;
  const dx = Math.max(CORNER - x, 0, x - (SIZE - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (SIZE - CORNER));
  return x >= 0 && x <= SIZE && y >= 0 && y <= SIZE && dx * dx + dy * dy <= CORNER * CORNER;
}

/** A shape ready for the rasteriser: squared radii of its fill and of its rim's two edges. */
interface Prepared {
  cx: number;
  cy: number;
  fill2: number;
  rimIn2: number;
  rimOut2: number;
  fill: Rgb;
  stroke: Rgb | null;
}

function prepare(): Prepared[] {
  return SHAPES.map((c) => {
    const half = c.stroke ? c.strokeWidth! / 2 : 0;
    return { cx: c.cx, cy: c.cy, fill2: c.r * c.r, rimIn2: (c.r - half) ** 2, rimOut2: (c.r + half) ** 2, fill: rgb(c.fill), stroke: c.stroke ? rgb(c.stroke) : null };
  });
}

const GROUND = rgb(THEME_COLOUR);

/** The colour the drawing has at (x, y) on the 512 canvas, or null where it is transparent. */
function colourAt(x: number, y: number, kind: IconKind, shapes: readonly Prepared[]): Rgb | null {
  if (!onGround(x, y, kind)) return null;
  const s = kind === 'maskable' ? MASKABLE_SCALE : 1;
  // Back to the unscaled drawing's coordinates.
  const ux = SIZE / 2 + (x - SIZE / 2) / s;
  const uy = SIZE / 2 + (y - SIZE / 2) / s;
  let colour = GROUND;
  for (const p of shapes) {
    const d2 = (ux - p.cx) * (ux - p.cx) + (uy - p.cy) * (uy - p.cy);
    if (p.stroke && d2 >= p.rimIn2 && d2 <= p.rimOut2) colour = p.stroke;
    else if (d2 <= p.fill2) colour = p.fill;
  }
  return colour;
}

/** The icon as RGBA pixels, `size` × `size`, each pixel the mean of 4 × 4 samples (smooth edges). */
export function iconPixels(size: number, kind: IconKind = 'any'): Uint8Array {
  if (!Number.isInteger(size) || size < 16 || size > 2048) throw new Error(`an icon size must be a whole number from 16 to 2048 pixels, not ${size}`);
  const shapes = prepare();
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  const scale = SIZE / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) * scale, (py + (sy + 0.5) / n) * scale, kind, shapes);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const i = (py * size + px) * 4;
      // Colour averaged over the covered samples (not darkened at the edge), coverage as alpha.
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return out;
}

/** The CRC-32 of PNG chunks (ISO 3309, as zlib's): the same one the app's ZIP export uses. */
export { crc32 };

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels as a PNG file (8 bits per channel, no filtering, deflated). */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`${rgba.length} bytes are not ${width} × ${height} RGBA pixels`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

/** The icon files the build writes under icons/, and what each is for. */
export const ICON_FILES = [
  { fileName: 'icons/icon.svg', kind: 'any', size: 0 },
  { fileName: 'icons/icon-192.png', kind: 'any', size: 192 },
  { fileName: 'icons/icon-512.png', kind: 'any', size: 512 },
  { fileName: 'icons/icon-maskable-512.png', kind: 'maskable', size: 512 },
  // iOS's home-screen icon: it rounds the corners itself, so a full square.
  { fileName: 'icons/apple-touch-icon.png', kind: 'maskable', size: 180 },
] as const satisfies readonly { fileName: string; kind: IconKind; size: number }[];

/** The bytes of one of ICON_FILES. */
export function iconFile(f: (typeof ICON_FILES)[number]): Buffer {
  return f.size === 0 ? Buffer.from(iconSvg(f.kind), 'utf8') : encodePng(iconPixels(f.size, f.kind), f.size, f.size);
}

/**
 * Writes the icons into the build, and points the page at them (tab icon, iOS home-screen icon,
 * theme colour) in place of index.html's empty `data:,` icon.
 */
export function appIcons(): Plugin {
  return {
    name: 'cellpost-icons',
    apply: 'build',
    generateBundle() {
      for (const f of ICON_FILES) this.emitFile({ type: 'asset', fileName: f.fileName, source: iconFile(f) });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => ({
        html: html.replace(/\s*<link rel="icon" href="data:," \/>/, ''),
        tags: [
          // The tab icon is a PNG: Chromium builds an SVG icon into a document of its own on the
          // page's main thread (~12 ms of CPU, ~47 ms at a 4× slowdown), and it does so seconds
          // after the load, while a lesson is already playing; a small PNG is only decoded.
          { tag: 'link', attrs: { rel: 'icon', href: './icons/icon-192.png', type: 'image/png', sizes: '192x192' }, injectTo: 'head' },
          { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icons/apple-touch-icon.png' }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOUR }, injectTo: 'head' },
        ],
      }),
    },
  };
}
