// The browser side the profiling benches share: a build served by Vite's preview server, one
// Chromium, and pages at the benches' window size with the CPU slowed by a given factor; and the
// rounds over builds and lessons that the one-moment benches (bench/stopLayout.ts, playCard.ts) run.
import { preview } from 'vite';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launch } from '../test/e2e/browser';
import { caseSearch, viewportArg } from './args';

export interface ThrottledPage {
  context: BrowserContext;
  p: Page;
  cdp: CDPSession;
}

/** Serves `dist` (port CELLPOST_BENCH_PORT, default 4214) and starts Chromium; `close` ends both. */
export async function serveAndLaunch(dist: string): Promise<{ base: string; browser: Browser; close: () => Promise<void> }> {
  const server = await preview({ build: { outDir: dist }, preview: { port: Number(process.env.CELLPOST_BENCH_PORT ?? 4214), strictPort: true, open: false }, logLevel: 'warn' });
  const base = server.resolvedUrls?.local[0] ?? 'http://localhost:4214/';
  const browser = await launch();
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A fresh page (1280×720, or `--viewport WxH`) whose CPU runs `rate` times slower, with its DevTools session. */
export async function throttledPage(browser: Browser, rate: number): Promise<ThrottledPage> {
  const context = await browser.newContext({ viewport: viewportArg() });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, p, cdp };
}

/**
 * For each round, each build (served and launched in turn) and each lesson: a fresh throttled page
 * with the lesson loaded at full quality and its first picture drawn, handed to `fn`, then closed.
 * `query` replaces `quality=full` (`''`: the lesson's link as bench:browser opens it); `init` is a
 * script run before the page's own; `firstPictureMs` is when `ready()` first held (page time, as
 * bench:browser reads it).
 */
export async function forEachLessonPage(
  o: { dists: string[]; cases: string[]; rounds: number; rate: number; query?: string; init?: string },
  fn: (page: ThrottledPage, at: { c: string; dist: string; round: number; firstPictureMs: number }) => Promise<void>,
): Promise<void> {
  for (let round = 0; round < o.rounds; round++)
    for (const dist of o.dists) {
      const { base, browser, close } = await serveAndLaunch(dist);
      try {
        for (const c of o.cases) {
          const page = await throttledPage(browser, o.rate);
          if (o.init) await page.p.addInitScript(o.init);
          await page.p.goto(base + caseSearch(c, o.query ?? 'quality=full'));
          const ready = await page.p.waitForFunction(() => window.cellpost?.ready() && performance.now(), undefined, { timeout: 120_000, polling: 'raf' });
          await fn(page, { c, dist, round, firstPictureMs: (await ready.jsonValue()) as number });
          await page.context.close();
        }
      } finally {
        await close();
      }
    }
}
