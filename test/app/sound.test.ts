// The sound layer's arithmetic (src/app/sound/pitch.ts): the pitch follows the main metric over the
// run's range (two octaves, equal steps musically, log on a log chart, never NaN), a frame's uptakes
// and state changes are counted over the ticks it covers, and the throttle keeps sounds apart.
import { describe, expect, it } from 'vitest';
import { frameEvents, HIGH_HZ, LOW_HZ, pitchFor, Throttle } from '../../src/app/sound/pitch';

describe('the sound layer', () => {
  it('maps the metric onto two octaves: lowest value low, highest high, the middle an octave up', () => {
    expect(pitchFor(0, 0, 100)).toBeCloseTo(LOW_HZ, 9);
    expect(pitchFor(100, 0, 100)).toBeCloseTo(HIGH_HZ, 9);
    expect(pitchFor(50, 0, 100)).toBeCloseTo(2 * LOW_HZ, 9);
    // On a log chart equal ratios are equal steps: 10 between 1 and 100 is the middle.
    expect(pitchFor(10, 1, 100, true)).toBeCloseTo(2 * LOW_HZ, 9);
  });

  it('holds values outside the range at its ends and gives the middle for a flat or unknown range', () => {
    expect(pitchFor(-5, 0, 100)).toBeCloseTo(LOW_HZ, 9);
    expect(pitchFor(500, 0, 100)).toBeCloseTo(HIGH_HZ, 9);
    for (const p of [pitchFor(3, 3, 3), pitchFor(NaN, 0, 1), pitchFor(1, Infinity, -Infinity), pitchFor(0, 0, 10, true)]) {
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(LOW_HZ);
      expect(p).toBeLessThanOrEqual(HIGH_HZ);
    }
    expect(pitchFor(3, 3, 3)).toBeCloseTo(2 * LOW_HZ, 9);
  });

  it('counts the uptakes and state changes of the steps a frame covers (the latest step reads 1; never-happened is -1)', () => {
    const cells = { count: 4, sinceUptake: Int32Array.from([1, 3, 6, -1]), sinceChange: Int32Array.from([-1, 1, 4, 2]) };
    expect(frameEvents(cells, 1)).toEqual({ uptakes: 1, changes: 1 });
    expect(frameEvents(cells, 3)).toEqual({ uptakes: 2, changes: 2 });
    expect(frameEvents(cells, 0)).toEqual({ uptakes: 0, changes: 0 });
  });

  it('lets one sound through per interval', () => {
    const t = new Throttle(150);
    expect([0, 100, 149, 150, 200, 300, 301].map((now) => t.take(now))).toEqual([true, false, false, true, false, true, false]);
    t.reset();
    expect(t.take(302)).toBe(true);
  });
});
