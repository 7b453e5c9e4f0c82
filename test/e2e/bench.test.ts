// Speed of the page with many vesicles (?bench=N: the letters scene, 500 cells, N dots injected):
// how often the tissue view draws, how often new frames arrive, the engine's step time, and how
// fast a click is answered while the engine works. Figures go to test-results/bench.json.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import type { StatsReport } from '../../src/app/stats';
import { sharedApp } from './fixture';

/**
 * The targets (100k: ~60 fps; 1M: ≥ 20 fps and clicks answered in < 100 ms) are asserted
 * with CELLPOST_BENCH_STRICT=1, on a machine that is otherwise idle. By default the test asserts
 * floors that only a real regression breaks (shared CI machines are often busy) and reports the figures.
 */
const STRICT = process.env.CELLPOST_BENCH_STRICT === '1';
const TARGET = STRICT ? { fps100k: 50, fps1M: 20, clickMs: 100 } : { fps100k: 10, fps1M: 3, clickMs: 1000 };

const results: Record<string, unknown> = {};

afterAll(() => {
  mkdirSync(resolve(process.cwd(), 'test-results'), { recursive: true });
  writeFileSync(resolve(process.cwd(), 'test-results', 'bench.json'), JSON.stringify(results, null, 2));
});

/** Averages the page's one-second rates over `seconds` seconds. */
async function sample(p: Page, seconds: number): Promise<StatsReport> {
  const rows: StatsReport[] = [];
  for (let k = 0; k < seconds; k++) {
    await p.waitForTimeout(1000);
    rows.push(await p.evaluate(() => window.cellpost.stats()));
  }
  const mean = (f: (r: StatsReport) => number) => Math.round((rows.reduce((a, r) => a + f(r), 0) / rows.length) * 10) / 10;
  return {
    displayFps: mean((r) => r.displayFps),
    drawFps: mean((r) => r.drawFps),
    framesPerSecond: mean((r) => r.framesPerSecond),
    simHoursPerSecond: mean((r) => r.simHoursPerSecond),
    stepMs: mean((r) => r.stepMs),
    drawMs: mean((r) => r.drawMs),
    vesicles: rows[rows.length - 1].vesicles,
    cells: rows[rows.length - 1].cells,
    quality: rows[rows.length - 1].quality,
    buffersMade: rows[rows.length - 1].buffersMade,
  };
}

/** Clicks Pause/Play n times; for each, ms from the click event to the first paint after it. */
async function clickLatencies(p: Page, n: number): Promise<number[]> {
  await p.evaluate(`(() => {
    window.__lat = [];
    document.addEventListener('click', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => window.__lat.push(performance.now() - t0));
    }, true);
  })()`);
  const box = (await p.locator('#play').boundingBox())!;
  for (let k = 0; k < n; k++) {
    await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await p.waitForTimeout(250);
  }
  return (await p.evaluate('window.__lat')) as number[];
}

/** The longest main-thread task (ms) during `ms` milliseconds. */
async function longestTask(p: Page, ms: number): Promise<number> {
  return (await p.evaluate(`new Promise((ok) => {
    let worst = 0;
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) worst = Math.max(worst, e.duration); });
    obs.observe({ type: 'longtask' });
    setTimeout(() => { obs.disconnect(); ok(worst); }, ${ms});
  })`)) as number;
}

/**
 * One page for both tests: the first opens ?bench=100000 in a fresh context, the second loads
 * ?bench=1000000 in it (a fresh load of that link, without a second first visit's service-worker
 * install); closed after the file.
 */
const appAt = sharedApp();

async function openBench(n: number): Promise<{ page: Page; errors: string[] }> {
  const app = await appAt(`?bench=${n}`);
  await expect.poll(() => app.page.evaluate(() => window.cellpost.stats().vesicles), { timeout: 60_000, interval: 250 }).toBeGreaterThan(n * 0.9);
  expect(app.errors).toEqual([]);
  return app;
}

describe('speed with many vesicles', () => {
  it('100k vesicles and 500 cells: the view draws at about 60 fps while the run advances', async () => {
    const app = await openBench(100_000);
    const p = app.page;
    await p.waitForTimeout(1500);
    const s = await sample(p, 4);
    const lat = await clickLatencies(p, 4);
    results['100k'] = { ...s, clickToPaintMs: lat, loadAverage: loadavg()[0], cpus: cpus().length };
    console.log('bench 100k', JSON.stringify(results['100k']));
    expect(s.drawFps).toBeGreaterThanOrEqual(TARGET.fps100k);
    expect(s.framesPerSecond).toBeGreaterThan(0);
    expect(Math.max(...lat)).toBeLessThan(TARGET.clickMs);
  });

  it('1M vesicles: the page stays responsive (click answered in < 100 ms) and draws at ≥ 20 fps', async () => {
    const app = await openBench(1_000_000);
    const p = app.page;
    await p.waitForTimeout(1500);
    const [s, worst] = await Promise.all([sample(p, 4), longestTask(p, 4000)]);
    const lat = await clickLatencies(p, 4);
    results['1M'] = { ...s, longestTaskMs: worst, clickToPaintMs: lat, loadAverage: loadavg()[0], cpus: cpus().length };
    console.log('bench 1M', JSON.stringify(results['1M']));
    expect(s.drawFps).toBeGreaterThanOrEqual(TARGET.fps1M);
    expect(Math.max(...lat)).toBeLessThan(TARGET.clickMs);
  });
});
