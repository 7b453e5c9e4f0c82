// The numbers the block-release lesson's texts state, measured in its runs (lesson.claims; see ../claims.ts).
// "Remove all T cells" (the noT run) and the same with the drug (drugNoT) are measured on a
// stand-in scene where the tumour releases nothing: with the T cells gone no cell takes up a
// vesicle (the tumour carries no receptor and has no state to switch), so the tumour grows the
// same, step for step, without the ~11,000 packets that cost most of this file's engine time, and
// the drug (which only cuts release) changes nothing. The test below checks both at the lesson's seed.
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, measure, schedule, step, type EventSpec } from '../../../sim/index';
import { lesson } from '../../../lessons/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { describeClaims } from '../claims';

/** The lesson with no vesicles released: the stand-in for runs with every T cell removed. */
function noRelease(s: ScenarioFile): ScenarioFile {
  const out = structuredClone(s);
  for (const c of Object.values(out.cellTypes)) c.release = [];
  return out;
}

describeClaims('block-release', 900_000, undefined, { noT: noRelease, drugNoT: noRelease });

describe('block-release: the stand-in for "Remove all T cells", with and without the drug', () => {
  const s = lesson('block-release')!;
  const removeT = s.lesson!.interventions.find((b) => b.label === 'Remove all T cells')!.events;
  const drug = s.lesson!.paired!.events;
  /** Tumour counts every hour to 24 h, vesicles left and cell places, with these events at 0 h. */
  const run = (scene: ScenarioFile, events: typeof removeT) => {
    const m = createModel(scene, s.seed);
    for (const e of events) expect(schedule(m, { ...e, atHours: 0 } as EventSpec)).toBeNull();
    const counts: number[] = [];
    for (let h = 1; h <= 24; h++) {
      step(m, Math.round(3600 / m.dt));
      counts.push(measure(m)['cells.tumour']);
    }
    return { counts, vesicles: m.vesicles.count, cells: [...m.cells.x.subarray(0, m.cells.count), ...m.cells.y.subarray(0, m.cells.count)] };
  };
  let standIn: ReturnType<typeof run>;
  beforeAll(() => {
    standIn = run(noRelease(s), removeT);
  });

  it('grows the tumour exactly as the lesson does with its vesicles, hour by hour to 24 h, cells in the same places (lesson seed)', () => {
    const lessonRun = run(s, removeT);
    expect(lessonRun.vesicles).toBeGreaterThan(1000);
    expect(standIn.vesicles).toBe(0);
    expect(standIn.counts).toEqual(lessonRun.counts);
    expect(standIn.cells).toEqual(lessonRun.cells);
  }, 120_000);

  it('with the drug too: the lesson with the drug and no T cells grows the tumour exactly as the stand-in does (lesson seed)', () => {
    const drugRun = run(s, [...removeT, ...drug]);
    const drugStandIn = run(noRelease(s), [...removeT, ...drug]);
    expect(drugRun.vesicles).toBeGreaterThan(100);
    expect(drugStandIn).toEqual(standIn);
    expect(drugRun.counts).toEqual(standIn.counts);
    expect(drugRun.cells).toEqual(standIn.cells);
  }, 120_000);
});
