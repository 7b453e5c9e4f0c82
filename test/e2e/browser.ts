// Debian's Chromium for the browser tests and the browser bench (playwright-core, no downloaded
// browsers): where it is, how it is started, and a page that records every console error and
// uncaught exception and waits until the app has drawn its first frame.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The app's own hook types, type-only: their `declare global` gives the tests window.cellpost
// and window.cellpostPaired.
export type { CellpostHook } from '../../src/app/testHook';
export type { PairedHook } from '../../src/app/paired/hook';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Playwright starts Chromium with `--disable-dev-shm-usage`, so its shared memory (the canvas's and
 * the compositor's hand-over buffers among it) lives in files under /tmp on disk, where the kernel
 * writes dirty pages back 30 s after they were first written and every page then faults on its next
 * write: the canvas hand-overs ~30 s and ~60 s after a canvas starts being drawn took 45–109 ms of CPU
 * at 4× (docs/performance.md, "The canvas burst at ~32 s"). An ordinary Chrome on a laptop keeps it in
 * /dev/shm (tmpfs), which is never written back, so the benches and the browser tests start Chromium
 * that way when /dev/shm has room; `CELLPOST_DEV_SHM=0` keeps Playwright's files under /tmp (to
 * compare with figures taken before 5 December, evening).
 */
export const DEFAULT_ARGS_LEFT_OUT = process.env.CELLPOST_DEV_SHM !== '0' && devShmRoomy() ? ['--disable-dev-shm-usage'] : [];

/** Where this process's Chromium keeps its shared memory, for the benches' summary lines. */
export const SHARED_MEMORY = DEFAULT_ARGS_LEFT_OUT.length > 0 ? '/dev/shm' : 'files under /tmp';

/** /dev/shm is there with at least 1 GB free (a container's default of 64 MB is too small for Chromium). */
function devShmRoomy(): boolean {
  try {
    const s = statfsSync('/dev/shm');
    return s.bavail * s.bsize >= 1e9;
  } catch {
    return false;
  }
}

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install -y chromium)`;
}

/** One Chromium for this process (the browser bench). */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, ignoreDefaultArgs: DEFAULT_ARGS_LEFT_OUT });
}

export interface SharedChromium {
  /** Where other processes reach it: chromium.connectOverCDP(endpoint). */
  endpoint: string;
  close(): Promise<void>;
}

/**
 * One Chromium that the test files' processes connect to (the browser tests' shared fixture).
 * They speak CDP to it directly: measured on this machine, a page call through a
 * launchServer/connect relay took about 1.5× as long as one over CDP, which adds up over the
 * thousands of calls the polling assertions make.
 */
export async function launchShared(): Promise<SharedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'cellpost-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: [...ARGS, '--remote-debugging-port=0'], headless: true, ignoreDefaultArgs: DEFAULT_ARGS_LEFT_OUT });
  // Chromium writes the port it chose into the profile folder.
  const portFile = join(profile, 'DevToolsActivePort');
  for (let waited = 0; !existsSync(portFile); waited += 20) {
    if (waited > 20_000) throw new Error(`Chromium did not open a debugging port (no ${portFile})`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
  const port = readFileSync(portFile, 'utf8').split('\n')[0].trim();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sends the page's console errors and uncaught exceptions to `errors`. */
export function recordErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
}

/** Prefix of what watchPolicy() reports: the fixture fails a test on any such line. */
export const CSP_VIOLATION = 'CSP violation:';

/**
 * Reports every Content-Security-Policy violation in the page as a console error starting with
 * CSP_VIOLATION (Chromium's own "Refused to …" lines are console errors too).
 */
export async function watchPolicy(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
}

/** The Content-Security-Policy problems among recorded errors (a violation, or Chromium refusing something). */
export const policyErrors = (errors: readonly string[]): string[] => errors.filter((e) => e.includes(CSP_VIOLATION) || /Refused to (load|execute|apply|connect|create|frame)/.test(e));

/** Loads the app at `url` and waits until it has drawn its first frame (window.cellpost.ready()). */
export async function gotoApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 20_000 });
}

export type PageOptions = Pick<BrowserContextOptions, 'viewport' | 'reducedMotion' | 'deviceScaleFactor'> & {
  /** A script run in the page before its own, at every load of the page (Playwright's `addInitScript`). */
  initScript?: string;
};

/** A fresh context and page (1280×720 unless told) at `url`, recording errors into `errors`. */
export async function openPage(browser: Browser, url: string, errors: string[], options: PageOptions = {}): Promise<Page> {
  const { initScript, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
  const page = await context.newPage();
  // Closing the page closes its context (already gone if the browser closed first).
  page.once('close', () => void context.close().catch(() => {}));
  recordErrors(page, errors);
  await watchPolicy(page);
  if (initScript) await page.addInitScript(initScript);
  await gotoApp(page, url);
  return page;
}
