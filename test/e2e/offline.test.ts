// Offline and from disk: after one visit the built app reloads and runs a lesson with the browser
// offline (its service worker answers everything from the precache), and the one-file copy
// (npm run build:single) runs a lesson from a file:// URL with the Node run's hash. Prints the
// figures docs/hosting.md quotes (sizes, time to first picture) and saves them to test-results/.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { recordErrors, watchPolicy } from './browser';
import { lesson } from '../../lessons/index';
import { nodeHash } from './engine';
import { serveDist, type StaticServer } from './server';
import { hasText } from './expectations';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = process.env.CELLPOST_DIST ? resolve(process.env.CELLPOST_DIST) : join(ROOT, 'dist');
const SINGLE = join(ROOT, 'dist-single', 'cellpost.html');
/** What goes into the one-file copy: if any of it is newer than the copy, it is built again. */
const SOURCES = ['index.html', 'vite.config.ts', 'build', 'public', 'package-lock.json', 'sim', 'src/app', 'src/lab', 'viz', 'workers', 'lessons'];

const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  return s.isDirectory() ? Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n)))) : s.mtimeMs;
};

/** dist-single/cellpost.html, built when missing or older than its sources. */
function singleFile(): string {
  const built = existsSync(SINGLE) ? statSync(SINGLE).mtimeMs : 0;
  if (SOURCES.some((s) => newest(join(ROOT, s)) > built)) {
    console.log('[e2e] building dist-single/ (npm run build:single)');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', 'single', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  return SINGLE;
}

const figures: Record<string, number | string> = {};
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.connectOverCDP(inject('chromiumEndpoint'));
});

