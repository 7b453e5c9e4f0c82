// Pins the cell effects clock (viz/effects.ts): an uptake or state change since the previous
// frame starts a flash or pulse that fades over a fixed wall-clock time, at any run speed.
import { describe, expect, it } from 'vitest';
import { CellEffects, DEATH_MS, FLASH_MS, PULSE_MS } from '../../viz/effects';
import { frameWith } from './frameFixture';
import { createModel, makeFrame, step, type Model } from '../../sim/index';
import { frameEvents } from '../../src/app/sound/pitch';
import { lesson } from '../../lessons/index';
import { valid } from '../sim/helpers';

describe('CellEffects', () => {
  it('flashes cells that bound a vesicle since the previous frame', () => {
    const fx = new CellEffects();
    fx.update(frameWith([{ x: 0, y: 0, type: 0 }], 100), 0);
    // 60 ticks later: one cell bound 10 ticks ago (new), one 80 ticks ago (already seen), one
    // 61 ticks ago (in the step before the previous frame, seen then), one never.
    const f = frameWith(
      [
        { x: 0, y: 0, type: 0, sinceUptake: 10 },
        { x: 0, y: 0, type: 0, sinceUptake: 80 },
        { x: 0, y: 0, type: 0, sinceUptake: 61 },
        { x: 0, y: 0, type: 0 },
      ],
      160,
    );
    fx.update(f, 1000);
    expect(fx.flash(100, 1000)).toBe(1);
    expect(fx.flash(101, 1000)).toBe(0);
    expect(fx.flash(102, 1000)).toBe(0);
    expect(fx.flash(103, 1000)).toBe(0);
  });

  it('fades a flash to nothing over FLASH_MS and then stops animating', () => {
    const fx = new CellEffects();
    fx.update(frameWith([], 0), 0);
    fx.update(frameWith([{ x: 0, y: 0, type: 0, sinceUptake: 1 }], 5), 1000);
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

  it('starts nothing on a repeated tick, and only the latest step after a jump back', () => {
    const fx = new CellEffects();
    fx.update(frameWith([], 50), 0);
    fx.update(frameWith([{ x: 0, y: 0, type: 0, sinceUptake: 1 }], 50), 0);
    expect(fx.flash(100, 0)).toBe(0);
    fx.update(frameWith([{ x: 0, y: 0, type: 0, sinceUptake: 3 }, { x: 0, y: 0, type: 0, sinceUptake: 1 }], 10), 0);
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

  /** A frame whose cells carry the given ids (frameWith numbers them from 100). */
  const withIds = (ids: number[], tick: number) => {
    const f = frameWith(ids.map((id) => ({ x: id, y: 0, type: 0 })), tick);
    f.cells.id.set(ids);
    return f;
  };

  it('finds the cells gone between two frames whether their ids rise or not', () => {
    // Rising ids (the engine's order): 5 and 9 are gone, 12 and 13 are new.
    const rising = new CellEffects();
    rising.update(withIds([3, 5, 7, 9, 11], 10), 0);
    rising.update(withIds([3, 7, 11, 12, 13], 20), 1000);
    expect(rising.dying(1000).map((d) => d.death.id).sort((a, b) => a - b)).toEqual([5, 9]);
    expect(rising.dying(1000).find((d) => d.death.id === 9)?.death.x).toBe(9);
    // The same cells in another order: the same deaths.
    const mixed = new CellEffects();
    mixed.update(withIds([9, 3, 11, 5, 7], 10), 0);
    mixed.update(withIds([13, 7, 3, 12, 11], 20), 1000);
    expect(mixed.dying(1000).map((d) => d.death.id).sort((a, b) => a - b)).toEqual([5, 9]);
    // Everything gone, and nothing there before.
    const all = new CellEffects();
    all.update(withIds([1, 2], 10), 0);
    all.update(withIds([], 20), 1000);
    all.update(withIds([4], 30), 1000);
    expect(all.dying(1000).map((d) => d.death.id).sort((a, b) => a - b)).toEqual([1, 2]);
  });
});

describe('CellEffects and the sound layer on the engine\'s own frames', () => {
  /** The ids of the cells whose last uptake / state change fell in the last `steps` steps, from the model itself. */
  const recent = (m: Model, steps: number, of: 'lastUptake' | 'lastChange'): number[] => {
    const ids: number[] = [];
    for (let i = 0; i < m.cells.count; i++) if (m.cells[of][i] >= m.tick - steps) ids.push(m.cells.id[i]);
    return ids;
  };

  it('flash, pulse and count exactly the cells the last step or steps touched, one step per frame or four', () => {
    for (const perFrame of [1, 4]) {
      const m = createModel(valid(lesson('letters')));
      const fx = new CellEffects();
      let flashed = 0;
      let pulsed = 0;
      for (let frame = 0; frame < 480 / perFrame; frame++) {
        step(m, perFrame);
        const f = makeFrame(m, 0);
        const now = 1000 * frame;
        fx.update(f, now);
        const uptakes = recent(m, perFrame, 'lastUptake');
        const changes = recent(m, perFrame, 'lastChange');
        // The first frame counts only the latest step (nothing before it was seen).
        if (frame > 0 || perFrame === 1) {
          expect(Array.from(f.cells.id).filter((id) => fx.flash(id, now) === 1)).toEqual(uptakes);
          expect(Array.from(f.cells.id).filter((id) => fx.pulse(id, now) === 0)).toEqual(changes);
          expect(frameEvents(f.cells, perFrame)).toEqual({ uptakes: uptakes.length, changes: changes.length });
        }
        flashed += uptakes.length;
        pulsed += changes.length;
      }
      // The run has plenty of both by 480 steps (80 min), so the checks above were not vacuous.
      expect(flashed).toBeGreaterThan(100);
      expect(pulsed).toBeGreaterThan(0);
    }
  });
});
