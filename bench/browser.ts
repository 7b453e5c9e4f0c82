// `npm run bench:browser`: the page's speed in Chromium, unthrottled and with the CPU slowed 4×
// (DevTools' Emulation.setCPUThrottlingRate), for every lesson at its defaults and for ?bench=100000
// and ?bench=1000000. One JSON line per case; the first line is the first-load JavaScript size.
//
// Flags: --seconds N   how long each case runs after its first picture (default 30; 10 fits the
//                      whole bench in about five minutes). The heap is read at the end of it.
//        --cases a,b   only these cases (lesson ids, bench100k, bench1M); --rates 1,4  the throttle rates.
//        --no-build    use dist/ as it is (otherwise dist/ is built first when missing).
//        --dist DIR    serve another build (e.g. a copy of an older one, to compare before and after).
// Served with `vite preview` on port 4214 (CELLPOST_BENCH_PORT to change it).
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { preview } from 'vite';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launch, recordErrors, SHARED_MEMORY } from '../test/e2e/browser';
import { pressPlayIfPaused } from '../test/e2e/keepPlaying';
import { firstLoadSize } from './firstLoad';
import { lessonIds } from '../lessons/index';
import type { WorkTimesReport } from '../workers/workTimes';
import { viewportArg } from './args';
import { LONGTASKS } from './longtaskObserver';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const seconds = Number(arg('seconds', '30'));
if (!(seconds >= 2 && seconds <= 600)) throw new Error('--seconds must be a number from 2 to 600');
const rates = arg('rates', '1,4').split(',').map(Number);
const allCases = [...lessonIds(), 'bench100k', 'bench1M'];
const wanted = arg('cases', allCases.join(',')).split(',');
for (const c of wanted) if (!allCases.includes(c)) throw new Error(`no case "${c}" (cases: ${allCases.join(', ')})`);

const dist = resolve(process.cwd(), arg('dist', 'dist'));
if (!argv.includes('--no-build') && !existsSync(resolve(dist, 'index.html'))) execSync('npx vite build', { stdio: 'inherit' });
const missing = chromiumMissing();
if (missing) throw new Error(missing);

const search = (c: string) => (c === 'bench100k' ? '?bench=100000' : c === 'bench1M' ? '?bench=1000000' : `?lesson=${c}`);
const r1 = (x: number) => Math.round(x * 10) / 10;
const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1))))];
};


const keepPlaying = pressPlayIfPaused;

/** The worker's time by section, as ms per step and % of the wall time (workers/workTimes.ts). */
function workerShares(w: WorkTimesReport): Record<string, number> {
  const pct = (ms: number) => r1((100 * ms) / Math.max(1, w.spanMs));
  const per = (ms: number, n: number) => Math.round((ms / Math.max(1, n)) * 100) / 100;
  return {
    stepMsPerStep: per(w.stepMs, w.steps),
    frameMsPerFrame: per(w.frameMs, w.frames),
    stepsPerFrame: per(w.steps, w.frames),
    stepPct: pct(w.stepMs),
    timelinePct: pct(w.timelineMs),
    framePct: pct(w.frameMs),
    snapshotPct: pct(w.snapshotMs),
    idlePct: pct(w.idleMs),
  };
}

interface Sample {
  at: number;
  drawFps: number;
  displayFps: number;
  tick: number;
  hoursPerSecond: number;
  quality?: string;
}

