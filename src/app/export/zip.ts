// A minimal ZIP writer (stored, uncompressed entries with CRC-32 and UTF-8 names), enough to put
// a run file, CSVs and PNGs in one download without a dependency. Pure: no DOM, no clock (the
// caller passes the date). Limits: < 4 GiB in all and < 65 535 entries (no ZIP64).

export interface ZipEntry {
  /** Path inside the archive, with forward slashes. */
  name: string;
  data: Uint8Array | string;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, as ZIP and PNG use it) of some bytes. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** MS-DOS time and date fields of a moment, read in its local time (ZIP has no time zone). */
export function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const MAX_BYTES = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/** A ZIP archive of the entries, stored uncompressed, stamped with `date`. */
export function makeZip(entries: readonly ZipEntry[], date: Date): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new Error(`a ZIP without ZIP64 holds at most ${MAX_ENTRIES} files`);
  const enc = new TextEncoder();
  const { time, date: day } = dosDateTime(date);
  const seen = new Set<string>();
  const files = entries.map((e) => {
    const name = e.name.replace(/\\/g, '/').replace(/^\/+/, '');
    if (name === '' || name.split('/').includes('..')) throw new Error(`bad file name in archive: "${e.name}"`);
    if (seen.has(name)) throw new Error(`two files named "${name}" in one archive`);
    seen.add(name);
    const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    return { name: enc.encode(name), data, crc: crc32(data) };
  });
  let localSize = 0;
  let centralSize = 0;
  for (const f of files) {
    localSize += 30 + f.name.length + f.data.length;
    centralSize += 46 + f.name.length;
  }
  const total = localSize + centralSize + 22;
  if (total > MAX_BYTES) throw new Error('the archive would be larger than 4 GiB');
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  let p = 0;
  const u16 = (x: number) => {
    v.setUint16(p, x, true);
    p += 2;
  };
  const u32 = (x: number) => {
    v.setUint32(p, x >>> 0, true);
    p += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, p);
    p += b.length;
  };
  const offsets: number[] = [];
  // Version 2.0 is needed for folders in names; bit 11 says names are UTF-8.
  const VERSION = 20;
  const UTF8 = 0x0800;
  for (const f of files) {
    offsets.push(p);
    u32(0x04034b50);
    u16(VERSION);
    u16(UTF8);
    u16(0); // stored
    u16(time);
    u16(day);
    u32(f.crc);
    u32(f.data.length);
    u32(f.data.length);
    u16(f.name.length);
    u16(0);
    bytes(f.name);
    bytes(f.data);
  }
  const central = p;
  files.forEach((f, i) => {
    u32(0x02014b50);
    u16((3 << 8) | VERSION); // made by: Unix, so the external attributes carry a file mode
    u16(VERSION);
    u16(UTF8);
    u16(0);
    u16(time);
    u16(day);
    u32(f.crc);
    u32(f.data.length);
    u32(f.data.length);
    u16(f.name.length);
    u16(0); // extra
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32((0o100644 << 16) >>> 0); // regular file, rw-r--r--
    u32(offsets[i]);
    bytes(f.name);
  });
  const centralBytes = p - central;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(files.length);
  u16(files.length);
  u32(centralBytes);
  u32(central);
  u16(0);
  return out;
}
