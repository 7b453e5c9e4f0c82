// The worker's pool of frame buffers: the page hands back the buffers of frames it has drawn, and
// the next frame is written into one of them, so a running view allocates no large arrays. A new
// store (with room to grow) is made only when none fits, e.g. while the vesicle count climbs.
import { densityLength, storeFits, type DensityGrid, type FrameStore } from '../sim/index';

/** Stores kept at most (the page holds one or two more while it draws). */
const KEEP = 3;
/** A new store has this much room above the count that needed it, so a growing run reuses it. */
const HEADROOM = 1.25;

export class FramePool {
  private free: FrameStore[] = [];
  /** Stores made because none fitted (for tests and the bench). */
  made = 0;

  /** Takes a store that fits `n` vesicles and the grids' bins (a new one when none does). */
  take(n: number, grids: readonly DensityGrid[]): FrameStore {
    const bins = densityLength(grids);
    const i = this.free.findIndex((s) => storeFits(s, n, bins));
    if (i >= 0) return this.free.splice(i, 1)[0];
    this.made++;
    const cap = Math.ceil(n * HEADROOM) + 1024;
    return { xy: new Float32Array(2 * cap), tissue: new Uint8Array(cap), type: new Uint8Array(cap), counts: new Uint32Array(bins) };
  }

  /** Takes back stores from the page (detached or malformed ones are ignored). */
  give(stores: readonly FrameStore[] | undefined): void {
    for (const s of stores ?? []) {
      if (!s || !(s.xy instanceof Float32Array) || !(s.tissue instanceof Uint8Array) || !(s.type instanceof Uint8Array) || !(s.counts instanceof Uint32Array)) continue;
      if (s.xy.length === 0 && s.counts.length === 0) continue;
      this.free.push(s);
    }
    // Keep the largest: a store too small for the run now is the one to let go.
    if (this.free.length > KEEP) this.free = this.free.sort((a, b) => b.xy.length - a.xy.length).slice(0, KEEP);
  }

  /** Forgets every store (a new run may need other sizes) and starts counting afresh. */
  clear(): void {
    this.free = [];
    this.made = 0;
  }

  get size(): number {
    return this.free.length;
  }
}
