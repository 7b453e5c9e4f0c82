// The lab's sweep pool over a Port (src/lab/sweep/pool.ts), driven here by in-thread workers:
// the rows do not depend on the number of workers, progress climbs to 1, a run that fails ends
// the pool with that run named, cancel stops it, a worker that cannot start is reported, and a
// worker that crashes mid-run is replaced: its run is done again, none lost or reported twice.
import { describe, expect, it } from 'vitest';
import { lesson } from '../../lessons/index';
import { resultsCsv, headerFor, makePlan, rowFor, runOf, startInline, startPool, type PoolEnd, type PoolOptions, type StartWorker, type SweepRow } from '../../src/lab';
import { CRASH_RETRIES } from '../../src/lab/sweep/pool';
import type { ToWorker } from '../../src/lab/sweep/protocol';

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

  /** Inline workers that crash (instead of answering) when given one of `runs`, while `crashesLeft` allows. */
  function crashingOn(runs: number[], crashesLeft: { n: number }): StartWorker {
    return (events) => {
      const inner = startInline(events);
      return {
        post: (msg: ToWorker) => {
          if (msg.kind === 'run' && runs.includes(msg.task.run) && crashesLeft.n > 0) {
            crashesLeft.n--;
            setTimeout(() => events.error('the worker ran out of memory'), 0);
            return;
          }
          inner.post(msg);
        },
        terminate: () => inner.terminate(),
      };
    };
  }

  it('redoes the run of a worker that crashed in a fresh worker: the same table, each run once', async () => {
    const unbroken = await pool({ workers: 2 });
    for (const workers of [1, 2, 3]) {
      const left = { n: 2 };
      const r = await pool({ start: crashingOn([3, 5], left), workers });
      expect(left.n, `${workers} workers`).toBe(0);
      expect(r.end).toEqual({ kind: 'done' });
      expect(r.rows.map((x) => x.run).sort()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(resultsCsv(headerFor(plan), r.rows)).toBe(resultsCsv(headerFor(plan), unbroken.rows));
    }
  });

  it('gives up on a run that crashes every worker it is given, naming it, after the retries', async () => {
    const left = { n: Infinity };
    const r = await pool({ start: crashingOn([4], left), workers: 2 });
    expect(r.end).toMatchObject({ kind: 'failed', task: { run: 4 }, message: `the worker ran out of memory (its worker stopped ${CRASH_RETRIES + 1} times on this run)` });
    expect(new Set(r.rows.map((x) => x.run)).size).toBe(r.rows.length);
    expect(r.rows.map((x) => x.run)).not.toContain(4);
  });
});
