// The page's frame budget in Chromium (loose assertions; the figures are printed): the view
// redraws at the display rate while the engine steps more slowly, frames reuse the buffers the
// page hands back (the worker makes a handful of stores, and the heap stays flat over 30 s at 1M
// vesicles), and adaptive quality engages with the CPU slowed 4× at 1M and lets go after.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cpus, loadavg } from 'node:os';
import type { StatsReport } from '../../src/app/stats';
import { newApp, withApp, type App } from './fixture';
import { pressPlayIfPaused } from './keepPlaying';

const stats = (p: Page): Promise<StatsReport> => p.evaluate(() => window.cellpost.stats());

const play = pressPlayIfPaused;

/** Draws and engine frames counted over `ms` (the page's one-second rates, read every second). */
async function rates(p: Page, ms: number): Promise<{ draws: number; frames: number }> {
  let draws = 0;
  let frames = 0;
  for (let t = 0; t < ms; t += 1000) {
    await p.waitForTimeout(1000);
    await play(p);
    const s = await stats(p);
    draws += s.drawFps;
    frames += s.framesPerSecond;
  }
  return { draws: draws / (ms / 1000), frames: frames / (ms / 1000) };
}

/** The page's JS heap and array-buffer memory (MB) after a garbage collection. */
async function memory(p: Page): Promise<{ heapMB: number; arrayBuffersMB: number }> {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return { heapMB: +(u.usedSize / 1e6).toFixed(1), arrayBuffersMB: +((u.backingStorageSize ?? 0) / 1e6).toFixed(1) };
}

/**
 * One page of ?bench=1000000 for the two 1M tests (loading a million vesicles is the slow part):
 * opened by the first that runs, closed after the file.
 */
let million: Promise<App> | undefined;
const bench1M = (): Promise<App> =>
  (million ??= newApp('?bench=1000000').then(async (app) => {
    await expect.poll(() => stats(app.page).then((s) => s.vesicles), { timeout: 60_000, interval: 250 }).toBeGreaterThan(900_000);
    return app;
  }));
afterAll(async () => {
  await (await million)?.close();
});

describe('frame budget', () => {
  it('redraws the view every animation frame while the engine sends fewer frames', async () => {
    // ?quality=full keeps the redraws on however busy the machine is; the engine steps 20 times a second here.
    await withApp('?lesson=autoimmune-signature&quality=full', async (p, errors) => {
      await play(p);
      await p.waitForTimeout(1000);
      const r = await rates(p, 4000);
      console.log('redraw rate', JSON.stringify({ ...r, load: loadavg()[0] }));
      expect(r.frames).toBeGreaterThan(0);
      expect(r.draws).toBeGreaterThan(1.5 * r.frames);
      expect(errors).toEqual([]);
    });
  });

  it('1M vesicles for 30 s: frames reuse buffers and the heap stays flat', async () => {
    const { page: p, errors } = await bench1M();
    await p.waitForTimeout(2000);
    const before = await memory(p);
    const made0 = (await stats(p)).buffersMade;
    let frames = 0;
    for (let t = 0; t < 30; t++) {
      await p.waitForTimeout(1000);
      frames += (await stats(p)).framesPerSecond;
    }
    const after = await memory(p);
    const made = (await stats(p)).buffersMade;
    const growth = { heapMB: +(after.heapMB - before.heapMB).toFixed(1), arrayBuffersMB: +(after.arrayBuffersMB - before.arrayBuffersMB).toFixed(1) };
    console.log('1M for 30 s', JSON.stringify({ before, after, growth, frames, buffersMadeBefore: made0, buffersMadeAfter: made, load: loadavg()[0] }));
    expect(frames).toBeGreaterThan(5);
    // Stores are made while the pool warms up; after that every frame reuses one.
    expect(made - made0).toBeLessThanOrEqual(2);
    expect(made).toBeLessThanOrEqual(6);
    expect(growth.heapMB).toBeLessThan(8);
    expect(errors).toEqual([]);
  });

  it('adaptive quality engages with the CPU slowed 4× at 1M vesicles and lets go when it is not', async () => {
    const { page: p, errors } = await bench1M();
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const t0 = Date.now();
    await expect.poll(() => stats(p).then((s) => s.quality), { timeout: 40_000, interval: 500 }).toBe('reduced');
    const engagedAfter = Date.now() - t0;
    await expect.poll(() => p.locator('#quality-note').textContent(), { timeout: 5_000 }).toContain('drawing less');
    const slow = await rates(p, 3000);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Letting go needs a machine that keeps up: on one loaded far past its cores (other work
    // running), the page rightly stays reduced. Whether a 2-core machine keeps up at 1M with full
    // quality is what bench:browser measures; here it is asserted only when asked
    // (CELLPOST_ASSERT_RELEASE=1) on an idle machine, and only then waited for: unasserted, the
    // wait and the rates after it checked nothing (npm test's 10 s of its timed part).
    const asserted = process.env.CELLPOST_ASSERT_RELEASE === '1' && loadavg()[0] <= 1.5 * cpus().length;
    if (!asserted) {
      console.log('adaptive quality', JSON.stringify({ engagedAfterMs: engagedAfter, slow, load: loadavg()[0], asserted }));
    } else {
      const t1 = Date.now();
      let released = false;
      for (let waited = 0; waited < 60_000 && !released; waited += 500) {
        await p.waitForTimeout(500);
        released = (await stats(p)).quality === 'full';
      }
      const releasedAfter = released ? Date.now() - t1 : null;
      const fast = await rates(p, 3000);
      console.log('adaptive quality', JSON.stringify({ engagedAfterMs: engagedAfter, releasedAfterMs: releasedAfter, slow, fast, load: loadavg()[0], asserted }));
      expect(released).toBe(true);
      expect(await p.locator('#quality-note').textContent()).toBe('');
    }
    await cdp.detach();
    expect(errors).toEqual([]);
  });
});
