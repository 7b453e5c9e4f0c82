// The browser side the profiling benches share: a build served by Vite's preview server, one
// Chromium, and pages at the benches' window size with the CPU slowed by a given factor.
import { preview } from 'vite';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launch } from '../test/e2e/browser';
import { hasFlag, viewportArg } from './args';

export interface ThrottledPage {
  context: BrowserContext;
  p: Page;
  cdp: CDPSession;
  workers?: WorkerThrottle;
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

/**
 * A fresh page (1280×720, or `--viewport WxH`) whose CPU runs `rate` times slower, with its DevTools
 * session; with `--throttle-workers` its workers are slowed by `rate` too (`workers` says which).
 */
export async function throttledPage(browser: Browser, rate: number): Promise<ThrottledPage> {
  const context = await browser.newContext({ viewport: viewportArg() });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const workers = hasFlag('throttle-workers') ? await throttleWorkers(cdp, rate) : undefined;
  return { context, p, cdp, workers };
}

/** What throttling the page's workers did: each worker's name and what its session answered. */
export interface WorkerThrottle {
  workers: { name: string; answer: string }[];
}

/**
 * Slows every worker the page starts by `rate` too (`Emulation.setCPUThrottlingRate` sent to the
 * page throttles its main thread only): auto-attaches to the page's worker targets, each held at
 * its start until the throttle is set on its own session, then let go. The sessions are reached
 * with `Target.sendMessageToTarget` over the page's session (`flatten: false`: Playwright's CDP
 * session does not route flattened child sessions). Call before the page loads; the returned
 * object fills in as workers start.
 */
export async function throttleWorkers(cdp: CDPSession, rate: number): Promise<WorkerThrottle> {
  const out: WorkerThrottle = { workers: [] };
  let id = 1_000_000;
  const names = new Map<number, { name: string; index: number }>();
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; title: string; url: string }; waitingForDebugger: boolean }) => {
    const send = (method: string, params: object = {}) => cdp.send('Target.sendMessageToTarget', { sessionId: e.sessionId, message: JSON.stringify({ id: id++, method, params }) }).catch(() => {});
    if (e.targetInfo.type !== 'worker') {
      void send('Runtime.runIfWaitingForDebugger');
      return;
    }
    const index = out.workers.push({ name: e.targetInfo.title || e.targetInfo.url, answer: 'sent' }) - 1;
    names.set(id, { name: e.targetInfo.title, index });
    void send('Emulation.setCPUThrottlingRate', { rate }).then(() => send('Runtime.runIfWaitingForDebugger'));
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message?: string } };
    const w = m.id !== undefined ? names.get(m.id) : undefined;
    if (w) out.workers[w.index].answer = m.error ? `error: ${m.error.message}` : 'throttled';
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return out;
}
