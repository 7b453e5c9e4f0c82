// `cellpost sweep`: runs every combination of --vary values × every seed (or one --shard of
// them) on a pool of worker threads, appending one row per finished run to --out, and sorts the
// file by run at the end. Everything is checked before the first run starts.
import { mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fmtElapsed, headerFor, inShard, parseNumber, parseShard, runOf, type PlannedRun, type Shard, type SweepPlan } from '../../lab';
import { expectPositionals, parseArgs, type FlagSpec, type ParsedArgs } from '../args';
import { CliError, EXIT } from '../errors';
import { checkWritable } from '../files';
import { HELP } from '../help';
import { readPlan } from '../sweep/plan';
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
  const n = parseNumber(text);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new CliError(`--workers must be a whole number from 1 to ${MAX_WORKERS}; got "${text}"`);
  return n;
}

function readOut(args: ParsedArgs): string {
  const out = args.values.get('out');
  if (out === undefined) throw new CliError('missing --out FILE, the results table (one row per run)');
  if (out === '-') throw new CliError('--out needs a file name, not -: a sweep appends to it as runs finish and can resume from it');
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
    throw new CliError(`--per-run-series ${dir}: cannot use it as a folder: ${(e as Error).message.replace(/^\w+: /, '')}`);
  }
  checkWritable(resolve(dir, 'x'), '--per-run-series');
  return dir;
}

function describe(plan: SweepPlan, shard: Shard | undefined, todo: number, resumed: number): string {
  const sizes = [...plan.vary.map((v) => `${v.values.length} values of ${v.path}`), plural(plan.seeds.length, 'seed')];
  const part = shard ? `shard ${shard.index}/${shard.count} of ` : '';
  return `${part}${plural(plan.runs, 'run')} (${sizes.join(' × ')}) of ${plan.scenarioId}, ${plan.hours} h each: ${todo} to run${resumed ? `, ${resumed} already done` : ''}`;
}

export async function sweepCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, FLAGS, 'sweep');
  if (args.switches.has('help')) {
    process.stdout.write(HELP.sweep);
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
  const writer = ResultsWriter.open(out, header, plan.id, { resume: args.switches.has('resume'), shard, warn: (m) => process.stderr.write(`warning: ${m}\n`) });
  const tasks: PlannedRun[] = [];
  for (let run = 1; run <= plan.runs; run++) if ((!shard || inShard(run, shard)) && !writer.rows.has(run)) tasks.push(runOf(plan, run));
  const resumed = writer.rows.size;
  const used = Math.min(workers, Math.max(1, tasks.length));
  process.stderr.write(`sweep: ${describe(plan, shard, tasks.length, resumed)}, on ${plural(used, 'worker')}\n`);

  const start = Date.now();
  const warnings = await execute(plan, tasks, writer, { workers, seriesDir: dir });
  for (const w of warnings.slice(0, 10)) process.stderr.write(`warning: ${w}\n`);
  if (warnings.length > 10) process.stderr.write('warning: … and more\n');
  const seconds = (Date.now() - start) / 1000;
  if (!tasks.length) process.stdout.write(`nothing to run: all ${plural(writer.rows.size, 'run')} of this ${shard ? 'shard' : 'sweep'} are in ${out}\n`);
  else {
    process.stdout.write(`${plural(tasks.length, 'run')} in ${fmtElapsed(seconds)} (${Number(((tasks.length * 60) / seconds).toPrecision(3))} runs/min); ${plural(writer.rows.size, 'run')} in ${out}\n`);
  }
  return EXIT.ok;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function parseShardOrFail(text: string): Shard {
  const r = parseShard(text);
  if (!r.ok) throw new CliError(`--shard ${r.message}`);
  return r.value;
}
