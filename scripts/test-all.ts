// `npm test`: every check of the project — type-check, lint, unit, engines, cluster, build, and the
// browser suite — with the CPU-bound steps run two at a time (this project's machines have
// 2 cores and tsc and eslint use one each), the cluster recipes (mostly waiting on Slurm) beside
// them from the start, the browser files that do not measure time beside them in two processes as
// soon as the build is ready, and the timed browser files alone at the end.
import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { stripVTControlCharacters } from 'node:util';

interface Step {
  name: string;
  /** The npm script it runs. */
  script: string;
  /** More arguments for it. */
  args?: string[];
  /** More environment for it. */
  env?: Record<string, string>;
  /** Runs it at this lower priority (`nice -n`): it gives way to the browser files beside it. */
  nice?: number;
}

/** The build the browser suite serves: first, so that the browser files can start early. */
const BUILD: Step = { name: 'build for the browser tests', script: 'build' };
/**
 * The browser files beside these steps wait on pages and need the CPU in bursts; the steps only
 * need it in all: run at a lower priority, they take the time the browser files leave, and the
 * browser files finish first, so that the steps can end on both cores rather than the browser
 * files end alone on one.
 */
const GIVE_WAY = 10;
/** Independent CPU-bound steps, longest first so that the two lanes finish close together. */
const PARALLEL: Step[] = [
  // Two workers (vitest's default here is one on two cores): the second core is free once the other lane is done.
  { name: 'unit tests', script: 'test:unit', args: ['--maxWorkers=2'], nice: GIVE_WAY },
  BUILD,
  { name: 'type-check', script: 'typecheck', nice: GIVE_WAY },
  { name: 'lint', script: 'lint', nice: GIVE_WAY },
  { name: 'three-engine hash check', script: 'test:engines', nice: GIVE_WAY },
];
/**
 * Steps that spend most of their time waiting (the cluster recipes: Slurm's scheduler and
 * `sbatch --wait`, shards started one after another: 271 s of wall for 79 s of its own processes'
 * CPU, measured on a busy machine): they start with the lanes, beside them, instead of holding one
 * of the two lanes while they wait. At full priority: the cluster recipes take 58 s alone, but
 * given way (`nice`) their sweeps waited behind the browser files, 429–472 s in CI, and 858 s on a
 * slower CI machine, where a recipe ran past its time-out.
 */
const WAITING: Step[] = [{ name: 'cluster recipes', script: 'test:cluster' }];
/**
 * The browser files that measure no time (vitest.e2e.config.ts, TIMED_FILES), in two processes
 * split by their measured times (UNTIMED_FIRST): they start when the build is done and run beside
 * the steps above. Much of their time is waiting on pages (loads, polls, a run playing in real
 * time), so one process alone left a core half idle and was the long pole.
 */
const BESIDE: Step[] = [
  { name: 'browser tests (untimed, part 1)', script: 'test:e2e', env: { CELLPOST_E2E_PART: 'untimed-1' } },
  { name: 'browser tests (untimed, part 2)', script: 'test:e2e', env: { CELLPOST_E2E_PART: 'untimed-2' } },
];
/** Steps that need the machine to themselves, one after another. */
const ALONE: Step[] = [{ name: 'browser tests (timed)', script: 'test:e2e', env: { CELLPOST_E2E_PART: 'timed' } }];

const lanes = Math.max(1, Math.min(Number(process.env.CELLPOST_TEST_LANES) || cpus().length, 4));
/** `nice` is there (Linux, macOS): without it every step runs at the same priority. */
const canNice = process.platform !== 'win32' && spawnSync('nice', ['true']).status === 0;

interface Result {
  step: Step;
  code: number;
  seconds: number;
  /** Its output (held back and printed whole, or printed as it came): read again for the failures' summary. */
  output: string;
}

