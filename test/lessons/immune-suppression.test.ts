// The immune-suppression lesson, run headless over 5 paired seeds: suppression of T and NK
// cells falls with distance from the tumour and rises with its vesicle release (MODEL.md
// prediction 3); the anti-PD-L1 antibody rescues T cells only; a release-blocking drug helps both.
import { beforeAll, describe, expect, it } from 'vitest';
import { restore, schedule, snapshot, measure, type Model } from '../../sim/index';
import { coarsen, lessonWith, newModel, pairedT, runTo, stateCount, sum, T95_DF4 } from './guards';

const SEEDS = ['1', '2', '3', '4', '5'];
// Packets of 20 vesicles instead of 10 (same mean fluxes and signals, see coarsen) keep the file fast.
const scene = (edits: [string, unknown][] = []) => coarsen(lessonWith('immune-suppression', edits), 2);
const GUARDS = ['cd8', 'nk'] as const;

interface Look {
  near: Record<string, { n: number; k: number }>;
  far: Record<string, { n: number; k: number }>;
  suppressed: Record<string, number>;
  all: number;
  tumour: number;
}

function look(m: Model, nearUm: number, farUm: number): Look {
  const x = measure(m);
  const near: Look['near'] = {};
  const far: Look['far'] = {};
  const suppressed: Look['suppressed'] = {};
  for (const g of GUARDS) {
    near[g] = stateCount(m, g, 'suppressed', 'tumour', 0, nearUm);
    far[g] = stateCount(m, g, 'suppressed', 'tumour', farUm);
    suppressed[g] = x[`cells.${g}.suppressed`];
  }
  return { near, far, suppressed, all: x['cells.cd8'] + x['cells.nk'], tumour: x['cells.tumour'] };
}

const at6: Look[] = [];
const base8: Look[] = [];
const base12: Look[] = [];
const base24: Look[] = [];
const antibody12: Look[] = [];
const release60: Look[] = [];
const release30: Look[] = [];

beforeAll(() => {
  for (const seed of SEEDS) {
    const m = runTo(newModel(scene(), seed), 6);
    at6.push(look(m, 50, 150));
    const snap = snapshot(m);
    base8.push(look(runTo(m, 8), 50, 200));
    base12.push(look(runTo(m, 12), 50, 200));
    // The lesson's second prompt: give the antibody at 6 h (same run up to then).
    const ab = restore(snap, { checkLedger: true });
    expect(schedule(ab, { kind: 'blockLabel', label: 'PDL1', fraction: 1 })).toBeNull();
    antibody12.push(look(runTo(ab, 12), 50, 200));
    release60.push(look(runTo(newModel(scene([['cellTypes.tumour.releaseInhibition', 0.4]]), seed), 8), 50, 200));
    release30.push(look(runTo(newModel(scene([['cellTypes.tumour.releaseInhibition', 0.7]]), seed), 8), 50, 200));
    base24.push(look(runTo(m, 24), 50, 200));
  }
}, 300_000);

const pooled = (looks: Look[], where: 'near' | 'far', g: string) => {
  const n = sum(looks.map((l) => l[where][g].n));
  return { n, frac: sum(looks.map((l) => l[where][g].k)) / n };
};
const guardsSuppressed = (looks: Look[]) => looks.map((l) => l.suppressed.cd8 + l.suppressed.nk);

describe('immune-suppression lesson (5 seeds)', () => {
  it('at 6 h (prompt 2) ≥ 50 % of T cells within 50 µm of the tumour are suppressed and ≤ 5 % beyond 150 µm', () => {
    const near = pooled(at6, 'near', 'cd8');
    const far = pooled(at6, 'far', 'cd8');
    // Pooled near n ≈ 30 at p ≈ 0.75: binomial SE ≈ 0.08, so 0.5 sits 3 SE below; far n ≈ 250 at p ≈ 0.
    expect(near.n).toBeGreaterThan(15);
    expect(near.frac).toBeGreaterThan(0.5);
    expect(far.frac).toBeLessThan(0.05);
  });

  it('prediction 3, distance: at 12 h ≥ 60 % of T and NK cells within 50 µm are suppressed, ≤ 5 % beyond 200 µm, in every seed near > far', () => {
    for (const g of GUARDS) {
      const near = pooled(base12, 'near', g);
      const far = pooled(base12, 'far', g);
      // Near: n ≈ 15–30 pooled cells at p ≈ 0.85 (SE ≤ 0.09); far: n ≈ 90–190 at p ≈ 0.01.
      expect(near.frac).toBeGreaterThan(0.6);
      expect(far.frac).toBeLessThan(0.05);
      for (const l of base12) if (l.near[g].n > 0) expect(l.near[g].k / l.near[g].n).toBeGreaterThan(l.far[g].k / Math.max(1, l.far[g].n));
    }
  });

  it('distant guards stay on duty: at 12 and 24 h ≥ 60 % of all guards are active in every seed, and ≥ 90 % of those beyond 200 µm', () => {
    for (const l of [...base12, ...base24]) expect(1 - (l.suppressed.cd8 + l.suppressed.nk) / l.all).toBeGreaterThan(0.6);
    // Pooled over 5 seeds ≈ 250 T and 125 NK cells lie beyond 200 µm; measured ≈ 1–5 % suppressed at 24 h.
    for (const g of GUARDS) expect(pooled(base24, 'far', g).frac).toBeLessThan(0.1);
  });

  it('prediction 3, release: suppressed guards at 8 h rise with tumour release ×0.3 < ×0.6 < ×1 (paired t > 2.13 each step)', () => {
    const r30 = guardsSuppressed(release30);
    const r60 = guardsSuppressed(release60);
    const r100 = guardsSuppressed(base8);
    expect(pairedT(r60, r30)).toBeGreaterThan(T95_DF4);
    expect(pairedT(r100, r60)).toBeGreaterThan(T95_DF4);
    // Effect size: full release suppresses at least twice as many guards as 30 % release.
    expect(sum(r100)).toBeGreaterThan(2 * sum(r30));
  });

  it('the release-blocking drug (70 %) helps both guards: fewer T and fewer NK cells suppressed at 8 h (paired t > 2.13)', () => {
    for (const g of GUARDS) {
      expect(pairedT(base8.map((l) => l.suppressed[g]), release30.map((l) => l.suppressed[g]))).toBeGreaterThan(T95_DF4);
    }
  });

  it('anti-PD-L1 at 6 h: by 12 h suppressed T cells fall by ≥ 60 % against the untreated run, NK cells are not helped', () => {
    const t = sum(antibody12.map((l) => l.suppressed.cd8));
    const t0 = sum(base12.map((l) => l.suppressed.cd8));
    expect(t).toBeLessThan(0.4 * t0);
    // NK cells read only TGF-β: the antibody cannot lower their suppression (it may raise it a little,
    // as vesicles the T cells no longer catch reach NK cells). Allow 10 % for noise.
    expect(sum(antibody12.map((l) => l.suppressed.nk))).toBeGreaterThanOrEqual(0.9 * sum(base12.map((l) => l.suppressed.nk)));
  });
});
