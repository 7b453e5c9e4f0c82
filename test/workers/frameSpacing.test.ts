// Pins workers/frameSpacing.ts: the worker steps FRAME_SHARE times a frame's (smoothed) cost
// between frames, nothing before the first frame, and bad timings are ignored.
import { describe, expect, it } from 'vitest';
import { FRAME_SHARE, FrameSpacing } from '../../workers/frameSpacing';

describe('FrameSpacing', () => {
  it('asks for FRAME_SHARE times the smoothed frame cost', () => {
    const s = new FrameSpacing();
    expect(s.stepMsPerFrame()).toBe(0);
    s.note(20);
    expect(s.stepMsPerFrame()).toBe(20 * FRAME_SHARE);
    s.note(4);
    // Smoothed: between the old and the new cost, nearer the old.
    expect(s.stepMsPerFrame()).toBeGreaterThan(4 * FRAME_SHARE);
    expect(s.stepMsPerFrame()).toBeLessThan(20 * FRAME_SHARE);
    expect(s.stepMsPerFrame()).toBeCloseTo((0.75 * 20 + 0.25 * 4) * FRAME_SHARE, 9);
  });

  it('ignores NaN, negative and infinite timings and starts afresh after clear', () => {
    const s = new FrameSpacing();
    s.note(10);
    for (const bad of [NaN, -1, Infinity]) s.note(bad);
    expect(s.stepMsPerFrame()).toBe(10 * FRAME_SHARE);
    s.clear();
    expect(s.stepMsPerFrame()).toBe(0);
  });
});
