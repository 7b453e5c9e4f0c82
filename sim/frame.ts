// Frames: compact typed-array pictures of the model for drawing, built by the worker after
// each batch of steps and moved (not copied) to the page. The view reads frames only.
import type { Model } from './model';
import { takeCensus } from './metrics';
import { NEVER } from './state';

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
  cells: {
    count: number;
    id: Int32Array;
    x: Float32Array;
    y: Float32Array;
    radius: Float32Array;
    type: Uint8Array;
    state: Uint8Array;
    tissue: Uint8Array;
    /** Ticks since the cell last bound a vesicle / changed state (NEVER: never). */
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

/** Builds a frame; `fromSample` is how many metric samples the receiver already has. */
export function makeFrame(m: Model, fromSample: number): Frame {
  const v = m.vesicles;
  const n = v.count;
  const xy = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    xy[2 * i] = v.x[i];
    xy[2 * i + 1] = v.y[i];
  }
  const c = m.cells;
  const k = c.count;
  const since = (a: Int32Array) => Int32Array.from(a.subarray(0, k), (t) => (t === NEVER ? NEVER : m.tick - t));
  const census = takeCensus(m);
  const from = Math.min(fromSample, m.series.t.length);
  return {
    tick: m.tick,
    hours: (m.tick * m.dt) / 3600,
    vesicles: { count: n, xy, tissue: v.tissue.slice(0, n), type: v.type.slice(0, n) },
    cells: {
      count: k,
      id: c.id.slice(0, k),
      x: Float32Array.from(c.x.subarray(0, k)),
      y: Float32Array.from(c.y.subarray(0, k)),
      radius: Float32Array.from(c.radius.subarray(0, k)),
      type: c.type.slice(0, k),
      state: c.state.slice(0, k),
      tissue: c.tissue.slice(0, k),
      sinceUptake: since(c.lastUptake),
      sinceChange: since(c.lastChange),
    },
    blood: { packets: census.bloodByType, perMl: census.bloodPerMl },
    samples: { from, t: m.series.t.slice(from), values: m.series.values.map((s) => s.slice(from)) },
    warnings: m.warnings.map((w) => w.message),
  };
}

/** The buffers of a frame, for Comlink.transfer. */
export function frameBuffers(f: Frame): ArrayBuffer[] {
  const c = f.cells;
  return [f.vesicles.xy, f.vesicles.tissue, f.vesicles.type, c.id, c.x, c.y, c.radius, c.type, c.state, c.tissue, c.sinceUptake, c.sinceChange, f.blood.packets, f.blood.perMl].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
