// Short-lived cell effects: a glow when a cell has just bound a vesicle, a pulse when it has
// just changed state, and a fading "dying" mark where a cell was removed. Frames say how many
// ticks ago each happened (a removed cell is one missing from the next frame); this turns
// "happened since the previous frame" into a wall-clock animation (ms) at any run speed.
import type { Frame } from '../sim/frame';
import { inLastSteps } from '../sim/state';

/** How long a flash (uptake), a pulse (state change) and a dying mark last on screen, in ms. */
export const FLASH_MS = 450;
export const PULSE_MS = 900;
export const DEATH_MS = 1200;

/** Where a removed cell was last seen, and when it went (wall-clock ms). */
export interface Death {
  id: number;
  x: number;
  y: number;
  radius: number;
  type: number;
  tissue: number;
  t0: number;
}

export class CellEffects {
  private flashes = new Map<number, number>();
  private pulses = new Map<number, number>();
  private deaths = new Map<number, Death>();
  private lastTick = -1;
  private prev: Frame['cells'] | null = null;
  /** The ids of the newest frame's cells (kept between frames: no new set per frame). */
  private alive = new Set<number>();

  /**
   * Starts effects for every cell whose uptake / state change happened since the previous frame
   * (inLastSteps: the steps since it). The first frame, a repeated tick or a jump back
   * (reset/restore) starts effects only for events of the latest step.
   */
  update(frame: Frame, now: number): void {
    const c = frame.cells;
    if (frame.tick === this.lastTick) return;
    const fresh = this.lastTick < 0 || frame.tick < this.lastTick;
    if (fresh) this.clear();
    const window = fresh ? 1 : frame.tick - this.lastTick;
    this.lastTick = frame.tick;
    if (!fresh && this.prev) this.noteDeaths(this.prev, c, now);
    this.prev = c;
    for (let i = 0; i < c.count; i++) {
      if (inLastSteps(c.sinceUptake[i], window)) this.flashes.set(c.id[i], now);
      if (inLastSteps(c.sinceChange[i], window)) this.pulses.set(c.id[i], now);
    }
    this.prune(now);
  }

  /** Flash strength of cell `id` at `now`: 1 when it starts, fading to 0 (0: no flash). */
  flash(id: number, now: number): number {
    const t0 = this.flashes.get(id);
    if (t0 === undefined) return 0;
    const p = (now - t0) / FLASH_MS;
    return p < 0 || p >= 1 ? 0 : 1 - p;
  }

  /** Pulse progress of cell `id` at `now`: 0 → 1 while it runs, -1 when there is none. */
  pulse(id: number, now: number): number {
    const t0 = this.pulses.get(id);
    if (t0 === undefined) return -1;
    const p = (now - t0) / PULSE_MS;
    return p < 0 || p >= 1 ? -1 : p;
  }

  /** Cells removed recently, each with its progress 0 → 1 at `now`. */
  dying(now: number): readonly { death: Death; p: number }[] {
    // Most frames have none: no list is made for them.
    if (this.deaths.size === 0) return NONE_DYING;
    const out: { death: Death; p: number }[] = [];
    for (const d of this.deaths.values()) {
      const p = (now - d.t0) / DEATH_MS;
      if (p >= 0 && p < 1) out.push({ death: d, p });
    }
    return out;
  }

  /** True when any flash or pulse may be running (the cell layer skips its walk of the cells when none is). */
  any(): boolean {
    return this.flashes.size > 0 || this.pulses.size > 0;
  }

  /** True while any effect is still running (the view keeps animating until then). */
  active(now: number): boolean {
    this.prune(now);
    return this.flashes.size > 0 || this.pulses.size > 0 || this.deaths.size > 0;
  }

  /** Forgets every effect and the last tick (new run, new tissue). */
  clear(): void {
    this.flashes.clear();
    this.pulses.clear();
    this.deaths.clear();
  }

  /** Forgets the last tick and frame too, so the next frame counts as the first. */
  reset(): void {
    this.clear();
    this.lastTick = -1;
    this.prev = null;
  }

  /** Every cell of `before` that `after` no longer has died (or left) in between. */
  private noteDeaths(before: Frame['cells'], after: Frame['cells'], now: number): void {
    // The engine keeps its cells in the order they were made, so ids usually rise along both
    // frames: then one walk along both finds the missing ones (no set of every id per frame,
    // which cost milliseconds a frame with thousands of cells on a slow laptop).
    if (rising(before.id, before.count) && rising(after.id, after.count)) {
      let j = 0;
      for (let i = 0; i < before.count; i++) {
        const id = before.id[i];
        while (j < after.count && after.id[j] < id) j++;
        if (j < after.count && after.id[j] === id) continue;
        this.noteDeath(before, i, now);
      }
      return;
    }
    const alive = this.alive;
    alive.clear();
    for (let i = 0; i < after.count; i++) alive.add(after.id[i]);
    for (let i = 0; i < before.count; i++) if (!alive.has(before.id[i])) this.noteDeath(before, i, now);
  }

  private noteDeath(cells: Frame['cells'], i: number, now: number): void {
    const id = cells.id[i];
    this.deaths.set(id, { id, x: cells.x[i], y: cells.y[i], radius: cells.radius[i], type: cells.type[i], tissue: cells.tissue[i], t0: now });
  }

  /**
   * Forgets the effects that have ended. Called every animation frame: the maps are walked with
   * forEach and callbacks made once (a for…of over a map's entries makes a pair per entry).
   */
  private prune(now: number): void {
    if (this.flashes.size === 0 && this.pulses.size === 0 && this.deaths.size === 0) return;
    this.pruneAt = now;
    this.flashes.forEach(this.pruneFlash);
    this.pulses.forEach(this.prunePulse);
    this.deaths.forEach(this.pruneDeath);
  }

  private pruneAt = 0;
  private readonly pruneFlash = (t0: number, id: number): void => {
    if (this.pruneAt - t0 >= FLASH_MS) this.flashes.delete(id);
  };
  private readonly prunePulse = (t0: number, id: number): void => {
    if (this.pruneAt - t0 >= PULSE_MS) this.pulses.delete(id);
  };
  private readonly pruneDeath = (d: Death, id: number): void => {
    if (this.pruneAt - d.t0 >= DEATH_MS) this.deaths.delete(id);
  };
}

/** The dying list of a frame with no dying cells (shared, never written). */
const NONE_DYING: { death: Death; p: number }[] = [];

/** True when the first `n` ids strictly rise. */
function rising(ids: ArrayLike<number>, n: number): boolean {
  for (let i = 1; i < n; i++) if (ids[i] <= ids[i - 1]) return false;
  return true;
}
