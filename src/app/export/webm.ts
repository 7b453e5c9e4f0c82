// A minimal WebM (Matroska) muxer for one video track of encoded VP8/VP9 frames, as WebCodecs'
// VideoEncoder produces them: EBML header, Info with duration, Tracks, one Cluster per key frame
// (SimpleBlocks), Cues for seeking and a SeekHead. Pure: bytes in, bytes out (unit-tested).

export interface WebmOptions {
  width: number;
  height: number;
  /** Matroska codec id: V_VP8 or V_VP9. */
  codec: 'V_VP8' | 'V_VP9';
  /** Frames per second (written as the track's default frame duration). */
  frameRate: number;
  /** Names the program that wrote the file. */
  app?: string;
}

interface Block {
  /** Presentation time in microseconds. */
  timeUs: number;
  key: boolean;
  data: Uint8Array;
}

// Element ids (Matroska spec), written with their length marker bits included.
const ID = {
  EBML: 0x1a45dfa3,
  EBMLVersion: 0x4286,
  EBMLReadVersion: 0x42f7,
  EBMLMaxIDLength: 0x42f2,
  EBMLMaxSizeLength: 0x42f3,
  DocType: 0x4282,
  DocTypeVersion: 0x4287,
  DocTypeReadVersion: 0x4285,
  Segment: 0x18538067,
  SeekHead: 0x114d9b74,
  Seek: 0x4dbb,
  SeekID: 0x53ab,
  SeekPosition: 0x53ac,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  MuxingApp: 0x4d80,
  WritingApp: 0x5741,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackUID: 0x73c5,
  TrackType: 0x83,
  FlagLacing: 0x9c,
  CodecID: 0x86,
  DefaultDuration: 0x23e383,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  Cues: 0x1c53bb6b,
  CuePoint: 0xbb,
  CueTime: 0xb3,
  CueTrackPositions: 0xb7,
  CueTrack: 0xf7,
  CueClusterPosition: 0xf1,
} as const;

/** Timestamps are stored in milliseconds (TimecodeScale 1 000 000 ns). */
const SCALE_NS = 1_000_000;
/** A block's time is a signed 16-bit offset from its cluster's: start a new cluster well before. */
const MAX_CLUSTER_MS = 30_000;

type Bytes = Uint8Array;

