// Browser tests of the Learn screen's two views side by side: organ-address shows the lung patch
// beside the liver patch (each titled, with its count of primed cells, the keyboard and the
// inspector working on both, the primary tumour one button away); block-release shows its run
// without and with the drug, both stepping under the one set of run controls, each copy's state
// hash equal to the engine in Node at the same tick; Tab meets the views, the key, the toggle, then
// Play. Photographed at four sizes (one page per lesson, walked through them by resizing), the tissue's share of the window measured on the wide ones,
// where the band under the views shows its controls whole, with Large text too. One label a pane:
// its title, the canvases drawing no tissue name under it (the one view in Lab draws it again).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lesson } from '../../lessons/index';
import { makeFrame } from '../../sim/index';
import { countIn, resolveSideBySide } from '../../src/app/sideBySide/spec';
import type { TwinHook } from '../../src/app/sideBySide/hook';
import { baseUrl, hash, openApp, sharedBrowser, stepN, tick, withApp } from './fixture';
import { gotoApp, recordErrors } from './browser';
import { nodeHash, nodeRun, type TimedEvent } from './engine';
import { hasText, isHidden } from './expectations';
import { resizeAndSettle, settled } from './viewport';
import { seriousViolations } from './files';
import { canvasTexts, LEARN_PARTS, leastShare, notWhole, recordCanvasTexts, stageShare } from './measure';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
const browser = sharedBrowser();
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

const twin = (p: Page) => ({
  settled: () => p.evaluate(() => (window.cellpostTwin as TwinHook).settled()),
  tick: () => p.evaluate(() => (window.cellpostTwin as TwinHook).tick()),
  hash: () => p.evaluate(() => (window.cellpostTwin as TwinHook).hash()),
});

/** The two panes' canvases on the page: boxes in client px. */
async function paneBoxes(p: Page) {
  const a = (await p.locator('#view-canvas').boundingBox())!;
  const b = (await p.locator('#sbs-canvas').boundingBox())!;
  return { a, b };
}

/**
 * The ids (or tag names) of the first `n` elements Tab reaches after the header: the order a
 * keyboard user meets the lesson in.
 */
async function tabsAfterHeader(p: Page, n: number): Promise<string[]> {
  await p.locator('header.top select').last().focus();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    await p.keyboard.press('Tab');
    ids.push(await p.evaluate(() => document.activeElement?.id || (document.activeElement?.tagName ?? '').toLowerCase()));
  }
  return ids;
}

/** The count a pane shows, computed from the engine in Node at the same step. */
function nodeCount(id: string, steps: number, pane: 0 | 1, events: TimedEvent[] = []): number {
  const s = lesson(id)!;
  const sbs = resolveSideBySide(s)!;
  const p = sbs.panes[pane];
  return countIn(makeFrame(nodeRun(id, '1', steps, events), 0), p.tissue, p.count).n;
}

const drugAt0 = (id: string): TimedEvent[] => lesson(id)!.lesson!.paired!.events.map((e) => ({ ...e, tick: 0 }));

