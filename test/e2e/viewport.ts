// Walking one page through window sizes: resizes the window and waits until the page has laid
// itself out again (the resize observers' answers, queued in a task, included), so a check made
// next sees the page as it settles at that size.
import type { Page } from 'playwright-core';

export interface Viewport {
  width: number;
  height: number;
}

/** Resizes the window and lets the page settle: two animation frames, then the fits queued in a task (side column, prompt card) and 50 ms. */
export async function resizeAndSettle(p: Page, viewport: Viewport): Promise<void> {
  await p.setViewportSize(viewport);
  await p.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
}
