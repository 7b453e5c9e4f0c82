// Pins what "Follow a vesicle" reports (workers/follow.ts): the straight-line distance from
// where the packet started and the length of its whole zig-zag path, which differ a lot for a
// random walk — the lesson's "about 85 µm an hour" is the first, not the second.
import { describe, expect, it } from 'vitest';
import { createModel, step, type Model } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { Follower } from '../../workers/follow';

function letters(): Model {
  const s = lesson('letters');
  if (!s) throw new Error('letters is not registered');
  return createModel(s, '7');
}

describe('Follower distances', () => {
  it('reports displacement and path length that agree with the drawn path, and tell them apart', () => {
    const m = letters();
    step(m, Math.round(3600 / m.dt)); // 1 h: plenty of free letters
    expect(m.vesicles.count).toBeGreaterThan(40);
    const followers: Follower[] = [];
    for (let k = 0; k < 40; k++) followers.push(new Follower(m, Math.floor((k * m.vesicles.count) / 40)));
    const steps = Math.round(3600 / m.dt); // follow for 1 h
    for (let s = 0; s < steps; s++) {
      step(m, 1);
      for (const f of followers) f.afterStep(m);
    }
    const free = followers.map((f) => f.report(m)).filter((r) => r.fate === 'free');
    expect(free.length).toBeGreaterThan(5);
    let sumSq = 0;
    for (const r of free) {
      const p = r.path;
      const n = p.length;
      // Displacement: first to last point of the path.
      expect(r.distanceFromStartUm).toBeCloseTo(Math.hypot(p[n - 2] - p[0], p[n - 1] - p[1]), 9);
      // Path length: the sum of the steps (the path is not thinned at this length).
      expect(n / 2).toBe(steps + 1);
      let len = 0;
      for (let k = 2; k < n; k += 2) len += Math.hypot(p[k] - p[k - 2], p[k + 1] - p[k - 1]);
      expect(r.pathLengthUm).toBeCloseTo(len, 6);
      expect(r.pathLengthUm).toBeGreaterThanOrEqual(r.distanceFromStartUm);
      sumSq += r.distanceFromStartUm ** 2;
    }
    const rms = Math.sqrt(sumSq / free.length);
    const meanPath = free.reduce((a, r) => a + r.pathLengthUm, 0) / free.length;
    // A random walk of N steps: the path grows like N, the distance from the start like √N, so
    // after hundreds of steps the path is many times longer than the distance reached.
    expect(meanPath).toBeGreaterThan(4 * rms);
    // And the distance is the lesson's "about 85 µm in an hour": √(4·D·t) with D = 0.5 µm²/s.
    // |r|² of a 2-D walk is exponential (sd = mean), so the RMS of n walks is off by about
    // 1/(2√n) relative; allow 3 of those (survivors near no cell are barely biased).
    const expected = Math.sqrt(4 * 0.5 * 3600);
    expect(Math.abs(rms - expected) / expected).toBeLessThan(3 / (2 * Math.sqrt(free.length)));
  });
});
