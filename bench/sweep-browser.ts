// `npm run bench:sweep-browser` (after `npm run build`): runs per minute of the app's Repeat & sweep
// panel in Chromium — immune-suppression, 24 simulated hours a run, two runs per worker, at 1 and
// 2 workers — the browser counterpart of bench/sweep.ts. One JSON line per worker count.
import { loadavg, cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveDist } from '../test/e2e/server';
import { chromiumMissing, launch, openPage } from '../test/e2e/browser';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const hours = arg('hours', '24');
const perWorker = Number(arg('runs-per-worker', '2'));
const workerCounts = arg('workers', '1,2').split(',').map(Number);
const load = () => loadavg().map((x) => +x.toFixed(2));

const missing = chromiumMissing();
if (missing) throw new Error(missing);
const server = await serveDist(process.env.CELLPOST_DIST ?? undefined);
const browser = await launch();
const results: Record<string, unknown>[] = [];
try {
  for (const workers of workerCounts) {
    const errors: string[] = [];
    const p = await openPage(browser, `${server.url}?lesson=immune-suppression`, errors);
    await p.click('#sweep-open');
    await p.selectOption('#sweep-param-0', '');
    await p.fill('#sweep-replicates', String(workers * perWorker));
    await p.fill('#sweep-first-seed', '1');
    await p.fill('#sweep-hours', hours);
    await p.fill('#sweep-workers', String(workers));
    const before = load();
    const t0 = performance.now();
    await p.click('#sweep-start');
    await p.waitForFunction(() => document.querySelector('#sweep-status')?.getAttribute('data-state'), undefined, { timeout: 30 * 60_000, polling: 500 });
    const wall = (performance.now() - t0) / 1000;
    const state = await p.locator('#sweep-status').getAttribute('data-state');
    if (state !== 'done') throw new Error(`the sweep ended ${state}: ${await p.locator('#sweep-status').textContent()}`);
    // The panel's own figure: from starting the workers to the last row (worker start-up included), as the CLI's.
    const runsPerMinute = Number(await p.locator('#sweep-status').getAttribute('data-runs-per-minute'));
    const row = { bench: 'sweep-browser', scenario: 'immune-suppression', hours: Number(hours), workers, runs: workers * perWorker, runsPerMinute, wallSeconds: +wall.toFixed(1), loadBefore: before, loadAfter: load(), errors };
    results.push(row);
    console.log(JSON.stringify(row));
    await p.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const one = results[0]?.runsPerMinute as number;
console.log(JSON.stringify({ bench: 'sweep-browser-summary', chromium: browser.version(), cores: cpus().length, speedup: Object.fromEntries(results.map((r) => [r.workers as number, +((r.runsPerMinute as number) / one).toFixed(2)])) }));
mkdirSync(resolve(process.cwd(), 'test-results'), { recursive: true });
writeFileSync(resolve(process.cwd(), 'test-results', 'sweep-browser-bench.json'), JSON.stringify(results, null, 2));
