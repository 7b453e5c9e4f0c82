// Browser tests of the page's layout: no sideways scrolling from phone to projector widths on the
// home screen and in Learn and Lab, the band under a strip or two views whole with Large text
// (bokmål, three sizes), no text under 16 px on a 1920×1080 projector (canvas text included), a header that keeps
// its height from lesson to lesson, axe-clean home, Learn and Lab screens, and home → card →
// lesson → Back → home. The sideways-scroll and axe checks walk one page per screen through the
// widths by resizing. The checks made on every lesson at a size (the stage share with the chart
// whole, the first prompt's predict step in view, the stage share with Large text beside the side
// column) are in sizes.test.ts, one page load per lesson.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lesson } from '../../lessons/index';
import { gotoApp, openPage } from './browser';
import { baseUrl, openScreen, sharedBrowser } from './fixture';
import { hasText } from './expectations';
import { seriousViolations } from './files';
import { offlineReady, resizeAndSettle, settled } from './viewport';
import { canvasFontSizes, LEARN_PARTS, notWhole, overflowX, recordCanvasFonts, smallestText } from './measure';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
const WIDTHS = [360, 390, 768, 1024, 1280, 1366, 1920];

const browser = sharedBrowser();

beforeAll(() => void mkdirSync(SHOTS, { recursive: true }));

/** The home screen (no lesson in the link): ready once its cards are there. */
const openHome = (viewport: { width: number; height: number }, errors: string[]): Promise<Page> => openScreen(browser(), '', '.card', errors, viewport);

