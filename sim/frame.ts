// Frames: compact typed-array pictures of the model for drawing, built by the worker after
// each batch of steps and moved (not copied) to the page. The vesicle arrays and the density
// grid can be written into buffers the page handed back (a FrameStore), so frames allocate no
// large arrays once the pool is warm. Building a frame only reads the model (no state changes).
import type { Model } from './model';
import { bloodCensus } from './metrics';
import { NEVER } from './state';

/** One tissue's density grid: `nx × ny` bins of `binUm` µm, starting at `offset` in the counts. */
export interface DensityGrid {
  nx: number;
  ny: number;
  binUm: number;
  offset: number;
}

export interface Frame {
  tick: number;
  hours: number;
  vesicles: {
    count: number;
    /** Interleaved x, y in µm: [x0, y0, x1, y1, …]. */
    xy: Float32Array;
    tissue: Uint8Array;
    type: Uint8Array;
  };
  /** Vesicle dots per bin of a coarse grid over each tissue, counted while the positions were copied. */
  density: { counts: Uint32Array; grids: DensityGrid[]; perTissue: number[] };
  cells: {
    count: number;
    id: Int32Array;
    x: Float32Array;
    y: Float32Array;
    radius: Float32Array;
    type: Uint8Array;
    state: Uint8Array;
    tissue: Uint8Array;
    /**
     * Ticks since the cell last bound a vesicle / changed state (NEVER: never). An event of the
     * step that made this frame's tick reads 1 (the step from tick T records T): inLastSteps.
     */
    sinceUptake: Int32Array;
    sinceChange: Int32Array;
  };
  /** Blood packets and concentration (EV/mL) per vesicle type. */
  blood: { packets: Float64Array; perMl: Float64Array };
  /** Metric samples added since the sample index `from`. */
  samples: { from: number; t: number[]; values: number[][] };
  /** Run warnings so far. */
  warnings: string[];
}

/** Reusable buffers for a frame's large arrays (each may be longer than a frame needs). */
export interface FrameStore {
  xy: Float32Array;
  tissue: Uint8Array;
  type: Uint8Array;
  counts: Uint32Array;
}

/** Bins along a tissue's longer side (about 3 µm in an 800 µm tissue). */
export const DENSITY_BINS = 256;

/** The density grids of a scenario's tissues, in the model's tissue order. */
export function densityGrids(m: Model): DensityGrid[] {
  let offset = 0;
  return Object.values(m.scenario.tissues).map((t) => {
    const binUm = Math.max(t.width, t.height, 1) / DENSITY_BINS;
    const nx = Math.max(1, Math.ceil(t.width / binUm));
    const ny = Math.max(1, Math.ceil(t.height / binUm));
    const g = { nx, ny, binUm, offset };
    offset += nx * ny;
    return g;
  });
}

/** Length of the counts array for `grids`. */
export function densityLength(grids: readonly DensityGrid[]): number {
  const last = grids[grids.length - 1];
  return last ? last.offset + last.nx * last.ny : 0;
}

/** True when `s` can hold a frame of `n` vesicles and `cells` density bins. */
export function storeFits(s: FrameStore, n: number, bins: number): boolean {
  return s.xy.length >= 2 * n && s.tissue.length >= n && s.type.length >= n && s.counts.length === bins;
}

/** Copies positions, tissues and types into the store and counts each dot into its tissue's grid. */
function fillVesicles(m: Model, n: number, grids: readonly DensityGrid[], s: FrameStore, perTissue: number[]): void {
  const v = m.vesicles;
  const { xy, counts } = s;
  const tis = s.tissue;
  tis.set(v.tissue.subarray(0, n));
  s.type.set(v.type.subarray(0, n));
  counts.fill(0);
  const nt = grids.length;
  // Per-tissue grid constants in typed arrays: the loop below reads no objects.
  const inv = Float64Array.from(grids, (g) => 1 / g.binUm);
  const gx = Int32Array.from(grids, (g) => g.nx);
  const gy = Int32Array.from(grids, (g) => g.ny);
  const go = Int32Array.from(grids, (g) => g.offset);
  const vx = v.x;
  const vy = v.y;
  // Per-tissue constants, reloaded only when the tissue changes from one packet to the next.
  let lastT = -1;
  let k = 0;
  let nx = 1;
  let ny = 1;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const x = vx[i];
    const y = vy[i];
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    const t = tis[i];
    if (t !== lastT) {
      if (t >= nt) continue;
      lastT = t;
      k = inv[t];
      nx = gx[t];
      ny = gy[t];
      o = go[t];
    }
    let bx = (x * k) | 0;
    let by = (y * k) | 0;
    bx = bx < 0 ? 0 : bx >= nx ? nx - 1 : bx;
    by = by < 0 ? 0 : by >= ny ? ny - 1 : by;
    counts[o + by * nx + bx]++;
  }
  // Each tissue's dots are the sum of its bins (a running tally in the loop above was a
  // read-modify-write of one memory word per packet, a chain the loop waited on).
  for (let t = 0; t < nt; t++) {
    let sum = 0;
    for (let b = go[t], end = go[t] + gx[t] * gy[t]; b < end; b++) sum += counts[b];
    perTissue.push(sum);
  }
}

