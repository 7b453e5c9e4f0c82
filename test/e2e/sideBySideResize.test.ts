// A two-view lesson resized to a size is laid out as a fresh load at that size: where the pane
// titles go (a band above the views or over their corners), the stage's height, both canvases,
// both titles and the prompt card under them. Before, the first answer stayed: block-release
// loaded at 1920×1080 and shrunk to 1366×768 kept its titles in bands where a fresh load put them
// over the views, and organ-address walked back up to 1920×1080 the other way round.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, sharedBrowser } from './fixture';
import { gotoApp, policyErrors, recordErrors, watchPolicy } from './browser';
import { resizeAndSettle, type Viewport } from './viewport';

const browser = sharedBrowser();

/** Where the two views' parts are (client px, to 0.1 px) and where the titles go. */
const geometry = (p: Page): Promise<string> =>
  p.evaluate(() => {
    const at = (s: string) => {
      const b = document.querySelector(s)?.getBoundingClientRect();
      return b ? [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 10) / 10).join(',') : 'none';
    };
    const stage = document.querySelector<HTMLElement>('.stage');
    const parts = ['#canvas-box', '#view-canvas', '#sbs-canvas', '#sbs-head-0', '#sbs-head-1', '#prompt'].map((s) => `${s} ${at(s)}`);
    return [`titles ${stage?.dataset.sbsTitles} ${stage?.dataset.sbsArrangement}`, ...parts].join('\n');
  });

/** The geometry once it has stopped changing (the prompt card's room settles after the first picture). */
async function settledGeometry(p: Page): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await geometry(p);
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 15_000, interval: 700 },
    )
    .toBe(true);
  return last;
}

/** A page of `lesson` loaded at `size` (a fresh context); `fn` runs on it. */
async function loaded(lesson: string, size: Viewport, fn: (p: Page) => Promise<void>): Promise<void> {
  const context = await browser().newContext({ viewport: size });
  const errors: string[] = [];
  try {
    const p = await context.newPage();
    recordErrors(p, errors);
    await watchPolicy(p);
    await gotoApp(p, `${baseUrl()}?lesson=${lesson}`);
    await expect.poll(() => p.locator('#sbs-canvas').isVisible()).toBe(true);
    await fn(p);
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
  expect(policyErrors(errors)).toEqual([]);
}

const cases: { lesson: string; walk: Viewport[] }[] = [
  { lesson: 'block-release', walk: [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }] },
  // Three quarters of the height, then a wide window: the cap grows back with the window.
  { lesson: 'organ-address', walk: [{ width: 1366, height: 768 }, { width: 1366, height: 576 }, { width: 1920, height: 1080 }] },
];

describe('two views resized', () => {
  for (const { lesson, walk } of cases) {
    const end = walk[walk.length - 1];
    it(`${lesson} walked ${walk.map((v) => `${v.width}×${v.height}`).join(' → ')} is laid out as a fresh load at ${end.width}×${end.height}`, async () => {
      let fresh = '';
      await loaded(lesson, end, async (p) => {
        fresh = await settledGeometry(p);
      });
      await loaded(lesson, walk[0], async (p) => {
        await settledGeometry(p);
        for (const size of walk.slice(1)) await resizeAndSettle(p, size);
        // Polled: the layout under the new cap comes in a task after the resize.
        await expect.poll(() => geometry(p), { timeout: 10_000, interval: 250 }).toBe(fresh);
        await p.screenshot({ path: `test-results/screenshots/resized-${lesson}-${end.width}x${end.height}.png` });
      });
      console.log(`${lesson} at ${end.width}×${end.height}, fresh and resized:\n${fresh}`);
    });
  }
});