describe('two views side by side on the Learn screen', () => {
  it('organ-address: the lung and liver patches side by side, each titled and counted, keyboard and inspector on both', async () => {
    await withApp('?lesson=organ-address', async (p, errors) => {
      const lung = p.getByRole('img', { name: /lung patch/i });
      const liver = p.getByRole('img', { name: /liver patch/i });
      await expect.poll(() => liver.isVisible()).toBe(true);
      expect(await lung.isVisible()).toBe(true);
      expect(await p.getByRole('heading', { name: 'Lung patch', exact: true }).isVisible()).toBe(true);
      expect(await p.getByRole('heading', { name: 'Liver patch', exact: true }).isVisible()).toBe(true);
      // Same size (same scale: both patches are 360 × 240 µm), side by side, inside the window.
      const { a, b } = await paneBoxes(p);
      expect(b.width).toBeCloseTo(a.width, 0);
      expect(b.height).toBeCloseTo(a.height, 0);
      expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
      expect(b.x + b.width).toBeLessThanOrEqual(1280);
      expect(b.y + b.height).toBeLessThanOrEqual(720);
      // Tab meets the views, the key, then the toggle drawn over the stage's lower-right corner, then Play.
      expect(await tabsAfterHeader(p, 6)).toEqual(['view-canvas', 'sbs-canvas', 'key-toggle', 'sbs-both', 'sbs-other', 'play']);
      // Counts, at the start and after 8 h, equal to the engine's in Node.
      await hasText(p.locator('#sbs-count-0'), 'Primed: 0 of 60 lung fibroblasts');
      await hasText(p.locator('#sbs-count-1'), 'Primed: 0 of 60 Kupffer cells');
      await stepN(p, 480);
      await hasText(p.locator('#sbs-count-0'), `Primed: ${nodeCount('organ-address', 480, 0)} of 60 lung fibroblasts`);
      await hasText(p.locator('#sbs-count-1'), `Primed: ${nodeCount('organ-address', 480, 1)} of 60 Kupffer cells`);
      expect(nodeCount('organ-address', 480, 0)).toBeGreaterThan(10);
      // The keyboard on the liver view: arrows ring a liver cell, Enter opens its card beside it.
      await liver.focus();
      await p.keyboard.press('ArrowRight');
      await hasText(p.locator('#sbs-cell-focus-status'), /(Kupffer cell|hepatocyte).* #\d+/);
      const said = (await p.locator('#sbs-cell-focus-status').textContent()) ?? '';
      const id = /#(\d+)/.exec(said)![1];
      await p.keyboard.press('Enter');
      await hasText(p.locator('#inspect-card-title'), `#${id}`);
      await hasText(p.locator('#cell-report'), 'liver patch');
      const card = (await p.locator('#inspect-card').boundingBox())!;
      const stage = (await p.locator('#canvas-box').boundingBox())!;
      expect(card.x).toBeGreaterThanOrEqual(stage.x - 1);
      expect(card.x + card.width).toBeLessThanOrEqual(stage.x + stage.width + 1);
      await p.keyboard.press('Escape');
      await isHidden(p.locator('#inspect-card'));
      // The lung view keeps the page's own keyboard.
      await lung.focus();
      await p.keyboard.press('ArrowLeft');
      await hasText(p.locator('#cell-focus-status'), /lung fibroblast #\d+/);
      expect(await seriousViolations(p, true)).toEqual([]);
      // The primary tumour is one button away, and back.
      await p.getByRole('button', { name: 'Primary tumour' }).click();
      await isHidden(p.locator('#sbs-canvas'));
      expect(await p.getByRole('button', { name: 'Primary tumour' }).getAttribute('aria-pressed')).toBe('true');
      // Alone, one tissue beside the side column gets about twice a pane's area.
      const whole = (await p.locator('#view-canvas').boundingBox())!;
      expect(whole.width * whole.height).toBeGreaterThan(a.width * a.height * 1.5);
      await p.getByRole('button', { name: 'Lung patch and liver patch' }).click();
      await expect.poll(() => liver.isVisible()).toBe(true);
      // The Lab keeps one view and its tissue menu.
      await p.getByRole('button', { name: 'Lab', exact: true }).click();
      await isHidden(p.locator('#sbs-canvas'));
      expect(await p.getByLabel('Show tissue').isVisible()).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  it('block-release: without and with the drug side by side, stepping together, hashes equal to Node at the same tick', async () => {
    const id = 'block-release';
    await withApp(`?lesson=${id}`, async (p, errors) => {
      const withDrug = p.getByRole('img', { name: /With drug \(70 % less release\)/ });
      await expect.poll(() => withDrug.isVisible()).toBe(true);
      expect(await p.getByRole('heading', { name: 'Without the drug', exact: true }).isVisible()).toBe(true);
      expect(await p.getByRole('heading', { name: 'With drug (70 % less release)', exact: true }).isVisible()).toBe(true);
      await hasText(p.locator('#sbs-count-0'), 'Tumour: 40 cells');
      await hasText(p.locator('#sbs-count-1'), 'Tumour: 40 cells');
      // Tab meets the first view (the second is a picture of the other run), the key, then Play.
      expect(await tabsAfterHeader(p, 3)).toEqual(['view-canvas', 'key-toggle', 'play']);
      // Exact steps: the copy follows to the same tick, and both match Node.
      expect(await stepN(p, 150)).toBe(150);
      await expect.poll(() => twin(p).settled()).toBe(true);
      expect(await twin(p).tick()).toBe(150);
      expect(await hash(p)).toBe(nodeHash(id, '1', 150));
      expect(await twin(p).hash()).toBe(nodeHash(id, '1', 150, drugAt0(id)));
      // The Step button drives both.
      await p.getByRole('button', { name: /^Step/ }).click();
      await expect.poll(() => tick(p)).toBeGreaterThan(150);
      await expect.poll(() => twin(p).settled()).toBe(true);
      const t1 = await tick(p);
      expect(await twin(p).tick()).toBe(t1);
      expect(await twin(p).hash()).toBe(nodeHash(id, '1', t1, drugAt0(id)));
      // Play and Pause drive both: the copy stops at the session's tick.
      await p.getByRole('button', { name: 'Play' }).click();
      await expect.poll(() => tick(p), { timeout: 15_000 }).toBeGreaterThan(t1 + 400);
      await p.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(() => twin(p).settled()).toBe(true);
      const t2 = await tick(p);
      expect(await twin(p).tick()).toBe(t2);
      expect(await hash(p)).toBe(nodeHash(id, '1', t2));
      expect(await twin(p).hash()).toBe(nodeHash(id, '1', t2, drugAt0(id)));
      await hasText(p.locator('#sbs-count-0'), `Tumour: ${nodeCount(id, t2, 0)} cells`);
      await hasText(p.locator('#sbs-count-1'), `Tumour: ${nodeCount(id, t2, 1, drugAt0(id))} cells`);
      // The run in words names the second run too, with its count at the same hour.
      await hasText(p.locator('#run-description'), /With drug \(70 % less release\): tumour \d+ cells\./, 15_000);
      const words = (await p.locator('#run-description').textContent()) ?? '';
      const [, hour, n] = /^(\d+) h:.*With drug \(70 % less release\): tumour (\d+) cells\.$/.exec(words)!;
      expect(Number(n)).toBe(nodeCount(id, (Number(hour) * 3600) / lesson(id)!.dtSeconds, 1, drugAt0(id)));
      // A button pressed acts on both runs, at the same step.
      await p.getByRole('button', { name: 'Remove all T cells' }).click();
      await expect.poll(() => tick(p)).toBe(t2 + 1);
      await expect.poll(() => twin(p).settled()).toBe(true);
      const removed: TimedEvent = { kind: 'removeCells', type: 'cd8', tick: t2 };
      expect(await hash(p)).toBe(nodeHash(id, '1', t2 + 1, [removed]));
      expect(await twin(p).hash()).toBe(nodeHash(id, '1', t2 + 1, [...drugAt0(id), removed]));
      // Reset starts both again.
      await p.getByRole('button', { name: 'Reset' }).click();
      await expect.poll(() => tick(p)).toBe(0);
      await expect.poll(() => twin(p).settled()).toBe(true);
      expect(await twin(p).tick()).toBe(0);
      await stepN(p, 60);
      await expect.poll(() => twin(p).settled()).toBe(true);
      expect(await twin(p).hash()).toBe(nodeHash(id, '1', 60, drugAt0(id)));
      expect(await seriousViolations(p, true)).toEqual([]);
      // The Lab keeps one view (the copy rests).
      await p.getByRole('button', { name: 'Lab', exact: true }).click();
      await isHidden(p.locator('#sbs-canvas'));
      expect(errors).toEqual([]);
    });
  });

  it('block-release: a drug button changes the left run only; the right keeps its 70 %, and the left title names the button', async () => {
    const id = 'block-release';
    await withApp(`?lesson=${id}`, async (p, errors) => {
      const heading = (name: string) => p.getByRole('heading', { name, exact: true });
      await expect.poll(() => heading('Without the drug').isVisible()).toBe(true);
      expect(await stepN(p, 150)).toBe(150);
      const ninety = p.getByRole('button', { name: 'Release-blocking drug (90 %)' });
      await ninety.click();
      await expect.poll(() => ninety.isEnabled()).toBe(true);
      // The left run has the drug at 90 % now; the right one is still the lesson's "with drug (70 %)".
      await expect.poll(() => heading('With: Release-blocking drug (90 %)').isVisible()).toBe(true);
      expect(await heading('With drug (70 % less release)').isVisible()).toBe(true);
      expect(await stepN(p, 50)).toBe(200);
      await expect.poll(() => twin(p).settled()).toBe(true);
      expect(await twin(p).tick()).toBe(200);
      const drug90: TimedEvent = { kind: 'drug', cellType: 'tumour', inhibition: 0.9, tick: 150 };
      expect(await hash(p)).toBe(nodeHash(id, '1', 200, [drug90]));
      // Before, the copy got the 90 % too (and "Without the drug" stayed over a run with it).
      expect(nodeHash(id, '1', 200, [...drugAt0(id), drug90])).not.toBe(nodeHash(id, '1', 200, drugAt0(id)));
      expect(await twin(p).hash()).toBe(nodeHash(id, '1', 200, drugAt0(id)));
      // Off again: the left run is without the drug, and says so.
      await ninety.click();
      await expect.poll(() => heading('Without the drug').isVisible()).toBe(true);
      expect(await heading('With: Release-blocking drug (90 %)').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  });

  it('labels each pane once: its title, with no tissue name drawn on the canvases under it (one view in Lab draws its name)', async () => {
    for (const id of ['organ-address', 'block-release']) {
      const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
      try {
        const p = await context.newPage();
        const errors: string[] = [];
        recordErrors(p, errors);
        await recordCanvasTexts(p);
        await gotoApp(p, `${baseUrl()}?lesson=${id}`);
        await expect.poll(() => p.locator('#sbs-canvas').isVisible()).toBe(true);
        const names = Object.values(lesson(id)!.tissues).map((t) => t.name);
        // A few steps drawn in both views: each draws its scale bar's length, and no tissue's name.
        await canvasTexts(p, 'view-canvas');
        const drawn = { a: [] as string[], b: [] as string[] };
        await expect
          .poll(async () => {
            await stepN(p, 1);
            await p.waitForTimeout(100);
            // One read of the record for both canvases (each read forgets what it read).
            const both = await p.evaluate(() => (window as unknown as { canvasTexts: string[] }).canvasTexts.slice());
            drawn.a.push(...both.filter((e) => e.startsWith('view-canvas|')).map((e) => e.slice(12)));
            drawn.b.push(...both.filter((e) => e.startsWith('sbs-canvas|')).map((e) => e.slice(11)));
            await canvasTexts(p, '');
            return drawn.a.some((x) => /µm/.test(x)) && drawn.b.some((x) => /µm/.test(x));
          }, { message: id, timeout: 10_000 })
          .toBe(true);
        expect(drawn.a.filter((x) => names.includes(x)), id).toEqual([]);
        expect(drawn.b.filter((x) => names.includes(x)), id).toEqual([]);
        // In Lab one view shows, and it names its tissue again.
        await p.getByRole('button', { name: 'Lab', exact: true }).click();
        await expect
          .poll(async () => {
            await stepN(p, 1);
            return (await canvasTexts(p, 'view-canvas')).some((x) => names.includes(x));
          }, { message: `${id} in Lab`, timeout: 10_000 })
          .toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('photographs both lessons at 1366×768 (loaded), then 1920×1080, 1280×720 and 390×844 (resized), also with Large text: panes stack on a phone, fill the window’s width on a wide screen, nothing scrolls sideways, the band under them shows its controls whole', async () => {
    mkdirSync(SHOTS, { recursive: true });
    // One page per lesson walks the four sizes: each lesson is loaded at 1366×768 (the first in a
    // fresh context, the second in the same page with the stored settings cleared: Large text,
    // pressed below, is remembered in this browser), stepped once, then the window is resized
    // widest first (1920×1080, 1280×720, 390×844), as sizes.test.ts walks the two-view lessons.
    // Their panes are laid out again when the stage's height cap changes (sideBySideResize.test.ts),
    // so a walked page puts every part where a fresh load at that size does (checked to 0.1 px for
    // sizes.test.ts); a page narrowed from a wider window is the harder case.
    const ids = ['organ-address', 'block-release'];
    const walk = [LOADED_AT, ...SIZES.filter((v) => v !== LOADED_AT).sort((a, b) => b.width - a.width)];
    await withApp(
      `?lesson=${ids[0]}`,
      async (p, errors) => {
        for (const [k, id] of ids.entries()) {
          if (k > 0) {
            await p.evaluate(() => localStorage.clear());
            await p.setViewportSize(LOADED_AT);
            await openApp(p, `?lesson=${id}`);
          }
          await expect.poll(() => p.locator('#sbs-canvas').isVisible()).toBe(true);
          await stepN(p, 360);
          for (const viewport of walk) {
            if (viewport !== LOADED_AT) await resizeAndSettle(p, viewport);
            await photograph(p, errors, id, viewport);
          }
        }
      },
      { viewport: LOADED_AT },
    );
  });
});

/** The size each lesson's page is loaded at before it is walked to the others. */
const LOADED_AT = SIZES[2];

/** Photographs the lesson as it is now at `viewport` and checks its panes, its share and the band under them (also with Large text, on and off again). */
async function photograph(p: Page, errors: string[], id: string, viewport: { width: number; height: number }): Promise<void> {
  if (id === 'block-release') await expect.poll(() => twin(p).settled()).toBe(true);
  await settled(p);
  await p.waitForTimeout(300);
  await p.screenshot({ path: resolve(SHOTS, `sideBySide-${id}-${viewport.width}x${viewport.height}.png`) });
  const { a, b } = await paneBoxes(p);
  if (viewport.width < 600) expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  else expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
  for (const r of [a, b]) {
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(viewport.width);
  }
  expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  if (viewport.width >= 900) {
    const share = await stageShare(p, id);
    console.log(`${id} at ${viewport.width}×${viewport.height}: the tissue fills ${(100 * share).toFixed(1)} % of the window`);
    expect(share).toBeGreaterThanOrEqual(leastShare(id, viewport.width, viewport.height));
    // Each title is inside its pane's window column and clear of the other's.
    const heads = await Promise.all([0, 1].map(async (k) => (await p.locator(`#sbs-head-${k}`).boundingBox())!));
    expect(heads[0].x + heads[0].width).toBeLessThanOrEqual(b.x);
    expect(heads[1].x).toBeGreaterThanOrEqual(b.x);
    expect(heads[1].x + heads[1].width).toBeLessThanOrEqual(viewport.width);
    // The band under the views: run controls, prompt, interventions, chart pager, titles whole.
    expect(await notWhole(p, LEARN_PARTS), `${id} at ${viewport.width}×${viewport.height}`).toEqual([]);
    // With Large text the band grows (the views give it room) and still shows them whole.
    await p.getByRole('button', { name: 'Large text' }).click();
    await expect.poll(() => p.evaluate(() => document.documentElement.dataset.text)).toBe('large');
    await settled(p);
    await p.waitForTimeout(300);
    await p.screenshot({ path: resolve(SHOTS, `sideBySide-${id}-${viewport.width}x${viewport.height}-large.png`) });
    expect(await notWhole(p, LEARN_PARTS), `${id} at ${viewport.width}×${viewport.height}, Large text`).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // Normal text again for the next size of the walk.
    await p.getByRole('button', { name: 'Large text' }).click();
    await expect.poll(() => p.evaluate(() => document.documentElement.dataset.text)).not.toBe('large');
  }
  expect(errors, `${id} at ${viewport.width}×${viewport.height}`).toEqual([]);
}
