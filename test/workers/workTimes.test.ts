// Pins workers/workTimes.ts: sections add up, steps and frames are counted, idle time is the gap
// between one call's end and the next call's start, and a report starts the sums again.
import { describe, expect, it } from 'vitest';
import { WorkTimes } from '../../workers/workTimes';

describe('WorkTimes', () => {
  it('sums sections, counts steps and frames, and measures idle time between calls', () => {
    let now = 100;
    const w = new WorkTimes(() => now);
    w.begin();
    w.add('stepMs', 30);
    w.add('stepMs', 25);
    w.add('timelineMs', 2);
    w.add('frameMs', 8);
    now = 170;
    w.end();
    now = 185;
    w.begin();
    w.add('snapshotMs', 40);
    now = 230;
    w.end();
    now = 240;
    const r = w.report();
    expect(r).toEqual({ spanMs: 140, steps: 2, frames: 1, calls: 2, stepMs: 55, timelineMs: 2, frameMs: 8, snapshotMs: 40, idleMs: 15 });
    const again = w.report();
    expect(again.calls).toBe(0);
    expect(again.stepMs).toBe(0);
    expect(again.spanMs).toBe(0);
  });
});