/**
 * The cells' columns and the blood figures as views into one new buffer: one transferable where
 * there were eleven. Each buffer moved to the page is an object of the browser's own heap there,
 * so a frame's eleven small buffers were most of the garbage a playing run left on the page each
 * frame (docs/performance.md). Laid out widest first, so every view starts on its own alignment.
 */
function packedCellsAndBlood(m: Model, packets: Float64Array, perMl: Float64Array): Pick<Frame, 'cells' | 'blood'> {
  const c = m.cells;
  const k = c.count;
  const nv = packets.length;
  const buffer = new ArrayBuffer(16 * nv + 27 * k);
  let at = 0;
  /** The offset of the next `bytes` bytes of the buffer. */
  const next = (bytes: number) => (at += bytes) - bytes;
  const blood = { packets: new Float64Array(buffer, next(8 * nv), nv), perMl: new Float64Array(buffer, next(8 * nv), nv) };
  blood.packets.set(packets);
  blood.perMl.set(perMl);
  const cells = {
    count: k,
    id: new Int32Array(buffer, next(4 * k), k),
    x: new Float32Array(buffer, next(4 * k), k),
    y: new Float32Array(buffer, next(4 * k), k),
    radius: new Float32Array(buffer, next(4 * k), k),
    sinceUptake: new Int32Array(buffer, next(4 * k), k),
    sinceChange: new Int32Array(buffer, next(4 * k), k),
    type: new Uint8Array(buffer, next(k), k),
    state: new Uint8Array(buffer, next(k), k),
    tissue: new Uint8Array(buffer, next(k), k),
  };
  cells.id.set(c.id.subarray(0, k));
  cells.x.set(c.x.subarray(0, k));
  cells.y.set(c.y.subarray(0, k));
  cells.radius.set(c.radius.subarray(0, k));
  cells.type.set(c.type.subarray(0, k));
  cells.state.set(c.state.subarray(0, k));
  cells.tissue.set(c.tissue.subarray(0, k));
  const since = (from: Int32Array, into: Int32Array) => {
    for (let i = 0; i < k; i++) into[i] = from[i] === NEVER ? NEVER : m.tick - from[i];
  };
  since(c.lastUptake, cells.sinceUptake);
  since(c.lastChange, cells.sinceChange);
  return { cells, blood };
}

/**
 * Builds a frame; `fromSample` is how many metric samples the receiver already has. With a
 * `store` that fits (storeFits), the vesicle arrays and density counts are views into it.
 */
export function makeFrame(m: Model, fromSample: number, store?: FrameStore, grids: readonly DensityGrid[] = densityGrids(m)): Frame {
  const v = m.vesicles;
  const n = v.count;
  const bins = densityLength(grids);
  const s: FrameStore = store && storeFits(store, n, bins) ? store : { xy: new Float32Array(2 * n), tissue: new Uint8Array(n), type: new Uint8Array(n), counts: new Uint32Array(bins) };
  const perTissue: number[] = [];
  fillVesicles(m, n, grids, s, perTissue);
  const census = bloodCensus(m);
  const from = Math.min(fromSample, m.series.t.length);
  return {
    tick: m.tick,
    hours: (m.tick * m.dt) / 3600,
    vesicles: { count: n, xy: s.xy.subarray(0, 2 * n), tissue: s.tissue.subarray(0, n), type: s.type.subarray(0, n) },
    density: { counts: s.counts, grids: grids.map((g) => ({ ...g })), perTissue },
    ...packedCellsAndBlood(m, census.bloodByType, census.bloodPerMl),
    samples: { from, t: m.series.t.slice(from), values: m.series.values.map((s) => s.slice(from)) },
    warnings: m.warnings.map((w) => w.message),
  };
}

/** The whole buffers behind a frame's vesicle arrays and density counts: what the page hands back. */
export function frameStoreOf(f: Frame): FrameStore {
  const whole = <T extends Float32Array | Uint8Array | Uint32Array>(a: T, make: (b: ArrayBuffer) => T): T => (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? a : make(a.buffer as ArrayBuffer));
  return {
    xy: whole(f.vesicles.xy, (b) => new Float32Array(b)),
    tissue: whole(f.vesicles.tissue, (b) => new Uint8Array(b)),
    type: whole(f.vesicles.type, (b) => new Uint8Array(b)),
    counts: whole(f.density.counts, (b) => new Uint32Array(b)),
  };
}

/** The buffers of a frame store, for Comlink.transfer. */
export function storeBuffers(s: FrameStore): ArrayBuffer[] {
  return [s.xy, s.tissue, s.type, s.counts].map((a) => a.buffer as ArrayBuffer);
}

/** The buffers of a frame, for Comlink.transfer. */
export function frameBuffers(f: Frame): ArrayBuffer[] {
  const c = f.cells;
  const all = [f.vesicles.xy, f.vesicles.tissue, f.vesicles.type, f.density.counts, c.id, c.x, c.y, c.radius, c.type, c.state, c.tissue, c.sinceUptake, c.sinceChange, f.blood.packets, f.blood.perMl];
  // Each buffer once (the cells' columns and the blood share one): a buffer listed twice cannot be moved.
  return [...new Set(all.map((a) => a.buffer as ArrayBuffer))];
}
