// `npm run bench:sweep`: runs per minute of `cellpost sweep` (immune-suppression, 24 simulated
// hours a run) at 1, 2 and N (= cores) workers, each worker given the same number of runs.
// Prints one JSON line per worker count with the load average before and after it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const hours = arg('hours', 24);
const perWorker = arg('runs-per-worker', 2);
const cores = availableParallelism();
const bin = resolve(import.meta.dirname, '../bin/cellpost.js');
const dir = mkdtempSync(join(tmpdir(), 'cellpost-bench-sweep-'));
const load = () => loadavg().map((x) => +x.toFixed(2));

const results: { workers: number; runsPerMinute: number }[] = [];
try {
  for (const workers of [...new Set([1, 2, cores])]) {
    const runs = workers * perWorker;
    const before = load();
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [bin, 'sweep', '--scenario', 'immune-suppression', '--hours', String(hours), '--seeds', `1-${runs}`, '--workers', String(workers), '--out', join(dir, `w${workers}.csv`)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const wall = (performance.now() - t0) / 1000;
    // the sweep's own figure: from starting its workers to the last row (no process start-up)
    const reported = Number(/\(([\d.]+) runs\/min\)/.exec(out)?.[1]);
    results.push({ workers, runsPerMinute: reported });
    console.log(JSON.stringify({ bench: 'sweep', scenario: 'immune-suppression', hours, workers, runs, runsPerMinute: reported, wallSeconds: +wall.toFixed(1), loadBefore: before, loadAfter: load() }));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const one = results[0].runsPerMinute;
console.log(JSON.stringify({ bench: 'sweep-summary', node: process.version, cores, speedup: Object.fromEntries(results.map((r) => [r.workers, +(r.runsPerMinute / one).toFixed(2)])) }));
