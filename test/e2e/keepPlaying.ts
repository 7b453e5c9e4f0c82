// Keeps a lesson playing in a browser test or bench: lessons stop at their prompts, so Play is
// pressed again whenever the run is paused. Shared by the browser tests and bench/*.ts.
import type { Page } from 'playwright-core';

/** Presses Play if the run is paused. */
export async function pressPlayIfPaused(p: Page): Promise<void> {
  await p.evaluate(() => {
    const b = document.querySelector<HTMLButtonElement>('#play');
    if (b && b.dataset.state !== 'playing') b.click();
  });
}

/** Lets the run play for `seconds` of wall time, pressing Play again every quarter second when paused. */
export async function playFor(p: Page, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await p.waitForTimeout(250);
    await pressPlayIfPaused(p);
  }
}
