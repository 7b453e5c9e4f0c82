// Lesson `calm-inflammation` (MODEL.md prediction 6): MSC-vesicle doses lower the M1 macrophage
// share over hours; without repeat doses the effect fades, because the vesicles are cleared and
// the calming signal decays. Checked over five seeds on the lesson as shipped (infusions at 1, 9
// and 17 h). The expected values in the comments are the five-seed means measured on it.
import { describe, expect, it } from 'vitest';
import { createModel, measure, restore, schedule, setAtPath, snapshot, step, type Model } from '../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';
import { lesson } from '../../lessons/index';

const SEEDS = ['1', '2', '3', '4', '5'];
const MACROPHAGES = 80;
const TCELLS = 60;
const DOSE = 24000;

function base(): ScenarioFile {
  const s = lesson('calm-inflammation');
  if (!s) throw new Error('calm-inflammation is not registered');
  return s;
}

function stepTo(m: Model, hours: number): Record<string, number> {
  step(m, Math.round((hours * 3600) / m.dt) - m.tick);
  return measure(m);
}

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const m1 = (x: Record<string, number>) => x['cells.macrophage.M1'] / MACROPHAGES;
const activeT = (x: Record<string, number>) => x['cells.tcell.activated'] / TCELLS;

interface Course {
  at8: Record<string, number>;
  at24: Record<string, number>;
  at48: Record<string, number>;
  kept48: Record<string, number>;
}

// One run per seed up to 20 h (after the last dose of the shipped schedule); from there it
// branches: as shipped (no more doses) and with "Keep dosing every 8 h" pressed at 20 h.
let courses: Course[] | undefined;
function run(): Course[] {
  return (courses ??= SEEDS.map((seed) => {
    const m = createModel(base(), seed, { checkLedger: true });
    const at8 = stepTo(m, 8);
    stepTo(m, 20);
    const kept = restore(snapshot(m), { checkLedger: true });
    const at24 = stepTo(m, 24);
    const at48 = stepTo(m, 48);
    expect(schedule(kept, { kind: 'set', path: 'doses.0.stopHours', value: 100000 })).toBeNull();
    const kept48 = stepTo(kept, 48);
    return { at8, at24, at48, kept48 };
  }));
}


describe('calm-inflammation: MSC vesicles lower M1, and the effect fades without repeat doses (prediction 6)', () => {
  it('without doses nothing calms: all 80 macrophages stay M1 and all 60 T cells activated for 24 h', () => {
    const p = parseScenarioFile(setAtPath(base(), 'doses.0.packets', 0));
    if (!p.ok) throw new Error('bad variant');
    const x = stepTo(createModel(p.value, '1', { checkLedger: true }), 24);
    // No calming signal at all means h(s) = 0 for every M1 → M2 transition, whatever the seed.
    expect(x['cells.macrophage.M1']).toBe(MACROPHAGES);
    expect(x['cells.tcell.activated']).toBe(TCELLS);
  });

  it('M1 share falls from 100 % to ≤ 50 % by 8 h (one dose) and ≤ 15 % by 24 h (three doses) (5 seeds)', () => {
    const c = run();
    // Measured 32 % (per seed 25–40 %) and 6 % (3–9 %); binomial SE of a 5-seed mean of 80 cells ≤ 2.4 %.
    expect(avg(c.map((x) => m1(x.at8)))).toBeLessThanOrEqual(0.5);
    expect(avg(c.map((x) => m1(x.at24)))).toBeLessThanOrEqual(0.15);
    for (const x of c) expect(m1(x.at24)).toBeLessThan(m1(x.at8));
  });

  it('the vesicles are cleared: 7 h after the last dose < 0.1 % of one dose is left in blood, < 100 dots in the tissue', () => {
    const c = run();
    // Blood loses packets at 2·ln2/0.5 h + 0.5 /h = 3.27 /h: 24000·e^(−3.27·7) ≈ 0.003 packets.
    for (const x of c) {
      expect(x.at24['vesicles.blood']).toBeLessThan(DOSE / 1000);
      expect(x.at24['vesicles.tissue']).toBeLessThan(100);
    }
  });

  it('M1 rebounds when dosing stops: ≥ 60 % by 48 h and ≥ 40 points above its 24 h low in every seed', () => {
    const c = run();
    // Measured 86 % at 48 h against 6 % at 24 h.
    expect(avg(c.map((x) => m1(x.at48)))).toBeGreaterThanOrEqual(0.6);
    for (const x of c) expect(m1(x.at48) - m1(x.at24)).toBeGreaterThanOrEqual(0.4);
  });

  it('repeat doses hold the effect: with dosing kept up M1 stays ≤ 15 % at 48 h, ≥ 45 points below the stopped runs', () => {
    const c = run();
    // Measured 4 % kept against 86 % stopped; the runs are paired (same seed up to 20 h).
    const kept = avg(c.map((x) => m1(x.kept48)));
    expect(kept).toBeLessThanOrEqual(0.15);
    expect(avg(c.map((x) => m1(x.at48))) - kept).toBeGreaterThanOrEqual(0.45);
  });

  it('activated T cells fall by 20–50 % under dosing (Khare 2018: 18–37 % less division) and recover to ≥ 90 % after it stops', () => {
    const c = run();
    // Measured 39 % fewer at 24 h; 99 % activated again at 48 h.
    const drop = 1 - avg(c.map((x) => activeT(x.at24)));
    expect(drop).toBeGreaterThanOrEqual(0.2);
    expect(drop).toBeLessThanOrEqual(0.5);
    expect(avg(c.map((x) => activeT(x.at48)))).toBeGreaterThanOrEqual(0.9);
  });
});