/** Runs one step with its output held back, then prints it whole (two steps' lines never interleave). */
function run(step: Step, quiet: boolean): Promise<Result> {
  const t0 = Date.now();
  return new Promise((done) => {
    const npm = ['npm', 'run', '--silent', step.script, ...(step.args ? ['--', ...step.args] : [])];
    const [command, ...args] = step.nice && canNice ? ['nice', '-n', String(step.nice), ...npm] : npm;
    // Held back when quiet; otherwise printed as it comes and kept too, for the failures' summary.
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...step.env } });
    const chunks: Buffer[] = [];
    const keep = (echo: NodeJS.WriteStream) => (b: Buffer) => {
      chunks.push(b);
      if (!quiet) echo.write(b);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - t0) / 100) / 10;
      const output = Buffer.concat(chunks).toString();
      if (quiet) process.stdout.write(`\n── ${step.name} (npm run ${step.script}) ──\n${output}`);
      process.stdout.write(`── ${step.name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n`);
      done({ step, code: code ?? 1, seconds, output });
    });
  });
}

/**
 * Runs the steps `lanes` at a time, `waiting` beside them from the start, and `after` beside them
 * once `BUILD` has passed. With one lane (or a failed build) they run after the rest, one at a time.
 */
async function runLanes(steps: Step[], waiting: Step[], after: Step[]): Promise<Result[]> {
  const queue = [...steps];
  const results: Result[] = [];
  const beside: Promise<void>[] = [];
  const start = (s: Step) => beside.push(run(s, true).then((r) => void results.push(r)));
  if (lanes > 1) waiting.forEach(start);
  let built = false;
  const lane = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      const r = await run(s, lanes > 1);
      results.push(r);
      if (s === BUILD && r.code === 0 && lanes > 1) {
        built = true;
        after.forEach(start);
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  await Promise.all(beside);
  // One lane (or a failed build): the rest come after, as a plain chain would.
  for (const s of [...(lanes > 1 ? [] : waiting), ...(built ? [] : after)]) results.push(await run(s, lanes > 1));
  return results;
}

/**
 * The failed tests of a step's output, each with its error's first line and place, so that the end of the log
 * (often all a CI page keeps) names them: vitest's "FAIL" lines and the line after each; tsc's and
 * eslint's error lines; else the output's last lines.
 */
function failures(output: string): string {
  const lines = stripVTControlCharacters(output).split('\n');
  const picked = new Map<string, string>();
  lines.forEach((line, i) => {
    if (/^\s*FAIL\s/.test(line)) {
      const after = lines.slice(i + 1, i + 40);
      const error = after.find((l) => l.trim() !== '' && !/^[\s⎯]*$/.test(l))?.trim() ?? '';
      const where = after.find((l) => /^\s*❯\s/.test(l))?.trim() ?? '';
      picked.set(line.trim(), [line.trim(), `    ${error}`, where && `    ${where}`].join('\n'));
    } else if (/error TS\d+|^\s+\d+:\d+\s+error\s/.test(line)) picked.set(line.trim(), line.trim());
  });
  const found = [...picked.values()].join('\n').split('\n').filter((l) => l !== '');
  const shown = found.length > 0 ? found : lines.filter((l) => l.trim() !== '').slice(-15);
  return shown.slice(0, 40).join('\n') + (shown.length > 40 ? `\n… and ${shown.length - 40} more lines` : '');
}

const t0 = Date.now();
process.stdout.write(
  `npm test: ${PARALLEL.length} steps ${lanes} at a time, ${WAITING.map((s) => s.name).join(', ')} beside them, ${BESIDE.map((s) => s.name).join(' and ')} beside them from the build on, then ${ALONE.map((s) => s.name).join(', ')}\n`,
);
const results = await runLanes(PARALLEL, WAITING, BESIDE);
for (const step of ALONE) results.push(await run(step, false));
const failed = results.filter((r) => r.code !== 0);
process.stdout.write(`\nnpm test: ${results.map((r) => `${r.step.name} ${r.seconds} s${r.code === 0 ? '' : ' (failed)'}`).join(' · ')} · ${Math.round((Date.now() - t0) / 1000)} s in all\n`);
if (failed.length > 0) {
  for (const r of failed) process.stdout.write(`\n── what failed in ${r.step.name} ──\n${failures(r.output)}\n`);
  process.stdout.write(`npm test: failed: ${failed.map((r) => r.step.name).join(', ')}\n`);
  process.exit(1);
}
