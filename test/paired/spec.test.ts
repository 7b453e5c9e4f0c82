// Paired runs (src/paired/spec.ts): a lesson's declared comparison is read from the scenario or
// its raw file, the choices list it before the interventions, and the two runs set up for a
// change are the same run until the change's tick — same hash, same series — and differ after.
import { describe, expect, it } from 'vitest';
import { createModel, schedule, stateHash, step } from '../../sim/index';
import type { ScenarioFile } from '../../lessons/scenarioFile';
import { lesson } from '../../lessons/index';
import { changeChoices, comparableSettings, lessonPaired, pairSetup, type PairSetup } from '../../src/app/paired/spec';

function runPair(p: PairSetup, steps: number, check?: (a: ReturnType<typeof createModel>, b: ReturnType<typeof createModel>) => void) {
  const a = createModel(p.a, p.seed);
  const b = createModel(p.b, p.seed);
  for (const e of p.eventsB) expect(schedule(b, e)).toBeNull();
  for (let k = 0; k < steps; k++) {
    check?.(a, b);
    step(a, 1);
    step(b, 1);
  }
  return { a, b };
}

describe('paired runs', () => {
  it('reads a declared comparison from the scenario or the raw lesson file, and ignores a bad one', () => {
    const s = lesson('immune-suppression')!;
    const decl = { label: 'Release-blocking drug', events: [{ kind: 'drug', cellType: 'tumour', inhibition: 0.7 }], metric: 'cells.tumour' };
    expect(lessonPaired(s)).toBeNull();
    expect(lessonPaired(s, { lesson: { paired: decl } })).toEqual({ ...decl, atHours: 0 });
    const withField = { ...s, lesson: { ...s.lesson!, paired: { ...decl, atHours: 2 } } } as unknown as ScenarioFile;
    expect(lessonPaired(withField)?.atHours).toBe(2);
    expect(lessonPaired(s, { lesson: { paired: { label: 'x', events: [] } } })).toBeNull();
    const choices = changeChoices(s, lessonPaired(s, { lesson: { paired: decl } }));
    expect(choices.map((c) => c.label)).toEqual(['Release-blocking drug', 'Anti-PD-L1 antibody']);
    expect(changeChoices(s, null).map((c) => c.label)).toEqual(s.lesson!.interventions.map((i) => i.label));
  });

  it('an intervention at 2 h: the two runs match hash for hash until step 720 and differ after', () => {
    const s = lesson('immune-suppression')!;
    const p = pairSetup(s, '4', { kind: 'events', label: 'drug', events: [{ kind: 'drug', cellType: 'tumour', inhibition: 0.7 }], atHours: 2 });
    if ('problem' in p) throw new Error(p.problem);
    expect(p.eventsB).toEqual([{ kind: 'drug', cellType: 'tumour', inhibition: 0.7, tick: 720 }]);
    expect(p.changeTick).toBe(720);
    const { a, b } = runPair(p, 760, (ma, mb) => {
      if (ma.tick % 120 === 0 || ma.tick === 720) expect(stateHash(mb)).toBe(stateHash(ma));
    });
    expect(stateHash(b)).not.toBe(stateHash(a));
    expect(b.ledger.released).toBeLessThan(a.ledger.released);
    // The paired run is exactly a Node run of the same seed with the event scheduled.
    const solo = createModel(lesson('immune-suppression')!, '4');
    expect(schedule(solo, { kind: 'drug', cellType: 'tumour', inhibition: 0.7, tick: 720 })).toBeNull();
    step(solo, 760);
    expect(stateHash(solo)).toBe(stateHash(b));
  });

  it('a live setting changes by a recorded set event; the shared random streams keep releases equal', () => {
    const s = lesson('letters')!;
    const p = pairSetup(s, '2', { kind: 'param', label: 'diffusion', path: 'tissues.tissue.diffusion', value: 2, atHours: 0 });
    if ('problem' in p) throw new Error(p.problem);
    expect(p.eventsB).toEqual([{ kind: 'set', path: 'tissues.tissue.diffusion', value: 2, tick: 0 }]);
    const { a, b } = runPair(p, 200);
    expect(stateHash(a)).not.toBe(stateHash(b));
    expect(b.ledger.released).toBe(a.ledger.released);
  });

  it('a setting that shapes the scene differs in the scenario, from the start only; bad values are refused', () => {
    const s = lesson('letters')!;
    const count = comparableSettings(s).find((x) => x.live === false && x.path.endsWith('.count'))!;
    expect(count).toBeDefined();
    const ok = pairSetup(s, '1', { kind: 'param', label: 'count', path: count.path, value: count.value + 1, atHours: 0 });
    if ('problem' in ok) throw new Error(ok.problem);
    expect(ok.eventsB).toEqual([]);
    expect(createModel(ok.b, '1').cells.count).toBe(createModel(ok.a, '1').cells.count + 1);
    const late = pairSetup(s, '1', { kind: 'param', label: 'count', path: count.path, value: count.value + 1, atHours: 1 });
    expect(late).toEqual({ problem: expect.stringMatching(/only differ from the start/) });
    expect(pairSetup(s, '1', { kind: 'param', label: 'd', path: 'tissues.tissue.diffusion', value: 900, atHours: 0 })).toEqual({ problem: expect.stringMatching(/between 0 and 50/) });
    const same = s.tissues.tissue.diffusion;
    expect(pairSetup(s, '1', { kind: 'param', label: 'd', path: 'tissues.tissue.diffusion', value: same, atHours: 0 })).toEqual({ problem: expect.stringMatching(/already/) });
    expect(pairSetup(s, '1', { kind: 'param', label: 'x', path: 'nope.nope', value: 1, atHours: 0 })).toEqual({ problem: expect.stringMatching(/not a setting/) });
  });
});
