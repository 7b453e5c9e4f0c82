// `npm test`: every check of the project — type-check, lint, unit, engines, cluster, build, then the
// browser suite — with the independent steps run two at a time (this project's machines have
// 2 cores and tsc and eslint use one each) and the browser suite alone at the end (it measures time).
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';

interface Step {
  name: string;
  /** The npm script it runs. */
  script: string;
  /** More arguments for it. */
  args?: string[];
}

/** Independent steps, longest first so that the two lanes finish close together. */
const PARALLEL: Step[] = [
  // Two workers (vitest's default here is one on two cores): the second core is free once the other lane is done.
  { name: 'unit tests', script: 'test:unit', args: ['--maxWorkers=2'] },
  { name: 'type-check', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'three-engine hash check', script: 'test:engines' },
  { name: 'cluster recipes', script: 'test:cluster' },
  // The browser suite's build, made here so that its set-up finds dist/ up to date.
  { name: 'build for the browser tests', script: 'build' },
];
/** Steps that need the machine to themselves, one after another. */
const ALONE: Step[] = [{ name: 'browser tests', script: 'test:e2e' }];

const lanes = Math.max(1, Math.min(Number(process.env.CELLPOST_TEST_LANES) || cpus().length, 4));

interface Result {
  step: Step;
  code: number;
  seconds: number;
}

/** Runs one step with its output held back, then prints it whole (two steps' lines never interleave). */
function run(step: Step, quiet: boolean): Promise<Result> {
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', step.script, ...(step.args ? ['--', ...step.args] : [])], { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => chunks.push(b));
    child.stderr?.on('data', (b: Buffer) => chunks.push(b));
    child.on('close', (code) => {
      const seconds = Math.round((Date.now() - t0) / 100) / 10;
      if (quiet) process.stdout.write(`\n── ${step.name} (npm run ${step.script}) ──\n${Buffer.concat(chunks).toString()}`);
      process.stdout.write(`── ${step.name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s\n`);
      done({ step, code: code ?? 1, seconds });
    });
  });
}

async function runLanes(steps: Step[]): Promise<Result[]> {
  const queue = [...steps];
  const results: Result[] = [];
  const lane = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) results.push(await run(s, lanes > 1));
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}

const t0 = Date.now();
process.stdout.write(`npm test: ${PARALLEL.length} steps ${lanes} at a time, then ${ALONE.map((s) => s.name).join(', ')}\n`);
const results = await runLanes(PARALLEL);
for (const step of ALONE) results.push(await run(step, false));
const failed = results.filter((r) => r.code !== 0);
process.stdout.write(`\nnpm test: ${results.map((r) => `${r.step.name} ${r.seconds} s${r.code === 0 ? '' : ' (failed)'}`).join(' · ')} · ${Math.round((Date.now() - t0) / 1000)} s in all\n`);
if (failed.length > 0) {
  process.stdout.write(`npm test: failed: ${failed.map((r) => r.step.name).join(', ')}\n`);
  process.exit(1);
}
