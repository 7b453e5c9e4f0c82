// The WebM muxer (src/app/export/webm.ts): the file parses back as EBML with the header, duration,
// track (codec, size, frame duration), one cluster per key frame with its blocks at the right
// times, and cues that point at each cluster.
import { describe, expect, it } from 'vitest';
import { WebmMuxer, vint } from '../../src/app/export/webm';

interface El {
  id: number;
  start: number;
  dataStart: number;
  size: number;
  children?: El[];
}

const MASTER = new Set([0x1a45dfa3, 0x18538067, 0x114d9b74, 0x4dbb, 0x1549a966, 0x1654ae6b, 0xae, 0xe0, 0x1f43b675, 0x1c53bb6b, 0xbb, 0xb7]);

function readVint(b: Uint8Array, p: number, keepMarker: boolean): { value: number; len: number } {
  const first = b[p];
  let len = 1;
  while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
  let value = keepMarker ? first : first & ((0x80 >> (len - 1)) - 1);
  for (let i = 1; i < len; i++) value = value * 256 + b[p + i];
  return { value, len };
}

function parse(b: Uint8Array, from: number, to: number): El[] {
  const out: El[] = [];
  let p = from;
  while (p < to) {
    const id = readVint(b, p, true);
    const size = readVint(b, p + id.len, false);
    const dataStart = p + id.len + size.len;
    const el: El = { id: id.value, start: p, dataStart, size: size.value };
    if (MASTER.has(el.id)) el.children = parse(b, dataStart, dataStart + size.value);
    out.push(el);
    p = dataStart + size.value;
  }
  expect(p).toBe(to);
  return out;
}

const uintOf = (b: Uint8Array, e: El) => {
  let v = 0;
  for (let i = 0; i < e.size; i++) v = v * 256 + b[e.dataStart + i];
  return v;
};
const find = (els: El[] | undefined, id: number) => els?.find((e) => e.id === id);
const all = (els: El[] | undefined, id: number) => els?.filter((e) => e.id === id) ?? [];

describe('WebM muxer', () => {
  it('encodes EBML sizes as variable-length integers', () => {
    expect([...vint(0)]).toEqual([0x80]);
    expect([...vint(126)]).toEqual([0xfe]);
    expect([...vint(127)]).toEqual([0x40, 0x7f]);
    expect([...vint(5, 8)]).toEqual([1, 0, 0, 0, 0, 0, 0, 5]);
  });

  it('writes a file that parses back with its track, clusters, blocks and cues', () => {
    const mux = new WebmMuxer({ width: 640, height: 360, codec: 'V_VP8', frameRate: 10 });
    const n = 25;
    for (let i = 0; i < n; i++) mux.addFrame(Uint8Array.from({ length: 10 + i }, (_, k) => (k + i) & 0xff), i * 100_000, i % 10 === 0);
    const file = mux.finish();
    const top = parse(file, 0, file.length);
    expect(top.map((e) => e.id)).toEqual([0x1a45dfa3, 0x18538067]);
    const docType = find(top[0].children, 0x4282)!;
    expect(new TextDecoder().decode(file.subarray(docType.dataStart, docType.dataStart + docType.size))).toBe('webm');
    const seg = top[1].children!;
    const info = find(seg, 0x1549a966)!;
    const dur = find(info.children, 0x4489)!;
    expect(new DataView(file.buffer, dur.dataStart, 8).getFloat64(0)).toBe(2500);
    expect(uintOf(file, find(info.children, 0x2ad7b1)!)).toBe(1_000_000);
    const entry = find(find(seg, 0x1654ae6b)!.children, 0xae)!;
    const codec = find(entry.children, 0x86)!;
    expect(new TextDecoder().decode(file.subarray(codec.dataStart, codec.dataStart + codec.size))).toBe('V_VP8');
    expect(uintOf(file, find(entry.children, 0x23e383)!)).toBe(100_000_000);
    const video = find(entry.children, 0xe0)!;
    expect(uintOf(file, find(video.children, 0xb0)!)).toBe(640);
    expect(uintOf(file, find(video.children, 0xba)!)).toBe(360);

    const clusters = all(seg, 0x1f43b675);
    expect(clusters.length).toBe(3);
    let frame = 0;
    for (const c of clusters) {
      const base = uintOf(file, find(c.children, 0xe7)!);
      for (const b of all(c.children, 0xa3)) {
        expect(file[b.dataStart]).toBe(0x81);
        const rel = new DataView(file.buffer, b.dataStart + 1, 2).getInt16(0);
        expect(base + rel).toBe(frame * 100);
        expect(file[b.dataStart + 3] === 0x80).toBe(frame % 10 === 0);
        expect(b.size - 4).toBe(10 + frame);
        expect(file[b.dataStart + 4]).toBe(frame & 0xff);
        frame++;
      }
    }
    expect(frame).toBe(n);

    // Cues and SeekHead positions are relative to the Segment's data.
    const segData = top[1].dataStart;
    const cues = all(find(seg, 0x1c53bb6b)!.children, 0xbb);
    expect(cues.length).toBe(3);
    cues.forEach((cp, i) => {
      const pos = find(find(cp.children, 0xb7)!.children, 0xf1)!;
      expect(segData + uintOf(file, pos)).toBe(clusters[i].start);
      expect(uintOf(file, find(cp.children, 0xb3)!)).toBe(i * 1000);
    });
    for (const seek of all(find(seg, 0x114d9b74)!.children, 0x4dbb)) {
      const idEl = find(seek.children, 0x53ab)!;
      const id = uintOf(file, idEl);
      const target = segData + uintOf(file, find(seek.children, 0x53ac)!);
      expect(seg.find((e) => e.start === target)?.id).toBe(id);
    }
  });

  it('refuses a first frame that is not a key frame, frames out of order, and an empty file', () => {
    const mux = new WebmMuxer({ width: 2, height: 2, codec: 'V_VP9', frameRate: 30 });
    expect(() => mux.addFrame(new Uint8Array(1), 0, false)).toThrow(/key frame/);
    expect(() => mux.finish()).toThrow(/no frames/);
    mux.addFrame(new Uint8Array(1), 1000, true);
    expect(() => mux.addFrame(new Uint8Array(1), 0, false)).toThrow(/time order/);
  });

  it('starts a new cluster before a block offset could overflow 16 bits', () => {
    const mux = new WebmMuxer({ width: 2, height: 2, codec: 'V_VP8', frameRate: 1 });
    for (let i = 0; i < 70; i++) mux.addFrame(new Uint8Array([i]), i * 1_000_000, i === 0);
    const file = mux.finish();
    const seg = parse(file, 0, file.length)[1].children!;
    expect(all(seg, 0x1f43b675).length).toBe(3);
  });
});
