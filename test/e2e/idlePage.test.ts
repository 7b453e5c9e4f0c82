// A paused page draws nothing while nothing changes, and draws again at once when something does:
// with the run paused and nothing on screen moving, no canvas is drawn and no animation frame is
// asked for over 2 s; a pan, a zoom, a window resize, Large text, the Lab's "Vesicles as" setting
// and Play each draw the view at once (and the page goes quiet again after), and the picture after
// zooming back is the picture before zooming (nothing stale). Drawing calls and animation frames are
// counted by test/e2e/canvasCalls.ts from before the page's first script.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, sharedBrowser } from './fixture';
import { gotoApp, policyErrors, recordErrors, watchPolicy } from './browser';
import { canvasCalls, countCanvasCalls, type CanvasCalls } from './canvasCalls';
import { pressPlayIfPaused } from './keepPlaying';

const browser = sharedBrowser();

/** A fresh page of `query` whose canvas calls are counted; `fn` runs on it, then it closes. */
async function withCountedApp(query: string, fn: (p: Page, errors: string[]) => Promise<void>): Promise<void> {
  const context = await browser().newContext({ viewport: { width: 1366, height: 768 } });
  const errors: string[] = [];
  try {
    const p = await context.newPage();
    recordErrors(p, errors);
    await watchPolicy(p);
    await countCanvasCalls(p);
    await gotoApp(p, baseUrl() + query);
    await fn(p, errors);
  } finally {
    await context.close();
  }
  expect(policyErrors(errors)).toEqual([]);
}

/** Waits until no canvas call came for a second (the first picture's follow-up work, a second run's first frame, a zoom's easing). */
async function settle(p: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = (await canvasCalls(p)).draws;
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 15_000, interval: 1000 },
    )
    .toBe(true);
}

/** The canvas calls and animation frames during `ms` of doing nothing. */
async function idleFor(p: Page, ms: number): Promise<CanvasCalls> {
  const a = await canvasCalls(p);
  await p.waitForTimeout(ms);
  const b = await canvasCalls(p);
  const byCanvas = Object.fromEntries(Object.entries(b.byCanvas).map(([k, n]) => [k, n - (a.byCanvas[k] ?? 0)]).filter(([, n]) => n !== 0));
  return { draws: b.draws - a.draws, frames: b.frames - a.frames, byCanvas };
}

/** Settles, then checks that 2 s of a paused page draw nothing and ask for (almost) no animation frames. */
async function expectQuiet(p: Page, after: string): Promise<void> {
  await settle(p);
  const idle = await idleFor(p, 2000);
  console.log(`paused, idle 2 s after ${after}:`, JSON.stringify(idle));
  // A paused page that redrew every frame made 120+ animation-frame callbacks in 2 s; a one-off frame (a late layout's fit) is not a loop.
  expect(idle.draws, `canvas calls in 2 s after ${after}`).toBe(0);
  expect(idle.frames, `animation frames in 2 s after ${after}`).toBeLessThan(5);
}

/** Runs `act` and waits until a canvas is drawn ("at once": within 3 s, room for a frame on a busy machine; a page that does not redraw never draws). */
async function expectDrawsOn(p: Page, what: string, act: () => Promise<void>): Promise<void> {
  const before = (await canvasCalls(p)).draws;
  await act();
  await expect.poll(async () => (await canvasCalls(p)).draws, { message: `a canvas is drawn after ${what}`, timeout: 3000, interval: 50 }).toBeGreaterThan(before);
}

/**
 * The tissue view as it shows on screen (the canvas's backing store can be larger than the part
 * shown), as a digest; the picture is written to test-results/idle-NAME.png to look at.
 */
async function picture(p: Page, name: string): Promise<string> {
  const png = await p.locator('#view-canvas').screenshot({ path: `test-results/idle-${name}.png` });
  return createHash('sha256').update(png).digest('hex');
}

