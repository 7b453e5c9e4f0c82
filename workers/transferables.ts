// The buffers inside a snapshot, so a snapshot can be moved (not copied) across the worker
// boundary with Comlink.transfer. A snapshot's arrays are its own copies, so moving is safe.
import type { Snapshot } from '../sim/index';

export function snapshotBuffers(s: Snapshot): ArrayBuffer[] {
  const all: unknown[] = [...Object.values(s.vesicles), ...Object.values(s.cells.columns), s.blood, s.deaths, s.uptakeTotals];
  const views = all.filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}