describe('the page layout', () => {
  it('never scrolls sideways, on the home screen, in Learn and in Lab, from 360 to 1920 px wide', async () => {
    // One page per screen, each loaded at a width of its own (home at the narrowest, Learn at a
    // tablet's, Lab at a small laptop's), then walked from the widest down by resizing (a page
    // narrowed from a wider window is the harder case); Learn is also loaded fresh at 360, 1280
    // and 1366 px in sizes.test.ts.
    const viewportAt = (width: number) => ({ width, height: width < 800 ? 844 : Math.round((width * 9) / 16) });
    const loadedAt = { home: 360, learn: 768, lab: 1024 };
    for (const screen of ['home', 'learn', 'lab'] as const) {
      const walk = [loadedAt[screen], ...[...WIDTHS].reverse().filter((w) => w !== loadedAt[screen])];
      const errors: string[] = [];
      const p = screen === 'home' ? await openHome(viewportAt(walk[0]), errors) : await openPage(browser(), `${baseUrl()}?lesson=immune-suppression&mode=${screen}`, errors, { viewport: viewportAt(walk[0]) });
      if (screen !== 'home') await p.evaluate(() => window.cellpost.stepN(120));
      for (const [k, width] of walk.entries()) {
        if (k > 0) await resizeAndSettle(p, viewportAt(width));
        expect(await overflowX(p), `${screen} at ${width} px${k === 0 ? ' (loaded)' : ''}`).toBeLessThanOrEqual(0);
      }
      await p.close();
      expect(errors).toEqual([]);
    }
  });

  it('shows the band under a strip or two views whole with Large text in bokmål, at 1280×720, 1366×768 and 1920×1080', async () => {
    // One page: the first lesson in a fresh context, each next one loaded in it at 1280×720 once
    // the first visit's service worker is in charge (its precache overlaps no later load); each
    // lesson is then resized to the larger windows and measured once the page has settled.
    const errors: string[] = [];
    const loaded = { width: 1280, height: 720 };
    let p: Page | undefined;
    for (const id of ['organ-address', 'block-release', 'gut-messages']) {
      const url = `${baseUrl()}?lesson=${id}&text=large&lang=nb`;
      if (!p) {
        p = await openPage(browser(), url, errors, { viewport: loaded });
        await offlineReady(p);
      } else {
        await p.setViewportSize(loaded);
        await gotoApp(p, url);
      }
      for (const [k, viewport] of [loaded, { width: 1366, height: 768 }, { width: 1920, height: 1080 }].entries()) {
        if (k > 0) await resizeAndSettle(p, viewport);
        else await settled(p);
        expect(await notWhole(p, LEARN_PARTS), `${id} at ${viewport.width}×${viewport.height}`).toEqual([]);
        expect(await overflowX(p), id).toBeLessThanOrEqual(0);
      }
      expect(errors, id).toEqual([]);
    }
    await p?.close();
  });

  it('shows no text under 16 px on a 1920×1080 projector, canvas and charts included', async () => {
    const errors: string[] = [];
    // One page: home, then Learn and Lab loaded in it in turn (each load sets its canvas texts again).
    const p = await browser().newPage({ viewport: { width: 1920, height: 1080 } });
    await recordCanvasFonts(p);
    await p.goto(baseUrl());
    await p.locator('.card').first().waitFor();
    const onHome = await smallestText(p);
    expect(onHome.min, onHome.where).toBeGreaterThanOrEqual(16);
    for (const mode of ['learn', 'lab']) {
      await p.goto(`${baseUrl()}?lesson=liquid-biopsy&mode=${mode}`);
      await p.waitForFunction(() => window.cellpost?.ready());
      await p.evaluate(() => window.cellpost.stepN(60));
      await p.locator('#key-toggle').click();
      // Every chart in turn (the blood panel too).
      const pages = await p.locator('#charts .chart-box').count();
      for (let i = 0; i < pages; i++) {
        const dom = await smallestText(p);
        expect(dom.min, `${mode}, chart ${i + 1}: ${dom.where}`).toBeGreaterThanOrEqual(16);
        await p.locator('#chart-next').click();
      }
      const canvasPx = await canvasFontSizes(p);
      expect(canvasPx.length).toBeGreaterThan(0);
      expect(Math.min(...canvasPx), mode).toBeGreaterThanOrEqual(16);
    }
    await p.close();
    expect(errors).toEqual([]);
  });

  it('makes every text 1.25× larger with "Large text", and remembers it', async () => {
    const errors: string[] = [];
    const p = await openPage(browser(), `${baseUrl()}?lesson=letters`, errors);
    const size = () => p.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();
    await p.getByRole('button', { name: 'Large text' }).click();
    expect(await size()).toBeCloseTo(before * 1.25, 1);
    await p.reload();
    await p.waitForFunction(() => window.cellpost?.ready());
    expect(await size()).toBeCloseTo(before * 1.25, 1);
    await p.getByRole('button', { name: 'Large text' }).click();
    expect(await size()).toBeCloseTo(before, 1);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('keeps the header and the run controls still: long questions, lessons and status texts move nothing', async () => {
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      const errors: string[] = [];
      const heights: number[] = [];
      // One page per size: the first lesson loaded in a fresh context, the others in the same page
      // (the header is laid out by the stylesheet, whatever page was there before).
      const ids = ['letters', 'calm-inflammation', 'nk-weapons', 'organ-address'];
      const p = await openPage(browser(), `${baseUrl()}?lesson=${ids[0]}`, errors, { viewport });
      for (const id of ids) {
        if (id !== ids[0]) await gotoApp(p, `${baseUrl()}?lesson=${id}`);
        heights.push(await p.locator('header.top').evaluate((e) => e.getBoundingClientRect().height));
        if (id === 'letters') {
          // The "engine at its limit" line has a place of its own, over the stage.
          const before = await p.locator('#transport').boundingBox();
          const canvas = await p.locator('#view-canvas').boundingBox();
          await p.locator('#transport .lag').evaluate((e) => (e.textContent = 'running at 1 h/s: the engine is at its limit'));
          expect(await p.locator('#transport').boundingBox()).toEqual(before);
          expect(await p.locator('#view-canvas').boundingBox()).toEqual(canvas);
        }
      }
      await p.close();
      expect(new Set(heights).size, `header heights at ${viewport.width} px: ${heights.join(', ')}`).toBe(1);
      expect(errors).toEqual([]);
    }
  });

  it('goes home → a lesson card → the lesson → Back → home, and Forward to the same run', async () => {
    const errors: string[] = [];
    const p = await openHome({ width: 1280, height: 720 }, errors);
    expect(await p.locator('.card').count()).toBe(9);
    expect(await p.locator('.card .card-title').first().textContent()).toBe(lesson('letters')!.title);
    await p.locator('.card[data-lesson="immune-suppression"]').click();
    await hasText(p.locator('#lesson-title'), lesson('immune-suppression')!.title);
    await p.waitForFunction(() => window.cellpost?.ready());
    expect(await p.evaluate(() => location.search)).toContain('lesson=immune-suppression');
    await p.evaluate(() => window.cellpost.stepN(42));
    // Learn and Lab, kept in the address bar.
    await expect.poll(() => p.locator('#settings').isVisible()).toBe(false);
    await p.getByRole('button', { name: 'Lab', exact: true }).click();
    await expect.poll(() => p.locator('#settings').isVisible()).toBe(true);
    await expect.poll(() => p.evaluate(() => location.search)).toContain('mode=lab');
    await p.goBack();
    await expect.poll(() => p.locator('#home-h').isVisible()).toBe(true);
    expect(await p.evaluate(() => location.search)).toBe('');
    await p.goForward();
    await hasText(p.locator('#lesson-title'), lesson('immune-suppression')!.title);
    expect(await p.evaluate(() => window.cellpost.tick())).toBe(42);
    await expect.poll(() => p.locator('#settings').isVisible()).toBe(true);
    // "All lessons" goes home too; the lesson's card comes back to the same run.
    await p.getByRole('button', { name: 'All lessons' }).click();
    await expect.poll(() => p.locator('#home-h').isVisible()).toBe(true);
    await p.locator('.card[data-lesson="immune-suppression"]').click();
    await hasText(p.locator('#lesson-title'), lesson('immune-suppression')!.title);
    expect(await p.evaluate(() => window.cellpost.tick())).toBe(42);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('passes axe on the home screen, in Learn and in Lab, and photographs each at four sizes', async () => {
    // One page per screen, loaded at the phone size, photographed there and at the three larger
    // sizes it is resized to; axe scans at 390×844 and 1280×720.
    const viewports = [
      { width: 390, height: 844 },
      { width: 768, height: 1024 },
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ];
    for (const screen of ['home', 'learn', 'lab']) {
      const errors: string[] = [];
      const p = screen === 'home' ? await openHome(viewports[0], errors) : await openPage(browser(), `${baseUrl()}?lesson=immune-suppression&mode=${screen}`, errors, { viewport: viewports[0] });
      if (screen !== 'home') await p.evaluate(() => window.cellpost.stepN(180));
      for (const [k, viewport] of viewports.entries()) {
        const size = `${viewport.width}x${viewport.height}`;
        // Photographed and scanned once the page has caught up (with its steps, or the resize).
        if (k > 0) await resizeAndSettle(p, viewport);
        else await settled(p);
        await p.screenshot({ path: resolve(SHOTS, screen === 'home' ? `layout-home-${size}.png` : `layout-${screen}-${size}.png`) });
        if (screen === 'home' ? viewport.width === 1280 : viewport.width === 1280 || viewport.width === 390) expect(await seriousViolations(p, true), `${screen} at ${size}`).toEqual([]);
      }
      await p.close();
      expect(errors).toEqual([]);
    }
  });
});
