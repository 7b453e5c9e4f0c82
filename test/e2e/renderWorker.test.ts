// The tissue view drawn in a render worker (`?render=worker`: workers/tissueRender.worker.ts on an
// OffscreenCanvas): it shows the same picture as the page's own drawing of the same frame, and the
// buffers of every frame it drew go back to the engine worker's pool (no store made per frame).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stepN, withApp } from './fixture';
import { settled } from './viewport';
import { playFor, pressPlayIfPaused } from './keepPlaying';

const LESSON = 'nk-weapons';
const canvasShot = (p: Page): Promise<Buffer> => p.locator('#view-canvas').screenshot({ animations: 'disabled' });

/** The canvas's picture once two shots in a row agree (the page has drawn what it will). */
async function steadyShot(p: Page): Promise<Buffer> {
  let last = await canvasShot(p);
  await expect
    .poll(
      async () => {
        const next = await canvasShot(p);
        const same = next.equals(last);
        last = next;
        return same;
      },
      { timeout: 20_000, interval: 250 },
    )
    .toBe(true);
  return last;
}

describe('the render worker', () => {
  it('draws the same picture of a frame as the page does', async () => {
    let onPage: Buffer | null = null;
    await withApp(
      `?lesson=${LESSON}&quality=full&render=page`,
      async (p) => {
        await stepN(p, 60);
        await settled(p);
        expect(await p.evaluate(() => window.cellpost.renderStats())).toBeNull();
        onPage = await steadyShot(p);
      },
      { reducedMotion: 'reduce' },
    );
    await withApp(
      `?lesson=${LESSON}&quality=full&render=worker`,
      async (p) => {
        await stepN(p, 60);
        await settled(p);
        // Drawn in the worker: it counts its own paints.
        await expect.poll(async () => (await p.evaluate(() => window.cellpost.renderStats()))?.paints ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
        // The worker paints in its own time: the picture must come to equal the page's.
        await expect.poll(async () => (await canvasShot(p)).equals(onPage!), { timeout: 20_000, interval: 250 }).toBe(true);
      },
      { reducedMotion: 'reduce' },
    );
  }, 120_000);

  it("hands every drawn frame's buffers back to the engine", async () => {
    await withApp(`?lesson=${LESSON}&render=worker`, async (p) => {
      // Played until the worker has taken a dozen frames (a busy machine draws fewer per second).
      await playFor(p, 2);
      await expect
        .poll(
          async () => {
            await pressPlayIfPaused(p);
            return (await p.evaluate(() => window.cellpost.renderStats()))?.frames ?? 0;
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBeGreaterThanOrEqual(12);
      const r = await p.evaluate(() => window.cellpost.renderStats());
      const made = await p.evaluate(() => window.cellpost.stats().buffersMade);
      console.log('render worker after play:', JSON.stringify({ ...r, buffersMade: made }));
      expect(r).not.toBeNull();
      expect(r!.frames).toBeGreaterThanOrEqual(12);
      // Each frame the worker replaced went back (the one on screen is still held).
      expect(r!.storesBack).toBeGreaterThanOrEqual(r!.frames - 1);
      // The pool reuses them: a store per frame would make one per frame.
      expect(made).toBeLessThan(Math.max(6, r!.frames / 2));
    });
  }, 180_000);
});
