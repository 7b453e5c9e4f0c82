// The browser side the profiling benches share: a build served by Vite's preview server, one
// Chromium, and pages at the benches' window size with the CPU slowed by a given factor.
import { preview } from 'vite';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launch } from '../test/e2e/browser';
import { viewportArg } from './args';

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
