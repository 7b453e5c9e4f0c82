// Checking downloaded files in the browser tests: a download's bytes, a PNG decoded far enough to
// prove it is whole (signature, chunk CRCs, IHDR, and the inflated pixel rows have the size the
// header promises), the start of a WebM (EBML) file, a printed PDF's page count, and an axe-core
// scan of an open dialog or the page.
import { inflateSync, crc32 } from 'node:zlib';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';

/** Clicks `selector` and returns the download it starts: its suggested name and bytes. */
export async function download(page: Page, selector: string, timeout = 30_000): Promise<{ name: string; bytes: Buffer; download: Download }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout }), page.click(selector)]);
  // A stream rather than d.path(): it reads the file whether the browser is local or remote.
  const chunks: Buffer[] = [];
  for await (const chunk of await d.createReadStream()) chunks.push(chunk as Buffer);
  return { name: d.suggestedFilename(), bytes: Buffer.concat(chunks), download: d };
}

export interface PngInfo {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
  /** Inflated image data (filter byte + pixels per row). */
  raw: Buffer;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function decodePng(buf: Buffer): PngInfo {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(sig)) throw new Error('not a PNG (bad signature)');
  let p = 8;
  let ihdr: Buffer | null = null;
  const idat: Buffer[] = [];
  let ended = false;
  while (p < buf.length) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString('latin1', p + 4, p + 8);
    const data = buf.subarray(p + 8, p + 8 + len);
    const crc = buf.readUInt32BE(p + 8 + len);
    if ((crc32(buf.subarray(p + 4, p + 8 + len)) >>> 0) !== crc) throw new Error(`PNG chunk ${type} has a bad CRC`);
    if (type === 'IHDR') ihdr = Buffer.from(data);
    else if (type === 'IDAT') idat.push(Buffer.from(data));
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    p += 12 + len;
  }
  if (!ihdr || !ended) throw new Error('PNG without IHDR or IEND');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const bitDepth = ihdr[8];
  const colorType = ihdr[9];
  const raw = inflateSync(Buffer.concat(idat));
  const rowBytes = 1 + Math.ceil((width * CHANNELS[colorType] * bitDepth) / 8);
  if (raw.length !== rowBytes * height) throw new Error(`PNG data is ${raw.length} bytes; ${width}×${height} needs ${rowBytes * height}`);
  return { width, height, colorType, bitDepth, raw };
}

/** True when the bytes start with the EBML magic number (WebM/Matroska). */
export function isEbml(buf: Buffer): boolean {
  return buf.length > 4 && buf.readUInt32BE(0) === 0x1a45dfa3;
}

/** Pages in a PDF: its page objects (not the /Pages tree nodes). */
export const pdfPages = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/**
 * Runs axe-core on the open dialog (or, with `whole`, the whole document, head included) and
 * returns the serious and critical violations.
 */
export async function seriousViolations(p: Page, whole = false): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // Evaluated over the DevTools protocol, not added as a <script>: the page's policy refuses inline script.
  await p.evaluate(readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return p.evaluate(async (whole) => {
    const axe = (window as unknown as { axe: { run(ctx: Node, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(whole ? document : (document.querySelector('dialog[open]') ?? document.body), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, whole);
}
