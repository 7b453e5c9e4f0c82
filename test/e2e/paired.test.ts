// Browser tests of paired "what-if" runs: the compare dialog runs two copies with the same seed
// in two workers, in lockstep, one with an intervention or a setting changed, and each copy's
// state hash equals the engine in Node run with the same seed without and with that change.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lesson, lessonIds } from '../../lessons/index';
import { withSharedApp } from './fixture';
import { nodeHash } from './engine';
import { hasText } from './expectations';
import { seriousViolations } from './files';

/** The compare dialog's test hook (window.cellpostPaired, the app's PairedHook), read from the test's side. */
const paired = (p: Page) => ({
  ready: () => p.evaluate(() => window.cellpostPaired!.ready()),
  stepN: (n: number) => p.evaluate((k) => window.cellpostPaired!.stepN(k), n),
  hashes: () => p.evaluate(() => window.cellpostPaired!.hashes()),
});

/**
 * The tests share one page: the first test opens it in a fresh context (a first visit), each next
 * test loads its own link in it (a fresh load, half the CPU of a fresh context). No test here
 * changes a stored setting.
 */
const inApp = withSharedApp();

describe('paired runs', () => {
  // block-release declares its comparison (lesson.paired); without that lesson, an intervention of immune-suppression.
  const declared = lessonIds().includes('block-release') ? lesson('block-release')!.lesson?.paired : undefined;
  const id = declared ? 'block-release' : 'immune-suppression';
  const events = declared?.events ?? [{ kind: 'drug', cellType: 'tumour', inhibition: 0.7 }];
  const label = declared?.label ?? 'Release-blocking drug (70 %)';

  it(`compares ${id} with and without ${label}: two views, one chart with the difference, hashes equal to Node runs`, async () => {
    await inApp(`?lesson=${id}&mode=lab`, async (p, errors) => {
      if (declared) await p.locator('#compare-declared').click();
      else {
        await p.getByRole('button', { name: 'Compare with a change…' }).click();
        await p.getByLabel('Change', { exact: true }).selectOption({ label });
      }
      await p.getByRole('button', { name: 'Start comparison' }).click();
      await expect.poll(() => paired(p).ready()).toBe(true);
      await hasText(p.locator('#compare-head-b'), label.replace(/^with\b/i, 'With'));
      if (declared?.metric) expect(await p.getByLabel('Chart', { exact: true }).inputValue()).toBe(declared.metric);
      expect(await paired(p).stepN(150)).toBe(150);
      await hasText(p.locator('#compare-clock'), '25 min');
      const at = Math.round(((declared?.atHours ?? 0) * 3600) / lesson(id)!.dtSeconds);
      const [a, b] = await paired(p).hashes();
      expect(a).toBe(nodeHash(id, '1', 150));
      expect(b).toBe(nodeHash(id, '1', 150, events.map((e) => ({ ...e, tick: at }))));
      expect(a).not.toBe(b);
      // Both tissue views and a chart of both runs and their difference.
      expect(await p.locator('.cp-paired .cp-canvas canvas').count()).toBe(2);
      await hasText(p.locator('.cp-paired .cp-chart .cpv-keys'), 'difference (with − without)');
      await hasText(p.locator('#compare-latest'), 'difference');
      expect(await seriousViolations(p)).toEqual([]);
      // Play keeps them in step; the main run never moved.
      await p.locator('#compare-play').click();
      await p.waitForTimeout(800);
      await p.locator('#compare-play').click();
      const [a2, b2] = await paired(p).hashes();
      expect(a2).not.toBe(a);
      expect(b2).not.toBe(b);
      expect(await p.evaluate(() => window.cellpost.tick())).toBe(0);
      await p.getByRole('button', { name: 'Close compare two runs' }).click();
      await expect.poll(() => paired(p).ready()).toBe(false);
      expect(errors).toEqual([]);
    });
  });

  it('compares a setting changed at 1 h, and from now: the copies match until the change and each matches Node', async () => {
    await inApp('?lesson=letters&mode=lab', async (p, errors) => {
      await p.getByRole('button', { name: 'Compare with a change…' }).click();
      await p.getByLabel('Change', { exact: true }).selectOption({ label: 'A setting…' });
      await p.getByLabel('Setting', { exact: true }).selectOption('tissues.tissue.diffusion');
      await p.getByLabel('New value').fill('2');
      await p.getByLabel('at (h)').fill('1');
      await p.getByRole('button', { name: 'Start comparison' }).click();
      await expect.poll(() => paired(p).ready()).toBe(true);
      await paired(p).stepN(360);
      const [a1, b1] = await paired(p).hashes();
      expect(a1).toBe(b1);
      expect(a1).toBe(nodeHash('letters', '1', 360));
      await paired(p).stepN(60);
      const [a, b] = await paired(p).hashes();
      expect(a).toBe(nodeHash('letters', '1', 420));
      expect(b).toBe(nodeHash('letters', '1', 420, [{ kind: 'set', path: 'tissues.tissue.diffusion', value: 2, tick: 360 }]));
      expect(a).not.toBe(b);
      // A value out of range is refused in words.
      await p.getByLabel('New value').fill('900');
      await p.getByRole('button', { name: 'Start comparison' }).click();
      await hasText(p.locator('.cp-paired [role="alert"]'), 'between 0 and 50');
      // From now: both copies start from the run at step 120, the change applies there.
      await p.getByRole('button', { name: 'Close compare two runs' }).click();
      await p.evaluate(() => window.cellpost.stepN(120));
      await p.getByRole('button', { name: 'Compare with a change…' }).click();
      await p.getByLabel('Change', { exact: true }).selectOption({ label: 'A setting…' });
      await p.getByLabel('Setting', { exact: true }).selectOption('tissues.tissue.diffusion');
      await p.getByLabel('New value').fill('2');
      await p.getByLabel('from now (copies of this run)').check();
      await p.getByRole('button', { name: 'Start comparison' }).click();
      await expect.poll(() => paired(p).ready()).toBe(true);
      expect(await paired(p).stepN(60)).toBe(180);
      const [c, d] = await paired(p).hashes();
      expect(c).toBe(nodeHash('letters', '1', 180));
      expect(d).toBe(nodeHash('letters', '1', 180, [{ kind: 'set', path: 'tissues.tissue.diffusion', value: 2, tick: 120 }]));
      expect(errors).toEqual([]);
    });
  });
});
