// `cellpost sweep`: runs every combination of --vary values × every seed (or one --shard of
// them) on a pool of worker threads, appending one row per finished run to --out, and sorts the
// file by run at the end. Everything is checked before the first run starts.
import { mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fmtElapsed, headerFor, inShard, parseNumber, parseShard, runOf, type PlannedRun, type Shard, type SweepPlan } from '../../lab';
import { expectPositionals, parseArgs, type FlagSpec, type ParsedArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { checkWritable, reason } from '../files';
import { HELP } from '../help';
import { t } from '../messages';
import { n } from '../numbers';
import { readPlan, sweepSizes } from '../sweep/plan';
import { execute } from '../sweep/execute';
import { ResultsWriter } from '../sweep/results';

const FLAGS: Record<string, FlagSpec> = {
  scenario: { kind: 'value' },
  'scenario-file': { kind: 'value' },
  vary: { kind: 'list' },
  set: { kind: 'list' },
  seeds: { kind: 'value' },
  hours: { kind: 'value' },
  out: { kind: 'value' },
  'per-run-series': { kind: 'value' },
  workers: { kind: 'value' },
  shard: { kind: 'value' },
  resume: { kind: 'switch' },
  help: { kind: 'switch' },
};

const MAX_WORKERS = 256;

function readWorkers(args: ParsedArgs): number {
  const text = args.values.get('workers');
  if (text === undefined) return availableParallelism();
  const count = parseNumber(text);
  if (count === undefined || !Number.isInteger(count) || count < 1 || count > MAX_WORKERS) throw new CliError(t('cli.sweep.workers', { max: n(MAX_WORKERS), text }));
  return count;
}

function readOut(args: ParsedArgs): string {
  const out = args.values.get('out');
  if (out === undefined) throw new CliError(t('cli.sweep.outMissing'));
  if (out === '-') throw new CliError(t('cli.sweep.outStdout'));
  checkWritable(out, '--out');
  return out;
}

function seriesDir(args: ParsedArgs): string | undefined {
  const dir = args.values.get('per-run-series');
  if (dir === undefined) return undefined;
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
  } catch (e) {
    throw new CliError(t('cli.sweep.seriesDir', { dir, reason: (e as Error).message === 'not a directory' ? t('cli.sweep.notFolder') : reason(e) }));
  }
  checkWritable(resolve(dir, 'x'), '--per-run-series');
  return dir;
}

function describe(plan: SweepPlan, shard: Shard | undefined, todo: number, resumed: number, workers: number): string {
  const params = {
    runs: plan.runs,
    shownRuns: n(plan.runs),
    sizes: sweepSizes(plan.vary, plan.seeds.length),
    scenario: plan.scenarioId,
    hours: t('cli.hours', { hours: n(plan.hours) }),
    todo: n(todo),
    resumed: n(resumed),
    workers,
    shownWorkers: n(workers),
  };
  const what = resumed ? t('cli.sweep.planResumed', params) : t('cli.sweep.plan', params);
  return shard ? t('cli.sweep.shard', { index: n(shard.index), count: n(shard.count), what }) : what;
}

export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, FLAGS, 'sweep');
  if (args.switches.has('help')) {
    process.stdout.write(HELP('sweep'));
    return EXIT.ok;
  }
  expectPositionals(args, [], 'sweep');
  const shardText = args.values.get('shard');
  const shard = shardText === undefined ? undefined : parseShardOrFail(shardText);
  const workers = readWorkers(args);
  const out = readOut(args);
  const plan = readPlan(args);
  const header = headerFor(plan);
  const dir = seriesDir(args);
  const writer = ResultsWriter.open(out, header, plan.id, { resume: args.switches.has('resume'), shard, warn: (m) => process.stderr.write(`${t('cli.warning.plain', { message: m })}\n`) });
  const tasks: PlannedRun[] = [];
  for (let run = 1; run <= plan.runs; run++) if ((!shard || inShard(run, shard)) && !writer.rows.has(run)) tasks.push(runOf(plan, run));
  const resumed = writer.rows.size;
  const used = Math.min(workers, Math.max(1, tasks.length));
  process.stderr.write(`${t('cli.sweep.start', { what: describe(plan, shard, tasks.length, resumed, used) })}\n`);

  const start = Date.now();
  const warnings = await execute(plan, tasks, writer, { workers, seriesDir: dir });
  for (const w of warnings.slice(0, 10)) process.stderr.write(`${t('cli.warning.plain', { message: w })}\n`);
  if (warnings.length > 10) process.stderr.write(`${t('cli.sweep.moreWarnings')}\n`);
  const seconds = (Date.now() - start) / 1000;
  const inOut = { done: writer.rows.size, shownDone: n(writer.rows.size), out };
  if (!tasks.length) process.stdout.write(`${t('cli.sweep.nothing', { ...inOut, part: shard ? 'shard' : 'sweep' })}\n`);
  else {
    const rate = n(Number(((tasks.length * 60) / seconds).toPrecision(3)));
    process.stdout.write(`${t('cli.sweep.finished', { ...inOut, runs: tasks.length, shownRuns: n(tasks.length), elapsed: fmtElapsed(seconds), rate })}\n`);
  }
  return EXIT.ok;
}

function parseShardOrFail(text: string): Shard {
  const r = parseShard(text);
  if (!r.ok) throw new CliError(t('cli.flagProblem', { flag: '--shard', problem: r.message }));
  return r.value;
}
