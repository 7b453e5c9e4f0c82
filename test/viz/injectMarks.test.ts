// Injection marks (viz/injectMarks.ts): an injection waits (a still ring) until a frame past its
// tick arrives, then spreads for INJECT_PULSE_MS with its dots drawn large; reduced motion keeps
// one still ring for INJECT_STILL_MS and never enlarges dots; a jump back in time drops it; only
// the injected kind of dot inside the injected patch is drawn large.
import { describe, expect, it } from 'vitest';
import { drawInjectedDots, INJECT_PULSE_MS, INJECT_STILL_MS, InjectMarks, type InjectSite } from '../../viz/injectMarks';

const site: InjectSite = { tissue: 0, x: 100, y: 100, radius: 20, vesicleType: 1 };

describe('injection marks', () => {
  it('waits for the frame that applies the injection, then spreads for INJECT_PULSE_MS with large dots', () => {
    const m = new InjectMarks();
    m.add(site, 50);
    m.frame(50, 1000);
    expect(m.boosted(0, 1000, false)).toEqual([]);
    expect(m.active(1000, false)).toBe(false);
    m.frame(51, 2000);
    expect(m.boosted(0, 2000, false)).toHaveLength(1);
    expect(m.boosted(1, 2000, false)).toEqual([]);
    expect(m.active(2000 + INJECT_PULSE_MS - 1, false)).toBe(true);
    expect(m.active(2000 + INJECT_PULSE_MS, false)).toBe(false);
    expect(m.boosted(0, 2000 + INJECT_PULSE_MS, false)).toEqual([]);
  });

  it('with reduced motion keeps a still mark longer and never enlarges dots', () => {
    const m = new InjectMarks();
    m.add(site, 0);
    m.frame(1, 0);
    expect(m.boosted(0, 10, true)).toEqual([]);
    expect(m.active(INJECT_STILL_MS - 1, true)).toBe(true);
    expect(m.active(INJECT_STILL_MS, true)).toBe(false);
  });

  it('drops an injection when the run jumps back before it (reset, undo)', () => {
    const m = new InjectMarks();
    m.add(site, 50);
    m.frame(0, 100);
    m.frame(60, 200);
    expect(m.boosted(0, 200, false)).toEqual([]);
  });

  it('draws large only the injected kind of dot inside the patch', () => {
    const rects: number[][] = [];
    const ctx = { save() {}, restore() {}, beginPath() {}, rect: (...a: number[]) => rects.push(a), stroke() {}, fill() {}, lineWidth: 0, strokeStyle: '', fillStyle: '' };
    // Dots: inside (type 1), inside but another type, outside the patch (type 1), another tissue.
    const v = { count: 4, xy: Float32Array.from([105, 95, 100, 100, 200, 100, 100, 100]), tissue: Uint8Array.from([0, 0, 0, 1]), type: Uint8Array.from([1, 0, 1, 1]) };
    drawInjectedDots(ctx as unknown as CanvasRenderingContext2D, v, { site, sx: (x) => x, sy: (y) => y, colour: '#000' });
    expect(rects).toHaveLength(1);
    expect(rects[0][0]).toBeCloseTo(103, 9);
  });
});
