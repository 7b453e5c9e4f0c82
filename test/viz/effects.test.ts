// Pins the cell effects clock (viz/effects.ts): an uptake or state change since the previous
// frame starts a flash or pulse that fades over a fixed wall-clock time, at any run speed.
import { describe, expect, it } from 'vitest';
import { CellEffects, DEATH_MS, FLASH_MS, PULSE_MS } from '../../viz/effects';
import { frameWith } from './frameFixture';

describe('CellEffects', () => {
  it('flashes cells that bound a vesicle since the previous frame', () => {
    const fx = new CellEffects();
    fx.update(frameWith([{ x: 0, y: 0, type: 0 }], 100), 0);
    // 60 ticks later: one cell bound 10 ticks ago (new), one 80 ticks ago (already seen), one never.
    const f = frameWith(
      [
        { x: 0, y: 0, type: 0, sinceUptake: 10 },
        { x: 0, y: 0, type: 0, sinceUptake: 80 },
        { x: 0, y: 0, type: 0 },
      ],
      160,
    );
    fx.update(f, 1000);
    expect(fx.flash(100, 1000)).toBe(1);
    expect(fx.flash(101, 1000)).toBe(0);
    expect(fx.flash(102, 1000)).toBe(0);
  });

  it('fades a flash to nothing over FLASH_MS and then stops animating', () => {
    const fx = new CellEffects();
    fx.update(frameWith([], 0), 0);
    fx.update(frameWith([{ x: 0, y: 0, type: 0, sinceUptake: 0 }], 5), 1000);
    expect(fx.flash(100, 1000 + FLASH_MS / 2)).toBeCloseTo(0.5);
    expect(fx.active(1000 + FLASH_MS - 1)).toBe(true);
    expect(fx.flash(100, 1000 + FLASH_MS)).toBe(0);
    expect(fx.active(1000 + FLASH_MS)).toBe(false);
  });

  it('pulses cells that changed state, progress 0 → 1', () => {
    const fx = new CellEffects();
    fx.update(frameWith([], 0), 0);
    fx.update(frameWith([{ x: 0, y: 0, type: 0, sinceChange: 2 }], 10), 0);
    expect(fx.pulse(100, 0)).toBe(0);
    expect(fx.pulse(100, PULSE_MS / 4)).toBeCloseTo(0.25);
    expect(fx.pulse(100, PULSE_MS)).toBe(-1);
  });

  it('starts nothing on a repeated tick, and only this tick after a jump back', () => {
    const fx = new CellEffects();
    fx.update(frameWith([], 50), 0);
    fx.update(frameWith([{ x: 0, y: 0, type: 0, sinceUptake: 0 }], 50), 0);
    expect(fx.flash(100, 0)).toBe(0);
    fx.update(frameWith([{ x: 0, y: 0, type: 0, sinceUptake: 3 }, { x: 0, y: 0, type: 0, sinceUptake: 0 }], 10), 0);
    expect(fx.flash(100, 0)).toBe(0);
    expect(fx.flash(101, 0)).toBe(1);
  });
});

describe('CellEffects: dying cells', () => {
  it('keeps a removed cell where it was last seen for DEATH_MS, then forgets it', () => {
    const fx = new CellEffects();
    fx.update(frameWith([{ x: 1, y: 2, type: 1 }, { x: 3, y: 4, type: 0 }], 10), 0);
    // Cell 101 is gone in the next frame (frameWith numbers cells from 100).
    fx.update(frameWith([{ x: 1, y: 2, type: 1 }], 20), 1000);
    const d = fx.dying(1000 + DEATH_MS / 2);
    expect(d).toHaveLength(1);
    expect(d[0].death).toMatchObject({ id: 101, x: 3, y: 4, type: 0 });
    expect(d[0].p).toBeCloseTo(0.5);
    expect(fx.active(1000 + DEATH_MS - 1)).toBe(true);
    expect(fx.dying(1000 + DEATH_MS)).toHaveLength(0);
    expect(fx.active(1000 + DEATH_MS)).toBe(false);
  });

  it('a reset or a jump back in time is not a death', () => {
    const fx = new CellEffects();
    fx.update(frameWith([{ x: 1, y: 2, type: 1 }, { x: 3, y: 4, type: 0 }], 10), 0);
    fx.update(frameWith([{ x: 1, y: 2, type: 1 }], 0), 1000);
    expect(fx.dying(1000)).toHaveLength(0);
  });
});