async function runCase(browser: Browser, base: string, c: string, rate: number): Promise<Record<string, unknown>> {
  const context = await browser.newContext({ viewport: viewportArg() });
  const p = await context.newPage();
  const errors: string[] = [];
  recordErrors(p, errors);
  await p.addInitScript(LONGTASKS);
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('HeapProfiler.enable').catch(() => {});
  await p.goto(base + search(c));
  // Time to first picture: ms from navigation start to the first drawn frame (polled every paint).
  const first = (await (await p.waitForFunction(() => window.cellpost?.ready() && performance.now(), undefined, { timeout: 120_000, polling: 'raf' })).jsonValue()) as number;
  // The load's milestones (src/app/loadMilestones.ts): ms from navigation to each 'cellpost:…' mark.
  const milestones = (await p.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('cellpost:')).map((m) => [m.name.slice(9), Math.round(m.startTime)])))) as Record<string, number>;
  await keepPlaying(p);
  await p.waitForTimeout(1000);
  const startAt = await p.evaluate(() => performance.now());
  const tick0 = await p.evaluate(() => window.cellpost.tick());
  await p.evaluate(() => window.cellpost.workTimes?.() ?? null);
  const samples: Sample[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await p.waitForTimeout(250);
    await keepPlaying(p);
    samples.push(
      await p.evaluate(async () => {
        const s = window.cellpost.stats() as ReturnType<typeof window.cellpost.stats> & { quality?: string };
        return { at: performance.now(), drawFps: s.drawFps, displayFps: s.displayFps, tick: 0, hoursPerSecond: s.simHoursPerSecond, quality: s.quality };
      }),
    );
  }
  // The window ends here: the bench's own calls below (the tick, the worker's times, the heap) and
  // whatever the page does after them are not part of the run as measured.
  const [windowEnd, clockAtEnd] = await p.evaluate(() => [performance.now(), document.querySelector('#clock')?.textContent ?? ''] as const);
  const tick1 = await p.evaluate(() => window.cellpost.tick());
  const work = await p.evaluate(() => window.cellpost.workTimes?.() ?? null);
  const endAt = await p.evaluate(() => performance.now());
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number; backingStorageSize?: number };
  const tasks = (await p.evaluate('window.__longtasks')) as [number, number][];
  const playing = tasks.filter(([t]) => t >= startAt && t < windowEnd);
  const steady = playing.map(([, d]) => d);
  const fps = samples.slice(4).map((s) => s.drawFps);
  const shown = samples.slice(4).map((s) => s.displayFps);
  const hps = samples.slice(4).map((s) => s.hoursPerSecond);
  const stats = (await p.evaluate(() => window.cellpost.stats())) as unknown as Record<string, unknown>;
  const row = {
    case: c,
    cpuSlowdown: rate,
    seconds,
    drawFpsMedian: r1(quantile(fps, 0.5)),
    drawFpsP5: r1(quantile(fps, 0.05)),
    displayFpsMedian: r1(quantile(shown, 0.5)),
    displayFpsP5: r1(quantile(shown, 0.05)),
    stepsPerSecond: r1(((tick1 - tick0) * 1000) / (endAt - startAt)),
    simHoursPerSecond: Math.round(quantile(hps, 0.5) * 100) / 100,
    longestTaskMs: r1(Math.max(0, ...steady)),
    // How many tasks over 50 ms (the longtask observer's threshold) while playing, and the five longest as [ms after the first picture, duration ms]: work put off
    // until after the first picture lands in the first second or two.
    longTaskCount: playing.length,
    longTasks: [...playing].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t, d]) => [Math.round(t - first), Math.round(d)]),
    // The run's clock when the window ended (which of the lesson's stops fell inside it).
    clockAtEnd,
    longestTaskDuringLoadMs: r1(Math.max(0, ...tasks.filter(([t]) => t < startAt).map(([, d]) => d))),
    heapMB: r1(heap.usedSize / 1e6),
    arrayBuffersMB: r1((heap.backingStorageSize ?? 0) / 1e6),
    firstPictureMs: Math.round(first),
    milestones,
    vesicles: stats.vesicles,
    buffersMade: stats.buffersMade,
    quality: samples.length ? samples[samples.length - 1].quality : undefined,
    worker: work ? workerShares(work) : null,
    load: r1(loadavg()[0]),
    errors,
  };
  await context.close();
  return row;
}

const server = await preview({ build: { outDir: dist }, preview: { port: Number(process.env.CELLPOST_BENCH_PORT ?? 4214), strictPort: true, open: false }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0] ?? 'http://localhost:4214/';
const browser = await launch();
const rows: Record<string, unknown>[] = [];
try {
  const size = { bench: 'first-load', ...firstLoadSize(dist) };
  console.log(JSON.stringify(size));
  rows.push(size);
  for (const rate of rates)
    for (const c of wanted) {
      const row = await runCase(browser, base, c, rate);
      console.log(JSON.stringify(row));
      rows.push(row);
    }
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify({ bench: 'browser-summary', chromium: browser.version(), cores: cpus().length, sharedMemory: SHARED_MEMORY }));
mkdirSync(resolve(process.cwd(), 'test-results'), { recursive: true });
writeFileSync(resolve(process.cwd(), 'test-results', 'browser-bench.json'), JSON.stringify(rows, null, 2));
