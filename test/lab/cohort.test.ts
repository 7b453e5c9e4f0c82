// The cohort as the sweep panel shows it (src/lab/cohort.ts): its evaluation is src/lab/roc.ts's
// (held-out AUC per marker and for the score) with each marker's ROC curve on the held-out half,
// whose area equals that marker's AUC; the cohort CSV has one row per run in a fixed order.
import { describe, expect, it } from 'vitest';
import { lesson } from '../../lessons/index';
import { areaUnder, cohortCsv, cohortEvaluation, evaluateCohort, prepareCohort, runCohortJob } from '../../src/lab';

describe('the cohort view', () => {
  const s = lesson('autoimmune-signature')!;
  const p = prepareCohort(s, { size: 8, hours: 1 });
  const runs = p.jobs.map((j) => runCohortJob(p, j));

  it('reports src/lab/roc.ts’s AUCs, and each marker’s curve has that area', () => {
    const e = cohortEvaluation(p, runs)!;
    const ref = evaluateCohort({ runs });
    expect(e.score.auc).toBe(ref.score.auc);
    expect(e.markers.map((m) => m.auc)).toEqual(ref.markers.map((m) => m.auc));
    for (const m of e.markers) expect(areaUnder(m.roc)).toBeCloseTo(m.auc, 12);
    expect(areaUnder(e.score.roc)).toBeCloseTo(e.score.auc, 12);
    expect(e.n).toEqual({ trainCases: 4, trainReference: 4, testCases: 4, testReference: 4 });
  });

  it('leaves markers out of the score when asked, and needs two runs per group', () => {
    const one = p.spec.markers.map((_, k) => k === 0);
    expect(cohortEvaluation(p, runs, one)!.score.auc).toBe(evaluateCohort({ runs }, one).score.auc);
    expect(cohortEvaluation(p, runs.slice(0, 2), one)).toBeNull();
  });

  it('writes one CSV row per run, ordered by run number then group, whatever the finishing order', () => {
    const text = cohortCsv(p, s.id, [...runs].reverse());
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(['scenario', 'group', 'k', 'seed', 'hours', ...p.spec.markers.map((m) => m.metric)].join(','));
    expect(lines).toHaveLength(1 + runs.length);
    expect(lines[1].startsWith(`${s.id},${p.spec.groups[0].id},0,${p.jobs[0].seed},1,`)).toBe(true);
    expect(lines[2].startsWith(`${s.id},${p.spec.groups[1].id},0,`)).toBe(true);
    expect(text).toBe(cohortCsv(p, s.id, runs));
  });
});
