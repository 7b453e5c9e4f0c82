// Interventions as events: each kind applies at its step and enters the log; a bad event is
// refused up front with a clear message and leaves the model untouched.
import { describe, expect, it } from 'vitest';
import { createModel, step, schedule, measure, stateHash } from '../../sim/index';
import { lesson } from '../../lessons/index';
import type { Scenario } from '../../sim/schema';

const fresh = () => createModel(lesson('immune-suppression') as Scenario, '1', { checkLedger: true });

describe('events', () => {
  it('a parameter change applies at its step and is logged', () => {
    const m = fresh();
    expect(schedule(m, { kind: 'set', path: 'tissues.tissue.diffusion', value: 2, tick: 5 })).toBeNull();
    step(m, 4);
    expect(m.scenario.tissues.tissue.diffusion).toBe(0.5);
    step(m, 2);
    expect(m.scenario.tissues.tissue.diffusion).toBe(2);
    expect(m.log).toEqual([{ kind: 'set', path: 'tissues.tissue.diffusion', value: 2, tick: 5 }]);
  });

  it('refuses out-of-range values, unknown paths and structural changes, leaving the model untouched', () => {
    const m = fresh();
    step(m, 3);
    const h = stateHash(m);
    expect(schedule(m, { kind: 'set', path: 'tissues.tissue.diffusion', value: 900 })).toMatch(/at most 50/);
    expect(schedule(m, { kind: 'set', path: 'tissues.tissue.nope', value: 1 })).toMatch(/unknown setting "tissues.tissue.nope": tissues.tissue has no part "nope"/);
    expect(schedule(m, { kind: 'set', path: 'dtSeconds', value: 5 })).toMatch(/cannot change during a run/);
    expect(schedule(m, { kind: 'set', path: 'tissues.tissue.width', value: 500 })).toMatch(/shapes the scene/);
    expect(schedule(m, { kind: 'drug', cellType: 'ghost', inhibition: 0.5 })).toMatch(/unknown cell type "ghost"/);
    expect(schedule(m, { kind: 'inject', vesicleType: 'tumourEV', packets: -4 })).toMatch(/bad event/);
    expect(schedule(m, { kind: 'explode' })).toMatch(/bad event/);
    expect(schedule(m, { kind: 'set', path: '__proto__.polluted', value: 1 })).toMatch(/unknown setting/);
    expect(schedule(m, { kind: 'drug', cellType: 'tumour', inhibition: 0.5, tick: 1 })).toMatch(/in the past/);
    expect(m.pending).toEqual([]);
    expect(stateHash(m)).toBe(h);
  });

  it('adds cells near a point and removes cells of a type', () => {
    const m = fresh();
    schedule(m, { kind: 'addCells', tissue: 'tissue', type: 'cd8', count: 5, x: 600, y: 250 });
    step(m, 1);
    expect(measure(m)['cells.cd8']).toBe(85);
    schedule(m, { kind: 'removeCells', type: 'cd8' });
    step(m, 1);
    expect(measure(m)['cells.cd8']).toBe(0);
    expect(measure(m)['deaths.cd8.removed']).toBe(85);
  });

  it('injects packets into the blood or at a point', () => {
    const m = fresh();
    schedule(m, { kind: 'inject', vesicleType: 'tumourEV', packets: 1000 });
    schedule(m, { kind: 'inject', vesicleType: 'tumourEV', packets: 300, tissue: 'tissue', x: 700, y: 100, radius: 10 });
    step(m, 1);
    expect(m.ledger.injected).toBe(1300);
    expect(measure(m)['vesicles.blood']).toBeGreaterThan(950);
  });

  it('swapping a vesicle type\'s labels is a valid live change', () => {
    const m = fresh();
    expect(schedule(m, { kind: 'set', path: 'vesicleTypes.tumourEV.labels', value: ['TGFB'] })).toBeNull();
    step(m, 1);
    expect(m.scenario.vesicleTypes.tumourEV.labels).toEqual(['TGFB']);
    expect(schedule(m, { kind: 'set', path: 'vesicleTypes.tumourEV.labels', value: ['nope'] })).toMatch(/unknown label/);
  });
});

describe('doses', () => {
  it('inject their packets every interval between start and stop', () => {
    const s = lesson('immune-suppression') as Scenario;
    const m = createModel(
      { ...s, doses: [{ name: 'infusion', vesicleType: 'tumourEV', packets: 100, everyHours: 1, startHours: 0.5, stopHours: 3 }] },
      '1',
      { checkLedger: true },
    );
    step(m, 6 * 360);
    // Doses at 0.5, 1.5 and 2.5 h.
    expect(m.ledger.injected).toBe(300);
  });

  it('removeCells with a fraction removes about that share', () => {
    const m = fresh();
    schedule(m, { kind: 'removeCells', type: 'cd8', fraction: 0.5 });
    step(m, 1);
    const left = measure(m)['cells.cd8'];
    // Binomial(80, ½): 4 standard deviations is ±18.
    expect(Math.abs(left - 40)).toBeLessThan(18);
  });
});
