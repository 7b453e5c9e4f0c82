// The tissue canvas's backing store when its box changes size (viz/canvasBacking.ts): a smaller
// box keeps the store it has and shows its top-left part, so no new bitmap is made (nor a new
// image for the compositor); and what the screen shows is exactly what a canvas of the box's own
// size would show — the same pixels, not stretched, not blurred — at 1 and 2 device px per CSS px.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stepN, withApp } from './fixture';
import { resizeAndSettle } from './viewport';

interface Backing {
  /** The backing store, device px. */
  width: number;
  height: number;
  /** The box, CSS px. */
  boxW: number;
  boxH: number;
}

const backing = (p: Page): Promise<Backing> =>
  p.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('#view-canvas')!;
    return { width: c.width, height: c.height, boxW: c.clientWidth, boxH: c.clientHeight };
  });

/**
 * A screenshot of the tissue view with nothing over it, and one of a canvas of exactly the box's
 * size (client px × dpr, as the view measures it) holding the part of the view's pixels meant to be
 * shown, placed over the view in a box of the same size. Equal when the view shows that part as a
 * canvas of that size would.
 */
async function shownAndMeant(p: Page, dpr: number): Promise<[Buffer, Buffer]> {
  const view = p.locator('#view-canvas');
  await p.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('#view-canvas')!;
    for (const el of Array.from(c.parentElement!.children)) if (el !== c) (el as HTMLElement).style.visibility = 'hidden';
  });
  const shown = await view.screenshot({ animations: 'disabled' });
  await p.evaluate((d) => {
    const c = document.querySelector<HTMLCanvasElement>('#view-canvas')!;
    const copy = document.createElement('canvas');
    copy.id = 'meant';
    copy.width = Math.round(c.clientWidth * d);
    copy.height = Math.round(c.clientHeight * d);
    copy.getContext('2d')!.drawImage(c, 0, 0, copy.width, copy.height, 0, 0, copy.width, copy.height);
    const r = c.getBoundingClientRect();
    const cs = getComputedStyle(c);
    // In the view's place in its box (the view hidden): clipped as the view is, by the box's rounded corners.
    Object.assign(copy.style, { position: 'absolute', left: cs.left, top: cs.top, width: `${r.width}px`, height: `${r.height}px`, zIndex: '2147483647' });
    c.after(copy);
    c.style.visibility = 'hidden';
  }, dpr);
  const meant = await p.locator('#meant').screenshot({ animations: 'disabled' });
  await p.evaluate(() => {
    document.querySelector('#meant')?.remove();
    const c = document.querySelector<HTMLCanvasElement>('#view-canvas')!;
    for (const el of Array.from(c.parentElement!.children)) (el as HTMLElement).style.visibility = '';
  });
  return [shown, meant];
}

/**
 * Whether the view shows its picture as a canvas of its box would. The view may draw a new frame
 * between the two screenshots (the run's last frame arriving, an effect ending), so the pair is
 * taken again until it matches; a view that shows its store stretched or shifted never matches.
 */
const showsAsMeant = (p: Page, dpr: number): Promise<boolean> =>
  shownAndMeant(p, dpr).then(([shown, meant]) => shown.equals(meant));

describe('the tissue canvas when its box changes size', () => {
  for (const dpr of [1, 2]) {
    it(`keeps its backing store when the box gets smaller, and shows the picture 1:1 at every size (${dpr} device px per CSS px)`, async () => {
      await withApp(
        '?lesson=letters&quality=full',
        async (p, errors) => {
          await stepN(p, 60);
          await resizeAndSettle(p, { width: 1280, height: 720 });
          const large = await backing(p);
          expect(large.width).toBeGreaterThanOrEqual(Math.round(large.boxW * dpr));
          await expect.poll(() => showsAsMeant(p, dpr), { message: 'at 1280×720 the view shows its picture as a canvas of its box would', timeout: 15_000 }).toBe(true);

          // A shorter window: a smaller box, the same store; the part shown is the new box's.
          await resizeAndSettle(p, { width: 1280, height: 600 });
          await expect.poll(async () => (await backing(p)).boxH).toBeLessThan(large.boxH);
          await resizeAndSettle(p, { width: 1280, height: 600 });
          const small = await backing(p);
          expect([small.width, small.height], 'the store made for the larger box is kept').toEqual([large.width, large.height]);
          await expect.poll(() => showsAsMeant(p, dpr), { message: 'at 1280×600 the view shows the top-left part of its store, 1:1', timeout: 15_000 }).toBe(true);

          // Back to the larger window: the store still fits, and the whole box is drawn again.
          await resizeAndSettle(p, { width: 1280, height: 720 });
          await expect.poll(async () => (await backing(p)).boxH).toBe(large.boxH);
          await resizeAndSettle(p, { width: 1280, height: 720 });
          expect(await backing(p)).toEqual(large);
          await expect.poll(() => showsAsMeant(p, dpr), { message: 'back at 1280×720, the picture fills the box again', timeout: 15_000 }).toBe(true);
          expect(errors).toEqual([]);
        },
        { reducedMotion: 'reduce', deviceScaleFactor: dpr },
      );
    });
  }
});
