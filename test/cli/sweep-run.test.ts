// Every row of a sweep equals `cellpost run` with the same settings — the same state hash, the
// same final metrics, the hours asked for — whatever is varied, the time step (dtSeconds) included:
// a run's hours take stepsFor(hours, its own dtSeconds) steps. In-process (the CLI's own plan and
// run code, the lab's pool with in-thread workers), then once through the real commands.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { col, headerFor, rowFor, runOf, startInline, startPool, type PoolEnd, type SweepPlan, type SweepRow } from '../../src/lab';
import { parseArgs, type FlagSpec } from '../../src/cli/args';
import { runCommand } from '../../src/cli/commands/run';
import { readPlan } from '../../src/cli/sweep/plan';
import { cli, scratchDir } from './helpers';

const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SWEEP_FLAGS: Record<string, FlagSpec> = { scenario: { kind: 'value' }, vary: { kind: 'list' }, set: { kind: 'list' }, seeds: { kind: 'value' }, hours: { kind: 'value' } };

/** The sweep's rows, run as `cellpost sweep` runs them but on in-thread workers. */
async function sweepRows(plan: SweepPlan): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  const tasks = Array.from({ length: plan.runs }, (_, k) => runOf(plan, k + 1));
  const end = await new Promise<PoolEnd>((onEnd) =>
    startPool({ start: startInline, setup: { kind: 'sweep', base: plan.base, hours: plan.hours }, tasks, workers: 2, onResult: (r) => rows.push(rowFor(plan, runOf(plan, r.run), r)), onEnd }),
  );
  expect(end).toEqual({ kind: 'done' });
  return rows;
}

interface RunSummary {
  hours: number;
  steps: number;
  dtSeconds: number;
  finalHash: string;
  finalMetrics: Record<string, number | null>;
}

let n = 0;
/** `cellpost run` in this process (the command's own code), read back from its --json summary. */
function run(args: string[]): RunSummary {
  const file = join(dir, `run-${++n}.json`);
  expect(runCommand([...args, '--json', file])).toBe(0);
  return JSON.parse(readFileSync(file, 'utf8')) as RunSummary;
}

/** A row against the run of the same settings: hash, hours and every metric (empty cells for no value). */
function expectSame(header: readonly string[], row: SweepRow, r: RunSummary, what: string): void {
  expect(row.fields[col('hours')], what).toBe(String(r.hours));
  expect(row.fields.at(-1), what).toBe(r.finalHash);
  const metrics = Object.fromEntries(Object.entries(r.finalMetrics).map(([k, v]) => [k, v === null ? '' : String(v)]));
  const names = Object.keys(metrics);
  expect(header.slice(-1 - names.length, -1), what).toEqual(names);
  expect(row.fields.slice(-1 - names.length, -1), what).toEqual(names.map((k) => metrics[k]));
}

/** Varied parameters of the letters lesson and values to draw from; the time step changes the step count. */
const CHOICES: Record<string, string[]> = {
  dtSeconds: ['3', '5', '10', '45'],
  'tissues.tissue.diffusion': ['0.5', '2'],
  'cellTypes.sender.release.0.perHour': ['100', '400'],
  'tissues.tissue.halfLifeHours': ['1', '6'],
};

const sweepArb = fc.record({
  vary: fc.shuffledSubarray(Object.keys(CHOICES), { minLength: 1, maxLength: 2 }).chain((paths) => fc.tuple(...paths.map((p) => fc.shuffledSubarray(CHOICES[p], { minLength: 1, maxLength: 2 }).map((vs) => ({ path: p, values: vs }))))),
  seeds: fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 2 }),
  hours: fc.constantFrom('0.03', '0.05', '0.08'),
  fixed: fc.constantFrom<string[]>([], ['--set', 'tissues.tissue.halfLifeHours=3']),
});

describe('a sweep row equals cellpost run with the same settings', () => {
  it('for random sweeps over several parameters, the time step among them', async () => {
    await fc.assert(
      fc.asyncProperty(sweepArb, async (s) => {
        const fixed = s.fixed.length && s.vary.some((v) => v.path === s.fixed[1].split('=')[0]) ? [] : s.fixed;
        const argv = ['--scenario', 'letters', ...fixed, ...s.vary.flatMap((v) => ['--vary', `${v.path}=${v.values.join(',')}`]), '--seeds', s.seeds.join(','), '--hours', s.hours];
        const plan = readPlan(parseArgs(argv, SWEEP_FLAGS, 'sweep'));
        const header = headerFor(plan);
        for (const row of await sweepRows(plan)) {
          const t = runOf(plan, row.run);
          const sets = t.sets.flatMap((o) => ['--set', `${o.path}=${String(o.value)}`]);
          const args = ['--scenario', 'letters', ...fixed, ...sets, '--seed', t.seed, '--hours', s.hours];
          expectSame(header, row, run(args), `cellpost run ${args.join(' ')}`);
        }
      }),
      { numRuns: 6, seed: 20240611 },
    );
  }, 120_000);

  it('runs the hours asked for at every time step (a time step of 5 s takes 4 times the steps of 20 s)', async () => {
    const plan = readPlan(parseArgs(['--scenario', 'letters', '--vary', 'dtSeconds=5,20', '--seeds', '1', '--hours', '0.1'], SWEEP_FLAGS, 'sweep'));
    const [fine, coarse] = await sweepRows(plan).then((rows) => rows.sort((a, b) => a.run - b.run));
    const a = run(['--scenario', 'letters', '--set', 'dtSeconds=5', '--seed', '1', '--hours', '0.1']);
    const b = run(['--scenario', 'letters', '--set', 'dtSeconds=20', '--seed', '1', '--hours', '0.1']);
    expect([a.steps, b.steps]).toEqual([72, 18]);
    expectSame(headerFor(plan), fine, a, 'dtSeconds=5');
    expectSame(headerFor(plan), coarse, b, 'dtSeconds=20');
  }, 60_000);

  it('through the real commands: cellpost sweep --vary dtSeconds and cellpost run --set dtSeconds agree', async () => {
    const out = join(dir, 'dt.csv');
    const [sweep, run5] = await Promise.all([
      cli(['sweep', '--scenario', 'letters', '--vary', 'dtSeconds=5,30', '--seeds', '2', '--hours', '0.1', '--workers', '2', '--out', out]),
      cli(['run', '--scenario', 'letters', '--set', 'dtSeconds=5', '--seed', '2', '--hours', '0.1', '--json', join(dir, 'dt5.json')]),
    ]);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(run5.code, run5.stderr).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
    const summary = JSON.parse(readFileSync(join(dir, 'dt5.json'), 'utf8')) as RunSummary;
    expect(summary.steps).toBe(72);
    expectSame(header, { run: 1, fields: rows[0] }, summary, 'dtSeconds=5');
    expect(rows[1][header.indexOf('dtSeconds')]).toBe('30');
    expect(rows[1].at(-1)).not.toBe(rows[0].at(-1));
  }, 60_000);
});
