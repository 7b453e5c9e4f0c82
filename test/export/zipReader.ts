// A small ZIP reader for the tests: walks the central directory, checks each local header and
// CRC-32 (against Node's zlib), and returns the files by name. Stored entries only, as written
// by src/app/export/zip.ts.
import { crc32 as nodeCrc32 } from 'node:zlib';

export interface ReadEntry {
  name: string;
  data: Uint8Array;
  crc: number;
  time: number;
  date: number;
  mode: number;
}

export function readZip(zip: Uint8Array): Map<string, ReadEntry> {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  if (v.getUint32(eocd, true) !== 0x06054b50) throw new Error('no end-of-central-directory record');
  const count = v.getUint16(eocd + 10, true);
  const size = v.getUint32(eocd + 12, true);
  let p = v.getUint32(eocd + 16, true);
  if (p + size !== eocd) throw new Error('central directory does not end where the EOCD begins');
  const dec = new TextDecoder('utf-8', { fatal: true });
  const out = new Map<string, ReadEntry>();
  for (let i = 0; i < count; i++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = v.getUint16(p + 10, true);
    if (method !== 0) throw new Error('only stored entries are expected');
    const time = v.getUint16(p + 12, true);
    const date = v.getUint16(p + 14, true);
    const crc = v.getUint32(p + 16, true);
    const csize = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true);
    const extra = v.getUint16(p + 30, true);
    const comment = v.getUint16(p + 32, true);
    const mode = v.getUint32(p + 38, true) >>> 16;
    const local = v.getUint32(p + 42, true);
    const name = dec.decode(zip.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extra + comment;
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const lName = v.getUint16(local + 26, true);
    const lExtra = v.getUint16(local + 28, true);
    if (dec.decode(zip.subarray(local + 30, local + 30 + lName)) !== name) throw new Error(`local name differs for ${name}`);
    if (v.getUint32(local + 14, true) !== crc) throw new Error(`local CRC differs for ${name}`);
    const start = local + 30 + lName + lExtra;
    const data = zip.subarray(start, start + csize);
    if ((nodeCrc32(data) >>> 0) !== crc) throw new Error(`CRC mismatch for ${name}`);
    out.set(name, { name, data, crc, time, date, mode });
  }
  return out;
}