afterAll(async () => {
  await browser?.close();
  if (Object.keys(figures).length === 0) return;
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', 'offline.json'), JSON.stringify(figures, null, 2));
  console.log(`\nOffline figures:\n${Object.entries(figures).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);
});

async function freshPage(size = { width: 1280, height: 720 }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  const errors: string[] = [];
  recordErrors(page, errors);
  await watchPolicy(page);
  return { context, page, errors };
}

const ready = (p: Page) => p.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 30_000 });

/** Distinct colours in the tissue canvas: a drawn lesson has many, a blank canvas one or two. */
const canvasColours = (p: Page) =>
  p.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('#view-canvas')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });

/** Presses Play, waits until the run has moved on by at least `steps`, pauses, and returns the tick. */
async function playAWhile(p: Page, steps: number): Promise<number> {
  const from = await p.evaluate(() => window.cellpost.tick());
  await p.locator('#play').click();
  await expect.poll(() => p.evaluate(() => window.cellpost.tick()), { timeout: 30_000 }).toBeGreaterThanOrEqual(from + steps);
  await p.locator('#play').click();
  await hasText(p.locator('#play'), 'Play');
  return p.evaluate(() => window.cellpost.tick());
}

describe('offline after one visit', () => {
  let server: StaticServer;
  beforeAll(async () => {
    // A server of this file's own (its own origin, so its own service worker and caches).
    server = await serveDist(DIST);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('the service worker takes charge, the browser goes offline, and a reload still runs a lesson', async () => {
    const { context, page: p, errors } = await freshPage();
    try {
      await p.goto(`${server.url}?lesson=letters`);
      await ready(p);
      // The first visit installs the service worker; it takes charge of this page without a reload.
      await p.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      await hasText(p.locator('#offline-note'), 'Ready to work offline');
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      await p.screenshot({ path: join(ROOT, 'test-results', 'offline-ready-1280x720.png') });
      const precache = await p.evaluate(async () => {
        let bytes = 0;
        let files = 0;
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const req of await cache.keys()) {
            bytes += (await (await cache.match(req))!.blob()).size;
            files++;
          }
        }
        return { bytes, files };
      });
      // The page, both workers, the Lab's on-demand chunk, styles, manifest and icons at least.
      expect(precache.files).toBeGreaterThanOrEqual(12);
      figures['precache files'] = precache.files;
      figures['precache size (kB)'] = Math.round(precache.bytes / 1000);

      // Offline: every answer from here on must come from the service worker.
      const fromNetwork: string[] = [];
      p.on('response', (r) => {
        if (!r.fromServiceWorker() && !/^(data|blob):/.test(r.url())) fromNetwork.push(r.url());
      });
      await context.setOffline(true);
      const t0 = Date.now();
      await p.reload();
      await ready(p);
      figures['first picture offline, letters (ms)'] = Date.now() - t0;
      expect(await canvasColours(p)).toBeGreaterThan(8);
      const at = await playAWhile(p, 60);
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(nodeHash('letters', '1', at));

      // Another link, opened offline (any address is answered with the one page), and the Lab's
      // tools, which load on demand: from the precache too.
      const t1 = Date.now();
      await p.goto(`${server.url}?lesson=immune-suppression&seed=7&mode=lab`);
      await ready(p);
      figures['first picture offline, immune-suppression in the Lab (ms)'] = Date.now() - t1;
      await p.evaluate(() => window.cellpost.stepN(40));
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(nodeHash('immune-suppression', '7', 40));
      expect(await p.locator('#notice-log').textContent()).not.toContain('could not be loaded');

      // What a person sees offline, at a phone's, a laptop's and a projector's size.
      await p.goto(`${server.url}?lesson=letters`);
      await ready(p);
      await p.evaluate(() => window.cellpost.stepN(120));
      for (const size of [
        { width: 390, height: 844 },
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        await p.setViewportSize(size);
        await p.waitForTimeout(300);
        await p.screenshot({ path: join(ROOT, 'test-results', `offline-${size.width}x${size.height}.png`) });
      }
      expect(fromNetwork).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a new version', () => {
  let server: StaticServer;
  let copy: string;
  beforeAll(async () => {
    // A copy of the build that this test changes, on a server (and an origin) of its own.
    copy = mkdtempSync(join(tmpdir(), 'cellpost-e2e-update-'));
    cpSync(DIST, copy, { recursive: true });
    server = await serveDist(copy);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  it('waits until the person chooses Reload, then takes over', async () => {
    const { context, page: p, errors } = await freshPage();
    try {
      await p.goto(`${server.url}?lesson=letters`);
      await ready(p);
      await p.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      // A new build is put on the server; the browser finds it when the page is loaded again.
      appendFileSync(join(copy, 'sw.js'), '\n// the next version\n');
      await p.reload();
      await ready(p);
      await hasText(p.locator('#offline-note'), 'New version', 30_000);
      // Until then the page stays as it is: the new version is waiting, not in charge.
      expect(await p.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);
      await p.screenshot({ path: join(ROOT, 'test-results', 'offline-new-version-1280x720.png') });
      await Promise.all([p.waitForEvent('load', { timeout: 30_000 }), p.locator('#offline-reload').click()]);
      await ready(p);
      expect(await p.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
      expect(await p.locator('#offline-note').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the one-file copy, opened from disk', () => {
  it('runs a lesson from a file:// URL: no console errors, no request off the page, the Node hash', async () => {
    const file = singleFile();
    const html = readFileSync(file, 'utf8');
    figures['one file (kB)'] = Math.round(Buffer.byteLength(html) / 1000);
    figures['one file gzipped (kB)'] = Math.round(gzipSync(html, { level: 9 }).length / 1000);
    // Its own policy: inline script and style allowed by hash only.
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+';/);
    expect(policy).not.toContain('unsafe-inline');
    expect(html).not.toMatch(/<script[^>]*\bsrc=|<link[^>]*rel="(stylesheet|modulepreload)"/);

    const { context, page: p, errors } = await freshPage();
    try {
      const offPage: string[] = [];
      context.on('request', (r) => {
        if (!/^(file|data|blob):/.test(r.url())) offPage.push(r.url());
      });
      const url = pathToFileURL(file).href;
      const t0 = Date.now();
      await p.goto(`${url}?lesson=letters&seed=3`);
      await ready(p);
      figures['first picture from the one file, letters (ms)'] = Date.now() - t0;
      expect(await canvasColours(p)).toBeGreaterThan(8);
      await p.evaluate(() => window.cellpost.stepN(200));
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(nodeHash('letters', '3', 200));
      const at = await playAWhile(p, 60);
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(nodeHash('letters', '3', at));

      // The Lab's tools (on demand in the served app) are inside the file too.
      await p.goto(`${url}?lesson=letters&seed=5&mode=lab`);
      await ready(p);
      await p.evaluate(() => window.cellpost.stepN(30));
      expect(await p.evaluate(() => window.cellpost.hash())).toBe(nodeHash('letters', '5', 30));
      expect(await p.locator('#notice-log').textContent()).not.toContain('could not be loaded');
      // The sweep workers (inlined as well): autoimmune-signature's small cohort runs in them.
      const size = lesson('autoimmune-signature')!.lesson!.cohort!.inline!.size;
      await p.goto(`${url}?lesson=autoimmune-signature`);
      await ready(p);
      await expect.poll(() => p.locator('.ic-status').textContent(), { timeout: 90_000 }).toMatch(new RegExp(`^${2 * size} people tested, each`));
      expect(offPage).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
