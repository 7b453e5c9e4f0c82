// The page's first load stays light and lessons still open: the built app's first-load JavaScript
// (bench/firstLoad.ts, what index.html loads before any interaction) is under its budget; the home
// screen shows every lesson's card; and a deep link to each lesson shows that lesson — never another
// lesson's title first — while fetching only that lesson's file.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { firstLoadSize } from '../../bench/firstLoad';
import { lessonIndex } from '../../lessons/library';
import { chromium } from 'playwright-core';
import { inject } from 'vitest';
import { recordErrors } from './browser';
import { baseUrl, withApp } from './fixture';

/** The budget of issue "Fast on a school laptop": 150 kB of gzipped JavaScript before any interaction. */
const FIRST_LOAD_BUDGET_KB = 150;

/** Records every text the lesson title takes, from the first script on (window.__titles). */
const WATCH_TITLE = `(() => {
  window.__titles = [];
  new MutationObserver(() => {
    const t = document.getElementById('lesson-title')?.textContent ?? '';
    if (t !== '' && window.__titles[window.__titles.length - 1] !== t) window.__titles.push(t);
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const lessonChunk = (url: string) => lessonIndex.find((l) => new RegExp(`/assets/${l.id}-[\\w-]+\\.js$`).test(url))?.id;

describe('first load', () => {
  it(`is at most ${FIRST_LOAD_BUDGET_KB} kB of gzipped JavaScript`, () => {
    // The build being served: CELLPOST_DIST when given (test/e2e/globalSetup.ts), else dist/.
    const size = firstLoadSize(resolve(process.env.CELLPOST_DIST ?? resolve(process.cwd(), 'dist')));
    console.log(`first load: ${size.jsGzipKB} kB gzipped (${size.jsRawKB} kB raw) in ${size.files.length} file(s): ${size.files.join(', ')}`);
    expect(size.jsGzipKB).toBeGreaterThan(20);
    expect(size.jsGzipKB).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB);
  });

  it('shows a card for every lesson on the home screen, and draws their pictures', async () => {
    const browser = await chromium.connectOverCDP(inject('chromiumEndpoint'));
    try {
      const errors: string[] = [];
      const p = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      recordErrors(p, errors);
      await p.goto(baseUrl());
      await p.locator('.card').first().waitFor();
      expect(await p.locator('#home .card-title').allTextContents()).toEqual(lessonIndex.map((l) => l.title));
      expect(await p.locator('#home .card-question').allTextContents()).toEqual(lessonIndex.map((l) => l.question));
      // Each picture is drawn once its lesson's file loaded (a blank canvas reads as all zeros).
      const drawn = () => p.evaluate(() => Array.from(document.querySelectorAll<HTMLCanvasElement>('#home canvas.thumb'), (c) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v: number) => v !== 0)));
      await expect.poll(drawn, { timeout: 30_000 }).toEqual(lessonIndex.map(() => true));
      expect(errors).toEqual([]);
      await p.close();
    } finally {
      await browser.close();
    }
  });

  it('opens each lesson from a deep link with its own title from the start, fetching only its file', async () => {
    const browser = await chromium.connectOverCDP(inject('chromiumEndpoint'));
    try {
      for (const l of lessonIndex) {
        const fetched: string[] = [];
        const errors: string[] = [];
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const p = await context.newPage();
        recordErrors(p, errors);
        await p.addInitScript(WATCH_TITLE);
        p.on('request', (r) => {
          const id = lessonChunk(r.url());
          if (id) fetched.push(id);
        });
        await p.goto(`${baseUrl()}?lesson=${l.id}`);
        await expect.poll(() => p.evaluate(() => window.cellpost?.ready() ?? false), { timeout: 30_000 }).toBe(true);
        expect(await p.locator('#lesson-title').textContent()).toBe(l.title);
        expect(await p.evaluate(() => (window as unknown as { __titles: string[] }).__titles), `${l.id}: the titles shown`).toEqual([l.title]);
        expect(await p.title()).toBe(`${l.title} · Cellpost`);
        // The page and each engine worker (a build of their own; two for side-by-side views) fetch this
        // lesson's file, and no other lesson's.
        expect([...new Set(fetched)], `${l.id}: lesson files fetched`).toEqual([l.id]);
        expect(errors).toEqual([]);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('opens the first lesson for a link to a lesson that does not exist, and says so', async () => {
    await withApp('?lesson=no-such-lesson', async (p) => {
      await expect.poll(() => p.evaluate(() => window.cellpost.ready()), { timeout: 30_000 }).toBe(true);
      expect(await p.locator('#lesson-title').textContent()).toBe(lessonIndex[0].title);
      await expect.poll(() => p.locator('#banner-strip').textContent()).toContain('no-such-lesson');
    });
  });
});
