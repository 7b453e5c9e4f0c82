// Pins src/app/quality.ts with made-up clocks: full quality while frames keep within budget,
// reduced after a second of missed frames, a try of full quality after the hold (the notice
// staying up during it), a longer hold after a failed try, and back to full when the try succeeds.
import { describe, expect, it } from 'vitest';
import { QualityGovernor } from '../../src/app/quality';

/** Feeds `ms` of frames at `interval` ms apart with `draw` ms of drawing each; returns the end time. */
function run(q: QualityGovernor, from: number, ms: number, interval: number, draw: number): number {
  let t = from;
  while (t < from + ms) {
    t += interval;
    q.note(t, interval, draw);
  }
  return t;
}

describe('QualityGovernor', () => {
  it('stays full at 60 fps with cheap drawing', () => {
    const q = new QualityGovernor();
    run(q, 0, 10_000, 16.7, 3);
    expect(q.level).toBe('full');
    expect(q.reduced).toBe(false);
  });

  it('reduces after a window of slow frames, or of costly drawing', () => {
    const slow = new QualityGovernor();
    run(slow, 0, 1100, 40, 3);
    expect(slow.level).toBe('reduced');
    const costly = new QualityGovernor();
    run(costly, 0, 1100, 16.7, 14);
    expect(costly.level).toBe('reduced');
  });

  it('tries full again after the hold, keeps the notice during the try, and doubles the hold when the try fails', () => {
    const q = new QualityGovernor();
    let t = run(q, 0, 1100, 40, 3);
    expect(q.level).toBe('reduced');
    t = run(q, t, 3000, 40, 3);
    expect(q.level).toBe('full');
    expect(q.reduced).toBe(true);
    t = run(q, t, 1100, 40, 3);
    expect(q.level).toBe('reduced');
    // The next try waits 6 s, not 3.
    t = run(q, t, 4000, 40, 3);
    expect(q.level).toBe('reduced');
    run(q, t, 2500, 40, 3);
    expect(q.level).toBe('full');
  });

  it('returns to full quality, notice gone, once the budget is met again', () => {
    const q = new QualityGovernor();
    let t = run(q, 0, 1100, 40, 3);
    t = run(q, t, 3000, 16.7, 2);
    run(q, t, 1200, 16.7, 2);
    expect(q.level).toBe('full');
    expect(q.reduced).toBe(false);
  });
});
