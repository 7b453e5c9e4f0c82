// Walking one page through window sizes, and waiting for a page to settle: resizes the window and
// waits until the page has laid itself out again (the resize observers' answers, queued in a task,
// included), so a check made next sees the page as it settles at that size.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface Viewport {
  width: number;
  height: number;
}

/** Resizes the window and lets the page settle: two animation frames, then the fits queued in a task (side column, prompt card), then `settled`. */
export async function resizeAndSettle(p: Page, viewport: Viewport): Promise<void> {
  await p.setViewportSize(viewport);
  await p.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
  await settled(p);
}

/**
 * Waits until the page has caught up with its last change: no deferred job queued or waiting
 * (chart redraws, the side column's fit: `window.cellpost.pending()`, 0 on a screen with no
 * lesson) and the boxes of the stage, the side column, the prompt card and the chart shown
 * unchanged over two animation frames. A measure taken right after a step (the prompt card turns
 * to its next step, the interventions unfold, the charts redraw) can otherwise see the column
 * half laid out on a busy machine.
 */
export async function settled(p: Page, timeout = 10_000): Promise<void> {
  const still = () =>
    p.evaluate(
      () =>
        new Promise<boolean>((done) => {
          const pending = () => (window as unknown as { cellpost?: { pending?: () => number } }).cellpost?.pending?.() ?? 0;
          const boxes = () =>
            ['#canvas-box', '.side', '#prompt', '#charts .chart-box:not([hidden])']
              .map((sel) => {
                const e = document.querySelector(sel);
                if (!e) return '-';
                const r = e.getBoundingClientRect();
                return `${r.left},${r.top},${r.width},${r.height},${e.className}`;
              })
              .join('|');
          const before = boxes();
          if (pending() > 0) return done(false);
          requestAnimationFrame(() => requestAnimationFrame(() => done(pending() === 0 && boxes() === before)));
        }),
    );
  await expect.poll(still, { timeout, interval: 50, message: 'the page did not settle (deferred jobs or a moving layout)' }).toBe(true);
}

/**
 * Waits until the service worker has taken charge of the page (a first visit installs it and
 * precaches the app: ~94 files, ~2 MB, fetched and stored beside the page's own work). A loop that
 * loads lesson after lesson in one page calls this after its first load, so that the later loads
 * do not overlap the precache and the worker's taking charge (clientsClaim) mid-load: measured
 * with the CPU slowed 6× (load 22), the precache was still running through the second and third
 * loads of such a loop.
 */
export async function offlineReady(p: Page, timeout = 60_000): Promise<void> {
  await expect
    .poll(() => p.evaluate(() => navigator.serviceWorker.controller !== null), { timeout, interval: 100, message: 'the service worker did not take charge of the page' })
    .toBe(true);
}
