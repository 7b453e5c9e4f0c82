// What every browser test file uses: a fresh page of the built app in the shared Chromium
// (started once by globalSetup.ts), and the app's read-only test hook (window.cellpost) read
// from the test's side. Closing a page fails the test if the page broke its Content-Security-Policy.
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { gotoApp, openPage, policyErrors, recordErrors, watchPolicy, type PageOptions } from './browser';
import { offlineReady } from './viewport';

/** The served app's address, ending in '/'. */
export const baseUrl = (): string => inject('baseUrl');

export interface App {
  page: Page;
  /** The page's console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Closes the page, its context and this connection to the shared Chromium. */
  close(): Promise<void>;
}

/** Opens the app at `query` (e.g. '?lesson=letters') in a fresh context, ready to drive. */
export async function newApp(query = '', options: PageOptions = {}): Promise<App> {
  const browser = await chromium.connectOverCDP(inject('chromiumEndpoint'));
  const errors: string[] = [];
  try {
    const page = await openPage(browser, baseUrl() + query, errors, options);
    // Any Content-Security-Policy violation fails the test that saw it, whatever else it checks.
    const close = async () => {
      await browser.close();
      const csp = policyErrors(errors);
      if (csp.length > 0) throw new Error(`the page broke its Content-Security-Policy:\n${csp.join('\n')}`);
    };
    return { page, errors, close };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Runs `fn` on a fresh page of the app at `query`, and closes it afterwards whatever happens. */
export async function withApp(query: string, fn: (p: Page, errors: string[]) => Promise<void>, options: PageOptions = {}): Promise<void> {
  const app = await newApp(query, options);
  try {
    await fn(app.page, app.errors);
  } finally {
    await app.close();
  }
}

/**
 * One page of the app for a whole test file, for tests that need a lesson loaded but not a first
 * visit: the first call opens the app at `query` in a fresh context (as `newApp`), each later call
 * loads `query` in the same page (as a visitor opening another link: `openApp`) with the errors
 * list emptied, so each test still starts from a fresh load of its lesson. A load in an open page
 * costs about half the CPU of a fresh context (docs/testing.md). Stored settings (Large text, the
 * language, sound) carry over from test to test, as they do for a visitor: a test that changes one
 * uses its own page. A policy violation fails the test that saw it; the page is closed after the
 * file's last test. With `offlineFirst`, the first visit waits until its service worker is in charge
 * (`offlineReady`), so its install and precache (~2 MB) overlap none of the later loads.
 */
export function sharedApp(options: { offlineFirst?: boolean } = {}): (query: string, viewport?: PageOptions['viewport']) => Promise<{ page: Page; errors: string[] }> {
  let app: App | undefined;
  // A Content-Security-Policy violation fails the test that saw it, as closing a page does.
  afterEach(() => {
    const csp = app ? policyErrors(app.errors) : [];
    if (csp.length > 0) throw new Error(`the page broke its Content-Security-Policy:\n${csp.join('\n')}`);
  });
  afterAll(async () => {
    await app?.close();
  });
  return async (query, viewport) => {
    if (!app) {
      app = await newApp(query, viewport ? { viewport } : {});
      if (options.offlineFirst) await offlineReady(app.page);
    } else {
      app.errors.length = 0;
      // A window size asked for is set before the load, so the lesson loads at it (as in a fresh context).
      const now = app.page.viewportSize();
      if (viewport && (viewport.width !== now?.width || viewport.height !== now?.height)) await app.page.setViewportSize(viewport);
      await openApp(app.page, query);
    }
    return app;
  };
}

/**
 * `sharedApp()` in the shape of `withApp`: the function it returns runs `fn` on the file's one
 * page, loaded at `query` (at `viewport` when given, else at the size the page has; call at the top
 * of the file).
 */
export function withSharedApp(options: { offlineFirst?: boolean } = {}): (query: string, fn: (p: Page, errors: string[]) => Promise<void>, viewport?: PageOptions['viewport']) => Promise<void> {
  const appAt = sharedApp(options);
  return async (query, fn, viewport) => {
    const { page, errors } = await appAt(query, viewport);
    await fn(page, errors);
  };
}

/**
 * One connection to the shared Chromium for a whole test file: made before its first test and
 * closed after its last. Call at the top of the file; the function it returns gives the browser.
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connectOverCDP(inject('chromiumEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('sharedBrowser(): the browser is asked for before the file’s beforeAll ran');
    return browser;
  };
}

/**
 * A screen of the app that runs no lesson (home, the teacher page, class results): a fresh page
 * of `browser` at `query` (1280×720 unless told), recording errors and policy violations into
 * `errors`, ready once `readySelector` is in the page.
 */
export async function openScreen(browser: Browser, query: string, readySelector: string, errors: string[], viewport = { width: 1280, height: 720 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  recordErrors(page, errors);
  await watchPolicy(page);
  await page.goto(baseUrl() + query);
  await page.locator(readySelector).first().waitFor();
  return page;
}

/** Loads the app at `query` in a page that is already open (another link, the same person). */
export const openApp = (page: Page, query: string): Promise<void> => gotoApp(page, baseUrl() + query);

export const tick = (p: Page): Promise<number> => p.evaluate(() => window.cellpost.tick());
/**
 * Waits, after a Pause, until the run's clock has held still for 300 ms: an answer already asked
 * of the worker still arrives after the press (on a busy machine later than a fixed short wait).
 * Resolves to the tick it stopped at; times out (the poll's 10 s) if the run goes on.
 */
export async function stopped(p: Page): Promise<number> {
  let held = -1;
  await expect
    .poll(async () => {
      const t0 = await tick(p);
      await p.waitForTimeout(300);
      held = await tick(p);
      return held === t0;
    }, { message: 'the run stops moving after Pause' })
    .toBe(true);
  return held;
}
export const hash = (p: Page): Promise<string> => p.evaluate(() => window.cellpost.hash());
export const stepN = (p: Page, n: number): Promise<number> => p.evaluate((k) => window.cellpost.stepN(k), n);
