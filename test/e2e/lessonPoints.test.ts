// Browser tests of two lessons' points on the default Learn screen: autoimmune-signature's small
// cohort runs in the sweep workers and shows, at the prompts that ask about them, each marker and
// the score with the same AUCs as the lab's cohort code gives in Node for the same seeds; and
// nk-weapons' injection shows where it arrives (rings and large dots; a still ring with reduced motion).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lesson } from '../../lessons/index';
import { evaluateCohort, prepareCohort, runCohortJob } from '../../src/lab';
import { INJECT_PULSE_MS, INJECT_STILL_MS } from '../../viz/injectMarks';
import { DEATH_MS, FLASH_MS } from '../../viz/effects';
import { vesicleTypeColour } from '../../viz/palette';
import { withSharedApp, stepN, withApp } from './fixture';
import { settled } from './viewport';
import { countColour, countColourAt } from './canvasColour';

const aucs = (p: Page) => p.locator('.ic-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.auc ?? ''));

/**
 * The tests share one page: the first test opens it in a fresh context (a first visit), each next
 * test loads its own link in it (a fresh load, half the CPU of a fresh context). No test here
 * changes a stored setting; the one that needs a context option (reduced motion) opens its own.
 */
const inApp = withSharedApp();

describe('each lesson’s point on the Learn screen', () => {
  it('autoimmune-signature: a small cohort, markers at 2 h and the score at 4 h, with the Node numbers', async () => {
    const s = lesson('autoimmune-signature')!;
    const inline = s.lesson!.cohort!.inline!;
    const prepared = prepareCohort(s, { size: inline.size, baseSeed: s.seed });
    const e = evaluateCohort({ runs: prepared.jobs.map((j) => runCohortJob(prepared, j)) });
    await inApp('?lesson=autoimmune-signature', async (p, errors) => {
      const name = `${2 * inline.size} people tested`;
      // The cohort runs in workers while the stage stays; the card is a page of the chart card.
      await expect.poll(() => p.locator('.ic-status').textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^${name}, each`));
      expect(await p.locator('#view-canvas').isVisible()).toBe(true);
      // Before the 2 h prompt nothing is shown: the card does not answer it early.
      expect(await aucs(p)).toEqual(['', '', '', '', '']);
      await stepN(p, Math.round((inline.markersAtHours * 3600) / s.dtSeconds));
      await expect.poll(() => p.getByRole('region', { name }).isVisible()).toBe(true);
      await expect.poll(() => aucs(p)).toEqual([...e.markers.map((m) => String(m.auc)), '']);
      await stepN(p, Math.round(((inline.scoreAtHours - inline.markersAtHours) * 3600) / s.dtSeconds));
      await expect.poll(() => aucs(p)).toEqual([...e.markers.map((m) => String(m.auc)), String(e.score.auc)]);
      const region = p.getByRole('region', { name });
      expect(await region.getByText(`AUC ${e.score.auc.toFixed(2)},`).isVisible()).toBe(true);
      expect(await region.getByText(/puts the patient higher \d+ times in 100/).isVisible()).toBe(true);
      // One strip per marker and one for the score, each a labelled picture of the people (each drawn
      // in a task of its own after the row's words).
      await expect.poll(() => region.getByRole('img').count()).toBe(5);
      expect(await region.getByRole('img').first().getAttribute('aria-label')).toMatch(/^T-cell vesicles \(CD3⁺\): healthy controls median .+, patients median .+; AUC 0\.\d\d\.$/);
      expect(errors).toEqual([]);
    });
  });


  const nk = lesson('nk-weapons')!;
  const nkColour = vesicleTypeColour(Object.keys(nk.vesicleTypes).indexOf('nkEV'));
  const toDose = Math.round((8 * 3600) / nk.dtSeconds);

  it('nk-weapons: an injection shows where it arrives — rings and large dots — then fades', async () => {
    await inApp('?lesson=nk-weapons', async (p, errors) => {
      await stepN(p, toDose);
      await p.waitForTimeout(300);
      const before = await countColour(p, nkColour);
      const inject = p.getByRole('button', { name: 'Inject NK vesicles at the tumour (10,000)' });
      await inject.click();
      // The button is off until the engine has the injection: the step is asked after that, as a
      // learner's would be.
      await expect.poll(() => inject.isEnabled()).toBe(true);
      await stepN(p, 1);
      // 500 dots drawn 4 px wide over the cells, and the rings: thousands of pixels more, for
      // INJECT_PULSE_MS from the frame that brings them. Read once right after the step, one CI run
      // saw 576 pixels against 164 before (the boost without the injected dots, or a picture not yet
      // drawn), so the picture is read until it shows them.
      let during = 0;
      await expect.poll(async () => (during = await countColour(p, nkColour)), { timeout: INJECT_PULSE_MS, interval: 50 }).toBeGreaterThan(before + 1500);
      await expect.poll(() => countColour(p, nkColour), { timeout: 8000 }).toBeLessThan(before + (during - before) / 3);
      expect(errors).toEqual([]);
    });
  });

  it('nk-weapons with reduced motion: one still ring that stays a while, no large dots', async () => {
    await withApp(
      '?lesson=nk-weapons',
      async (p, errors) => {
        await stepN(p, toDose);
        await settled(p);
        const before = await countColour(p, nkColour);
        const pressedAt = await p.evaluate(() => performance.now());
        const inject = p.getByRole('button', { name: 'Inject NK vesicles at the tumour (10,000)' });
        await inject.click();
        await expect.poll(() => inject.isEnabled()).toBe(true);
        await stepN(p, 1);
        const steppedAt = await p.evaluate(() => performance.now());
        // The first read is of the picture once it holds still: the page laid out after the step,
        // the injection's frame drawn, and the step's own still marks gone (with reduced motion an
        // uptake's ring and a dying cell's cross stay at full strength until they go, FLASH_MS and
        // DEATH_MS): two reads that far apart are the same. (Read 300 ms after the step it was at
        // times a drawing short of the one after it; two reads 150 ms apart once differed by 98
        // pixels in CI, an uptake ring that went between them and a later read.)
        const stillFor = Math.max(FLASH_MS, DEATH_MS) + 50;
        await settled(p);
        let first = await countColourAt(p, nkColour);
        await expect
          .poll(async () => {
            const next = await countColourAt(p, nkColour, first.t + stillFor);
            const same = next.n === first.n;
            first = next;
            return same;
          }, { message: 'the picture holds still after the injection' })
          .toBe(true);
        expect(first.n).toBeGreaterThan(before + 150);
        // Still there, unchanged, when a moving pulse would be over (INJECT_PULSE_MS after the step
        // that brought it), and read before its own time (INJECT_STILL_MS from its arrival, which
        // was after the press) can be up; gone after its time (the injected dots stay, small, as
        // ordinary dots).
        const later = await countColourAt(p, nkColour, Math.max(first.t + 150, steppedAt + INJECT_PULSE_MS + 100));
        expect(later.t - pressedAt, 'ms from the press to the second read (the page was too slow to read it in time)').toBeLessThan(INJECT_STILL_MS);
        expect(Math.abs(later.n - first.n)).toBeLessThan(50);
        await expect.poll(() => countColour(p, nkColour), { timeout: 8000 }).toBeLessThan(first.n - 150);
        expect(errors).toEqual([]);
      },
      { reducedMotion: 'reduce' },
    );
  });
});
