// The lab's sweep pool over a Port (src/lab/sweep/pool.ts), driven here by in-thread workers:
// the rows do not depend on the number of workers, progress climbs to 1, a run that fails ends
// the pool with that run named, cancel stops it, and a worker that cannot start is reported.
import { describe, expect, it } from 'vitest';
import { lesson } from '../../lessons/index';
import { resultsCsv, headerFor, makePlan, rowFor, runOf, startInline, startPool, type PoolEnd, type PoolOptions, type StartWorker, type SweepRow } from '../../src/lab';

const letters = lesson('letters')!;
const plan = makePlan({ scenarioId: 'letters', base: letters, vary: [{ path: 'tissues.tissue.diffusion', values: [0.5, 2] }], seeds: ['1', '2', '3'], hours: 0.02 });
const tasks = Array.from({ length: plan.runs }, (_, k) => runOf(plan, k + 1));

function pool(o: Partial<PoolOptions> = {}): Promise<{ end: PoolEnd; rows: SweepRow[]; fractions: number[] }> {
  const rows: SweepRow[] = [];
  const fractions: number[] = [];
  return new Promise((done) => {
    startPool({
      start: startInline,
      setup: { kind: 'sweep', base: plan.base, hours: plan.hours },
      tasks,
      workers: 2,
      onProgress: (f) => fractions.push(f),
      onResult: (r) => rows.push(rowFor(plan, runOf(plan, r.run), r)),
      onEnd: (end) => done({ end, rows, fractions }),
      ...o,
    });
  });
}

describe('the sweep pool', () => {
  it('gives the same table with 1 and 4 workers, and progress that climbs to 1', async () => {
    const [one, four] = await Promise.all([pool({ workers: 1 }), pool({ workers: 4 })]);
    expect(one.end).toEqual({ kind: 'done' });
    expect(four.end).toEqual({ kind: 'done' });
    expect(one.rows).toHaveLength(6);
    expect(resultsCsv(headerFor(plan), four.rows)).toBe(resultsCsv(headerFor(plan), one.rows));
    expect(one.fractions.at(-1)).toBe(1);
    expect(one.fractions.every((f, k) => k === 0 || f >= one.fractions[k - 1])).toBe(true);
  });

  it('ends as failed, naming the run, when a run cannot be built', async () => {
    const bad = tasks.map((t) => (t.run === 4 ? { ...t, sets: [{ path: 'tissues.tissue.diffusion', value: 900 }] } : t));
    const r = await pool({ tasks: bad, workers: 1 });
    expect(r.end).toMatchObject({ kind: 'failed', task: { run: 4 }, message: expect.stringMatching(/its scenario is invalid: tissues\.tissue\.diffusion/) });
    expect(r.rows.map((x) => x.run)).toEqual([1, 2, 3]);
  });

  it('stops at cancel, keeping the runs reported', async () => {
    const rows: number[] = [];
    const end = await new Promise<PoolEnd>((done) => {
      const handle = startPool({
        start: startInline,
        setup: { kind: 'sweep', base: plan.base, hours: plan.hours },
        tasks,
        workers: 1,
        onResult: (r) => {
          rows.push(r.run);
          if (r.run === 2) handle.cancel();
        },
        onEnd: done,
      });
    });
    expect(end).toEqual({ kind: 'cancelled' });
    expect(rows).toEqual([1, 2]);
  });

  it('reports a worker that cannot start, or that fails, and ends with no tasks at once', async () => {
    const broken: StartWorker = () => {
      throw new Error('no threads here');
    };
    expect((await pool({ start: broken })).end).toEqual({ kind: 'failed', task: null, message: 'a sweep worker could not start: no threads here' });
    const crashing: StartWorker = (events) => ({ post: () => setTimeout(() => events.error('out of memory'), 0), terminate: () => undefined });
    expect((await pool({ start: crashing })).end).toEqual({ kind: 'failed', task: null, message: 'out of memory' });
    expect((await pool({ tasks: [] })).end).toEqual({ kind: 'done' });
  });
});
