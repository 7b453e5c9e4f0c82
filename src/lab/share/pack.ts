// An event log (or any JSON value: a whole scenario) packed for a link's address and read back: JSON, deflate-raw compressed where the
// host can, then base64url ('z' + …, or 'j' + … uncompressed) — with caps on the text read and
// the bytes it unpacks to, so a hostile link cannot exhaust memory. Pure (no DOM, no Node APIs).
import type { RunEvent } from '../../../sim/events';
import { t } from '../fileWords';

/** Longest encoded event log read (characters), and its largest decoded size (bytes). */
export const MAX_LOG_CHARS = 12_000;
export const MAX_LOG_BYTES = 512 * 1024;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Bytes as base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Bytes from base64url without padding, or null when it is not that. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let at = 0;
  for (const c of text) {
    acc = (acc << 6) | VALUE.get(c)!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

const canCompress = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** Bytes through a (de)compression stream, or null when it fails or yields more than `cap` bytes. */
async function pipe(bytes: Uint8Array, stream: ByteStreamPair, cap: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The event log as link text: 'z' + base64url(deflate-raw(JSON)), or 'j' + base64url(JSON). */
export async function packEvents(events: readonly RunEvent[]): Promise<string> {
  return packJson(events);
}

/** Any JSON value as link text, packed as event logs are (a whole scenario: scenarioLink.ts). */
export async function packJson(value: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(value));
  if (canCompress()) {
    const z = await pipe(json, new CompressionStream!('deflate-raw'), Infinity);
    if (z) return `z${toBase64Url(z)}`;
  }
  return `j${toBase64Url(json)}`;
}

/** The JSON value of a packed log, or a plain-words problem. */
export async function unpackEvents(text: string): Promise<{ ok: true; value: unknown } | { ok: false; problem: string }> {
  return unpackJson(text, MAX_LOG_CHARS, MAX_LOG_BYTES);
}

/** The JSON value of packed link text of at most `maxChars` characters unpacking to at most `maxBytes`, or a plain-words problem. */
export async function unpackJson(text: string, maxChars: number, maxBytes: number): Promise<{ ok: true; value: unknown } | { ok: false; problem: string }> {
  if (text.length > maxChars) return { ok: false, problem: t('files.pack.tooLong', { n: text.length, max: maxChars }) };
  const kind = text[0];
  if (kind !== 'z' && kind !== 'j') return { ok: false, problem: t('files.pack.form') };
  const raw = fromBase64Url(text.slice(1));
  if (!raw) return { ok: false, problem: t('files.pack.base64') };
  let bytes: Uint8Array | null = raw;
  if (kind === 'z') {
    if (!canCompress()) return { ok: false, problem: t('files.pack.noDecompress') };
    bytes = await pipe(raw, new DecompressionStream!('deflate-raw'), maxBytes);
    if (!bytes) return { ok: false, problem: t('files.pack.damaged', { kb: maxBytes / 1024 }) };
  } else if (bytes.byteLength > maxBytes) return { ok: false, problem: t('files.pack.tooLarge', { kb: maxBytes / 1024 }) };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: t('files.pack.notText') };
  }
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, problem: t('files.pack.notJson') };
  }
}
