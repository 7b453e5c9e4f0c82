// A hand-built Frame for the viz tests: cells placed exactly where a test wants them.
import type { Frame } from '../../sim/frame';

export interface CellSpec {
  x: number;
  y: number;
  type: number;
  state?: number;
  tissue?: number;
  radius?: number;
  /** Ticks since, as the engine writes them: 1 for an event of the step that made the frame's tick (inLastSteps); unset: never (-1). */
  sinceUptake?: number;
  sinceChange?: number;
}

export function frameWith(cells: CellSpec[], tick = 0): Frame {
  const n = cells.length;
  return {
    tick,
    hours: tick / 360,
    vesicles: { count: 0, xy: new Float32Array(0), tissue: new Uint8Array(0), type: new Uint8Array(0) },
    density: { counts: new Uint32Array(0), grids: [], perTissue: [] },
    cells: {
      count: n,
      id: Int32Array.from(cells, (_, i) => 100 + i),
      x: Float32Array.from(cells, (c) => c.x),
      y: Float32Array.from(cells, (c) => c.y),
      radius: Float32Array.from(cells, (c) => c.radius ?? 5),
      type: Uint8Array.from(cells, (c) => c.type),
      state: Uint8Array.from(cells, (c) => c.state ?? 0),
      tissue: Uint8Array.from(cells, (c) => c.tissue ?? 0),
      sinceUptake: Int32Array.from(cells, (c) => c.sinceUptake ?? -1),
      sinceChange: Int32Array.from(cells, (c) => c.sinceChange ?? -1),
    },
    blood: { packets: new Float64Array(1), perMl: new Float64Array(1) },
    samples: { from: 0, t: [], values: [] },
    warnings: [],
  };
}
