// Launching Debian's Chromium for the browser tests with playwright-core (no downloaded
// browsers), and collecting every console error and page error a test page produces.
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import './hook';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install -y chromium)`;
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** Opens a page at 1280×720 and records console errors and uncaught exceptions into `errors`. */
export async function openPage(browser: Browser, url: string, errors: string[], viewport = { width: 1280, height: 720 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 20_000 });
  return page;
}
