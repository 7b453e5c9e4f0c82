// Binding and uptake: the address label decides who takes the letters up. Cells with the
// matching receptor take up several-fold more; blocking a label cuts uptake and its effect by
// the same factor; uptake does not depend on the time step; uptake falls with distance.
import { describe, expect, it } from 'vitest';
import { createModel, step, measure, setAtPath, type Model } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { valid } from './helpers';
import type { Scenario } from '../../sim/schema';

const SEEDS = ['1', '2', '3', '4', '5'];

function letters(edit: (s: Scenario) => Scenario = (s) => s): Scenario {
  return valid(edit(lesson('letters') as Scenario));
}

function run(s: Scenario, seed: string, hours: number): Model {
  const m = createModel(s, seed, { checkLedger: true });
  step(m, Math.round((hours * 3600) / m.dt));
  return m;
}

describe('binding', () => {
  it('cells with the matching receptor take up at least 3× more than cells without (5 seeds)', () => {
    for (const seed of SEEDS) {
      const x = measure(run(letters(), seed, 3));
      expect(x['uptake.reader']).toBeGreaterThan(3 * x['uptake.bystander']);
    }
  });

  it('blocking the label cuts uptake and its effect by the same factor', () => {
    const slow = (s: Scenario) => setAtPath(s, 'signals.message.halfLifeHours', 1000);
    const open = letters(slow);
    const blocked = letters((s) => setAtPath(slow(s), 'labels.tag.blocked', 1));
    let uOpen = 0, uBlocked = 0, eOpen = 0, eBlocked = 0;
    for (const seed of SEEDS) {
      const a = measure(run(open, seed, 3));
      const b = measure(run(blocked, seed, 3));
      uOpen += a['uptake.reader'];
      uBlocked += b['uptake.reader'];
      eOpen += a['signal.reader.message'];
      eBlocked += b['signal.reader.message'];
    }
    const uptakeRatio = uBlocked / uOpen;
    const effectRatio = eBlocked / eOpen;
    expect(uptakeRatio).toBeLessThan(0.5);
    // The effect is delivered cargo: Binomial(taken up, 0.2), so the two ratios differ by sampling noise only.
    expect(Math.abs(uptakeRatio - effectRatio)).toBeLessThan(0.05);
  });

  it('uptake changes by less than 10 % when dt is halved (no sub-stepping)', () => {
    // D = 0.05 µm²/s keeps the step below half a cell radius at both dt, so the engine does not split steps.
    const at = (dt: number) => letters((s) => setAtPath(setAtPath(s, 'tissues.tissue.diffusion', 0.05), 'dtSeconds', dt));
    let coarse = 0;
    let fine = 0;
    for (const seed of SEEDS) {
      const a = run(at(10), seed, 4);
      const b = run(at(5), seed, 4);
      expect(a.tables.diffusion.substeps[0]).toBe(1);
      expect(b.tables.diffusion.substeps[0]).toBe(1);
      coarse += measure(a)['uptake.reader'];
      fine += measure(b)['uptake.reader'];
    }
    expect(coarse).toBeGreaterThan(200);
    expect(Math.abs(coarse / fine - 1)).toBeLessThan(0.1);
  });

  it('uptake per reader falls with distance from the senders', () => {
    let near = 0, far = 0, nNear = 0, nFar = 0;
    for (const seed of SEEDS) {
      const m = run(letters(), seed, 3);
      const c = m.cells;
      const reader = m.index.cellTypes.indexOf('reader');
      const nVT = c.nVesicleTypes;
      for (let i = 0; i < c.count; i++) {
        if (c.type[i] !== reader) continue;
        const d = Math.hypot(c.x[i] - 400, c.y[i] - 250);
        const u = c.uptake[i * nVT] + c.bound[i * nVT];
        if (d < 120) { near += u; nNear++; } else if (d > 200) { far += u; nFar++; }
      }
    }
    expect(near / nNear).toBeGreaterThan(3 * (far / nFar));
  });

  it('uptake saturates: a full surface binds nothing more', () => {
    const s = letters((x) => setAtPath(setAtPath(x, 'cellTypes.reader.maxBound', 1), 'cellTypes.reader.internalisePerHour', 0));
    const m = run(s, '1', 2);
    const reader = m.index.cellTypes.indexOf('reader');
    for (let i = 0; i < m.cells.count; i++) if (m.cells.type[i] === reader) expect(m.cells.bound[i * m.cells.nVesicleTypes]).toBeLessThanOrEqual(1);
  });
});
