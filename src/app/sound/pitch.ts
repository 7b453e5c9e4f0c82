// The sound layer's arithmetic, apart from any audio object: the pitch that follows the lesson's
// main metric, what one frame brought (uptake bursts, state changes) and a throttle that keeps the
// sounds sparse. Pure functions and a tiny class, unit-tested in test/app/sound.test.ts.

import { inLastSteps } from '../../../sim/state';

/** Lowest and highest pitch of the metric's tone, Hz (two octaves from A3). */
export const LOW_HZ = 220;
export const HIGH_HZ = 880;

/**
 * The pitch for `value` on the run's range [lo, hi] so far: LOW_HZ at lo, HIGH_HZ at hi, equal
 * steps of value giving equal musical steps; on a log chart, equal ratios do. A flat or empty
 * range gives the middle; a value outside is held at the ends; never NaN.
 */
export function pitchFor(value: number, lo: number, hi: number, log = false): number {
  const f = (x: number) => (log ? Math.log(Math.max(x, 1e-12)) : x);
  const a = f(lo);
  const b = f(hi);
  const v = f(value);
  const t = Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(v) && b > a ? Math.max(0, Math.min(1, (v - a) / (b - a))) : 0.5;
  return LOW_HZ * Math.pow(HIGH_HZ / LOW_HZ, t);
}

/** The frame's cells as the sound layer reads them. */
export interface CellEvents {
  count: number;
  sinceUptake: ArrayLike<number>;
  sinceChange: ArrayLike<number>;
}

/** How many cells took up a vesicle, and how many changed state, in the last `window` steps (inLastSteps). */
export function frameEvents(c: CellEvents, window: number): { uptakes: number; changes: number } {
  let uptakes = 0;
  let changes = 0;
  const n = Math.min(c.count, c.sinceUptake.length, c.sinceChange.length);
  for (let i = 0; i < n; i++) {
    if (inLastSteps(c.sinceUptake[i], window)) uptakes++;
    if (inLastSteps(c.sinceChange[i], window)) changes++;
  }
  return { uptakes, changes };
}

/** Lets a sound through at most once every `minMs` (wall-clock ms). */
export class Throttle {
  private last = -Infinity;
  constructor(readonly minMs: number) {}

  /** True (and counts as played) when at least minMs passed since the last one let through. */
  take(now: number): boolean {
    if (now - this.last < this.minMs) return false;
    this.last = now;
    return true;
  }

  reset(): void {
    this.last = -Infinity;
  }
}