function concat(parts: Bytes[]): Bytes {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function idBytes(id: number): Bytes {
  const n = id > 0xffffff ? 4 : id > 0xffff ? 3 : id > 0xff ? 2 : 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (id >>> (8 * (n - 1 - i))) & 0xff;
  return out;
}

/** An EBML variable-length size; `width` forces a byte count (1–8). */
export function vint(value: number, width?: number): Bytes {
  let n = width ?? 1;
  if (width === undefined) while (n < 8 && value >= 2 ** (7 * n) - 1) n++;
  if (value >= 2 ** (7 * n) - 1) throw new Error(`EBML size ${value} does not fit in ${n} bytes`);
  const out = new Uint8Array(n);
  let v = value;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  out[0] |= 0x80 >> (n - 1);
  return out;
}

/** Big-endian unsigned integer in the fewest bytes (or exactly `width`). */
function uintBytes(value: number, width?: number): Bytes {
  let n = width ?? 1;
  if (width === undefined) while (n < 8 && value >= 2 ** (8 * n)) n++;
  const out = new Uint8Array(n);
  let v = value;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

function element(id: number, body: Bytes): Bytes {
  return concat([idBytes(id), vint(body.length), body]);
}
const elems = (id: number, children: Bytes[]) => element(id, concat(children));
const uint = (id: number, v: number, width?: number) => element(id, uintBytes(v, width));
const str = (id: number, s: string) => element(id, new TextEncoder().encode(s));
function float64(id: number, v: number): Bytes {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v);
  return element(id, b);
}

/** Collects encoded frames and writes the file when finished. */
export class WebmMuxer {
  private readonly blocks: Block[] = [];

  constructor(private readonly opts: WebmOptions) {
    if (!(opts.width > 0 && opts.height > 0)) throw new Error('video size must be positive');
    if (!(opts.frameRate > 0)) throw new Error('frame rate must be positive');
  }

  get frames(): number {
    return this.blocks.length;
  }

  /** Adds one encoded frame (frames must come in presentation order; the first must be a key frame). */
  addFrame(data: Uint8Array, timeUs: number, key: boolean): void {
    if (this.blocks.length === 0 && !key) throw new Error('a WebM video must start with a key frame');
    const last = this.blocks[this.blocks.length - 1];
    if (last && timeUs < last.timeUs) throw new Error('frames must be added in time order');
    this.blocks.push({ timeUs, key, data: data.slice() });
  }

  /** The whole file. */
  finish(): Uint8Array {
    if (this.blocks.length === 0) throw new Error('no frames to write');
    const o = this.opts;
    const frameUs = 1e6 / o.frameRate;
    const lastUs = this.blocks[this.blocks.length - 1].timeUs;
    const durationMs = (lastUs + frameUs) / 1000;
    const app = o.app ?? 'Cellpost';

    const header = elems(ID.EBML, [
      uint(ID.EBMLVersion, 1),
      uint(ID.EBMLReadVersion, 1),
      uint(ID.EBMLMaxIDLength, 4),
      uint(ID.EBMLMaxSizeLength, 8),
      str(ID.DocType, 'webm'),
      uint(ID.DocTypeVersion, 2),
      uint(ID.DocTypeReadVersion, 2),
    ]);
    const info = elems(ID.Info, [uint(ID.TimecodeScale, SCALE_NS), float64(ID.Duration, durationMs), str(ID.MuxingApp, app), str(ID.WritingApp, app)]);
    const tracks = elems(ID.Tracks, [
      elems(ID.TrackEntry, [
        uint(ID.TrackNumber, 1),
        uint(ID.TrackUID, 1),
        uint(ID.TrackType, 1),
        uint(ID.FlagLacing, 0),
        str(ID.CodecID, o.codec),
        uint(ID.DefaultDuration, Math.round(frameUs * 1000)),
        elems(ID.Video, [uint(ID.PixelWidth, o.width), uint(ID.PixelHeight, o.height)]),
      ]),
    ]);

    // Clusters: a new one at every key frame, and before a block's offset could overflow.
    const clusters: { timeMs: number; bytes: Bytes }[] = [];
    let open: { timeMs: number; parts: Bytes[] } | null = null;
    const close = () => {
      if (open) clusters.push({ timeMs: open.timeMs, bytes: elems(ID.Cluster, open.parts) });
      open = null;
    };
    for (const b of this.blocks) {
      const ms = Math.round(b.timeUs / 1000);
      if (!open || b.key || ms - open.timeMs > MAX_CLUSTER_MS) {
        close();
        open = { timeMs: ms, parts: [uint(ID.Timecode, ms)] };
      }
      const head = new Uint8Array(4);
      head[0] = 0x81; // track 1 as a vint
      new DataView(head.buffer).setInt16(1, ms - open.timeMs);
      head[3] = b.key ? 0x80 : 0;
      open.parts.push(element(ID.SimpleBlock, concat([head, b.data])));
    }
    close();

    // Layout inside the Segment: SeekHead, Info, Tracks, Clusters, Cues. Positions are relative
    // to the start of the Segment's data; SeekHead and Cues use fixed 8-byte positions so their
    // sizes do not depend on the values written into them.
    const seekHead = (pos: { info: number; tracks: number; cues: number }) =>
      elems(ID.SeekHead, [
        elems(ID.Seek, [element(ID.SeekID, idBytes(ID.Info)), uint(ID.SeekPosition, pos.info, 8)]),
        elems(ID.Seek, [element(ID.SeekID, idBytes(ID.Tracks)), uint(ID.SeekPosition, pos.tracks, 8)]),
        elems(ID.Seek, [element(ID.SeekID, idBytes(ID.Cues)), uint(ID.SeekPosition, pos.cues, 8)]),
      ]);
    const seekLen = seekHead({ info: 0, tracks: 0, cues: 0 }).length;
    const infoPos = seekLen;
    const tracksPos = infoPos + info.length;
    let p = tracksPos + tracks.length;
    const cuePoints: Bytes[] = [];
    for (const c of clusters) {
      cuePoints.push(elems(ID.CuePoint, [uint(ID.CueTime, c.timeMs), elems(ID.CueTrackPositions, [uint(ID.CueTrack, 1), uint(ID.CueClusterPosition, p, 8)])]));
      p += c.bytes.length;
    }
    const cues = elems(ID.Cues, cuePoints);
    const body = concat([seekHead({ info: infoPos, tracks: tracksPos, cues: p }), info, tracks, ...clusters.map((c) => c.bytes), cues]);
    return concat([header, idBytes(ID.Segment), vint(body.length, 8), body]);
  }
}