async function centre(p: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await p.locator(selector).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const playState = (p: Page) => p.evaluate(() => document.querySelector<HTMLButtonElement>('#play')!.dataset.state);

describe('a paused page', () => {
  it('draws nothing while idle, and at once on a zoom, a pan, a resize, Large text, a drawing setting and Play (letters)', async () => {
    await withCountedApp('?lesson=letters', async (p, errors) => {
      expect(await playState(p)).not.toBe('playing');
      // Focused first: the focus outline is part of what shows.
      await p.locator('#view-canvas').focus();
      await expectQuiet(p, 'the first picture');
      const start = await picture(p, 'start');

      const c = await centre(p, '#view-canvas');
      await expectDrawsOn(p, 'a zoom by keyboard', () => p.keyboard.press('+'));
      await expectQuiet(p, 'a zoom by keyboard');
      const zoomed = await picture(p, 'zoomed');
      expect(zoomed).not.toBe(start);

      await expectDrawsOn(p, 'a pan', async () => {
        await p.mouse.move(c.x, c.y);
        await p.mouse.down();
        await p.mouse.move(c.x + 60, c.y + 30, { steps: 4 });
        await p.mouse.up();
      });
      await expectQuiet(p, 'a pan');
      expect(await picture(p, 'panned')).not.toBe(zoomed);

      await expectDrawsOn(p, 'a wheel zoom', () => p.mouse.wheel(0, -200));
      await expectQuiet(p, 'a wheel zoom');

      // Back to the fitted view: exactly the first picture again, not the last one left on screen.
      await p.locator('#view-canvas').focus();
      await expectDrawsOn(p, 'a zoom back', () => p.keyboard.press('0'));
      await expectQuiet(p, 'a zoom back');
      expect(await picture(p, 'back')).toBe(start);

      await expectDrawsOn(p, 'a resize', () => p.setViewportSize({ width: 1280, height: 720 }));
      await expectQuiet(p, 'a resize');

      await expectDrawsOn(p, 'Large text', () => p.locator('#large-text').click());
      await expectQuiet(p, 'Large text');
      await p.locator('#large-text').click();
      await expectQuiet(p, 'Large text off');

      await p.locator('#mode-lab').click();
      await expectQuiet(p, 'the Lab shown');
      const vesiclesAs = p.locator('#view-bar select:has(option[value="density"])');
      await expectDrawsOn(p, 'a drawing setting (vesicles as density)', async () => {
        await vesiclesAs.selectOption('density');
      });
      await expectQuiet(p, 'a drawing setting');

      // Play draws at every animation frame; Pause goes quiet again.
      const framesBefore = (await canvasCalls(p)).frames;
      await expectDrawsOn(p, 'Play', () => pressPlayIfPaused(p));
      await p.waitForTimeout(500);
      expect((await canvasCalls(p)).frames - framesBefore, 'animation frames while playing').toBeGreaterThan(5);
      await p.locator('#play').click();
      await expect.poll(() => playState(p)).not.toBe('playing');
      await expectQuiet(p, 'Pause');
      expect(errors).toEqual([]);
    });
  });

  it('draws neither view of a two-view lesson while idle, and the second view at once on a pan or a resize (block-release)', async () => {
    await withCountedApp('?lesson=block-release', async (p, errors) => {
      // The second run's first frame comes after the first picture.
      await p.waitForFunction(() => window.cellpostTwin?.settled() && window.cellpostTwin.tick() >= 0, undefined, { timeout: 20_000, polling: 100 });
      await expectQuiet(p, 'the first picture');
      const c = await centre(p, '#sbs-canvas');
      await p.mouse.move(c.x, c.y);
      await expectDrawsOn(p, 'a zoom in the second view', () => p.mouse.wheel(0, -200));
      await expectQuiet(p, 'a zoom in the second view');
      await expectDrawsOn(p, 'a resize', () => p.setViewportSize({ width: 1920, height: 1080 }));
      await expectQuiet(p, 'a resize');
      expect(errors).toEqual([]);
    });
  });
});
