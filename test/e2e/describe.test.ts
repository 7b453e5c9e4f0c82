// Browser tests of the run told in words and the keyboard on the tissue: in Learn, playing past
// a simulated hour puts a sentence in the polite live region (and the caption), and a lesson's stop
// says the hour it stopped at; Tab to the tissue, an arrow key rings a cell without stepping the
// run, Enter opens that cell's card beside it with focus in it, Escape closes the card and a second
// Escape clears the ring.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withSharedApp, stepN, tick } from './fixture';
import { hasText } from './expectations';

const live = (p: Page) => p.locator('#run-description');
const focusedId = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');

async function tabToCanvas(p: Page): Promise<void> {
  for (let k = 0; k < 60 && (await focusedId(p)) !== 'view-canvas'; k++) await p.keyboard.press('Tab');
  expect(await focusedId(p)).toBe('view-canvas');
}

/**
 * The tests share one page: the first test opens it in a fresh context (a first visit), each next
 * test loads its own link in it (a fresh load, half the CPU of a fresh context). No test here
 * changes a stored setting.
 */
const inApp = withSharedApp();

describe('the run in words, and the keyboard on the tissue', () => {
  it('says a sentence in the live region after playing past 1 simulated hour', async () => {
    await inApp('?lesson=letters', async (p, errors) => {
      await expect.poll(() => p.evaluate(() => window.cellpost.ready())).toBe(true);
      expect(await live(p).getAttribute('aria-live')).toBe('polite');
      expect(await live(p).getAttribute('role')).toBe('status');
      expect(await live(p).textContent()).toBe('');
      await p.locator('#play').click();
      // Play for up to 15 s of wall time; on a slow machine finish the hour with exact steps.
      await expect.poll(() => tick(p), { timeout: 15_000 }).toBeGreaterThanOrEqual(360).catch(() => undefined);
      if ((await tick(p)) < 360) await stepN(p, 360 - (await tick(p)) + 1);
      await hasText(live(p), /^1 h: \d+ of 120 reader cells responding/);
      const said = await live(p).textContent();
      expect(said).not.toMatch(/NaN|undefined/);
      expect(said!.split(/\s+/).length).toBeLessThanOrEqual(25);
      expect(await p.locator('#run-caption').isVisible()).toBe(true);
      expect(await p.locator('#run-caption').textContent()).toBe(said);
      expect(errors).toEqual([]);
    });
  });

  it('says the hour a lesson stops at, though the hour before it was said a moment ago', async () => {
    await inApp('?lesson=letters', async (p, errors) => {
      await expect.poll(() => p.evaluate(() => window.cellpost.ready())).toBe(true);
      // letters stops at 2 h (tick 720): the 1 h sentence is said while stepping, then Play runs into
      // the stop within the few seconds a sentence is held back while playing.
      await stepN(p, 715);
      await hasText(live(p), /^1 h: /);
      await p.locator('#play').click();
      await expect.poll(() => tick(p), { timeout: 15_000 }).toBe(720);
      await hasText(live(p), /^2 h: \d+ of 120 reader cells responding/);
      expect(await p.locator('#run-caption').textContent()).toBe(await live(p).textContent());
      expect(errors).toEqual([]);
    });
  });

  it('Tab to the tissue, an arrow rings a cell, Enter opens its card with focus in it, Escape clears', async () => {
    await inApp('?lesson=letters', async (p, errors) => {
      await expect.poll(() => p.evaluate(() => window.cellpost.ready())).toBe(true);
      await stepN(p, 30);
      const t0 = await tick(p);
      await tabToCanvas(p);
      await p.keyboard.press('ArrowRight');
      await hasText(p.locator('#cell-focus-status'), /#\d+/);
      expect(await p.locator('.cell-focus').isVisible()).toBe(true);
      const first = await p.locator('#cell-focus-status').textContent();
      await p.keyboard.press('ArrowDown');
      await hasText(p.locator('#cell-focus-status'), /#\d+|No cell further down/);
      // On the tissue the arrows move between cells; they do not step the run.
      expect(await tick(p)).toBe(t0);
      expect(first).toMatch(/cell/);
      const ringed = ((await p.locator('#cell-focus-status').textContent()) ?? '').match(/#(\d+)/)?.[1] ?? first?.match(/#(\d+)/)?.[1];
      await p.keyboard.press('Enter');
      await hasText(p.locator('#cell-report h3'), new RegExp(`#${ringed}$`));
      await expect.poll(() => p.evaluate(() => document.activeElement?.closest('#inspect-card') !== null)).toBe(true);
      expect(await p.locator('#inspect-card').isVisible()).toBe(true);
      // Escape closes the card and returns to the tissue, where Escape clears the ring.
      await p.keyboard.press('Escape');
      await expect.poll(() => focusedId(p)).toBe('view-canvas');
      expect(await p.locator('#inspect-card').isVisible()).toBe(false);
      await p.keyboard.press('ArrowLeft');
      expect(await p.locator('.cell-focus').isVisible()).toBe(true);
      await p.keyboard.press('Escape');
      expect(await p.locator('.cell-focus').isVisible()).toBe(false);
      expect(errors).toEqual([]);
    });
  });
});
