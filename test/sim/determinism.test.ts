// Determinism: the same scenario, seed and events give the same state hash at every step;
// snapshot → restore → continue equals an unbroken run; each rule draws from its own stream,
// so a change to diffusion leaves the released packets exactly as they were.
import { describe, expect, it } from 'vitest';
import { createModel, step, stateHash, snapshot, restore, schedule, setAtPath } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { valid } from './helpers';
import type { Scenario } from '../../sim/schema';

const scenario = () => lesson('immune-suppression') as Scenario;

describe('determinism', () => {
  it('same scenario and seed give the same hash at every step', () => {
    const a = createModel(scenario(), '42');
    const b = createModel(scenario(), '42');
    for (let k = 0; k < 60; k++) {
      step(a, 5);
      step(b, 5);
      expect(stateHash(a)).toBe(stateHash(b));
    }
  });

  it('different seeds give different runs', () => {
    const a = createModel(scenario(), '1');
    const b = createModel(scenario(), '2');
    step(a, 10);
    step(b, 10);
    expect(stateHash(a)).not.toBe(stateHash(b));
  });

  it('the same events at the same steps give the same hash', () => {
    const run = () => {
      const m = createModel(scenario(), '7');
      schedule(m, { kind: 'blockLabel', label: 'PDL1', fraction: 1, tick: 30 });
      schedule(m, { kind: 'inject', vesicleType: 'tumourEV', packets: 500, tissue: 'tissue', x: 500, y: 200, radius: 30, tick: 50 });
      schedule(m, { kind: 'removeCells', type: 'nk', tick: 80 });
      step(m, 120);
      return stateHash(m);
    };
    expect(run()).toBe(run());
  });

  it('snapshot → restore → continue equals the unbroken run', () => {
    const unbroken = createModel(scenario(), '3');
    schedule(unbroken, { kind: 'drug', cellType: 'tumour', inhibition: 0.7, tick: 150 });
    const other = createModel(scenario(), '3');
    schedule(other, { kind: 'drug', cellType: 'tumour', inhibition: 0.7, tick: 150 });
    step(unbroken, 300);
    step(other, 100);
    const snap = snapshot(other);
    const restored = restore(snap);
    expect(stateHash(restored)).toBe(stateHash(other));
    step(restored, 200);
    expect(stateHash(restored)).toBe(stateHash(unbroken));
    expect(restored.series.t).toEqual(unbroken.series.t);
  });

  it('a snapshot is independent of the model it came from', () => {
    const m = createModel(scenario(), '3');
    step(m, 20);
    const snap = snapshot(m);
    const h = stateHash(restore(snap));
    step(m, 20);
    expect(stateHash(restore(snap))).toBe(h);
  });

  it('changing diffusion leaves release unchanged: the same packets at the same steps', () => {
    const base = lesson('letters') as Scenario;
    const a = createModel(base, '9');
    const b = createModel(valid(setAtPath(base, 'tissues.tissue.diffusion', 2)), '9');
    for (let k = 0; k < 200; k++) {
      const ra = a.ledger.released;
      const rb = b.ledger.released;
      step(a, 1);
      step(b, 1);
      expect(a.ledger.released - ra).toBe(b.ledger.released - rb);
    }
    expect(a.ledger.released).toBeGreaterThan(100);
    expect(stateHash(a)).not.toBe(stateHash(b));
  });
});
