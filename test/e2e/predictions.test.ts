// Predictions in Chromium: a student commits an answer with one click (and changes it), it is
// locked once the run goes on and set beside what happened after the observe step; it survives
// Save run → Open run and a share link; a sketch is drawn with the keyboard; axe finds nothing
// serious; and the screenshots at three sizes are written for a person to look at.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRunFile } from '../../src/lab';
import { scratchDir } from '../cli/helpers';
import { hash, openApp, withSharedApp, stepN, tick, withApp } from './fixture';
import { seriousViolations } from './files';
import { hasText } from './expectations';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
let dir: string;

beforeAll(() => {
  dir = scratchDir();
  mkdirSync(SHOTS, { recursive: true });
});

const status = (p: Page) => p.locator('#prompt .predict-status');
const group = (p: Page) => p.getByRole('radiogroup', { name: 'Your prediction' });

/**
 * The tests share one page: the first test opens it in a fresh context (a first visit), each next
 * test loads its own link in it (a fresh load, half the CPU of a fresh context). A second page a
 * test needs beside it is a fresh context (withApp). No test here changes a stored setting.
 */
const inApp = withSharedApp();

describe('predictions in the Learn screen', () => {
  it('commits with one click, can change it before the run goes on, locks it after, and shows it beside what happened', async () => {
    await inApp('?lesson=letters', async (p) => {
      await hasText(p.locator('#prompt h2'), '1 of 3');
      await hasText(status(p), 'Commit your answer before you press Play.');
      await group(p).getByRole('radio', { name: 'Readers everywhere' }).click();
      await hasText(status(p), 'Your prediction is saved: Readers everywhere.');
      // A change of mind before Play.
      await group(p).getByRole('radio', { name: 'Readers and bystanders alike' }).click();
      await hasText(status(p), 'Your prediction is saved: Readers and bystanders alike.');
      await expect.poll(() => p.evaluate(() => location.search)).toContain('p=0_0_both');
      const before = await hash(p);

      // The run goes on: the answer is locked; at the next prompt it is set beside the run.
      await stepN(p, 720);
      await hasText(p.locator('#prompt h2'), '2 of 3');
      const result = p.locator('#prompt .predict-result').first();
      await hasText(result, 'You predicted: Readers and bystanders alike. The lesson’s test runs show: Readers near the senders.');
      // (A peak or a low far beyond both ends is named after the window: outcome.ts's turnWords.)
      await hasText(result, /This run: readers responding (rose from \d+ to \d+|stayed at about \d+) between 0 min and 2 h(, with a (peak|low) of .+ at .+)?\./);
      expect(before).not.toBe('');
      // The prediction never reached the engine: the hash is the one a run without it has.
      await withApp('?lesson=letters', async (q) => {
        await stepN(q, 720);
        expect(await hash(q)).toBe(await hash(p));
      });

      // Prompt 2: commit, then open the explanation: locked at once, with the answer shown.
      await group(p).getByRole('radio', { name: 'Hardly any' }).click();
      await p.getByRole('button', { name: 'Show the explanation' }).click();
      await hasText(status(p), 'Locked in: Hardly any.');
      expect(await group(p).getByRole('radio', { name: 'Some of them' }).isDisabled()).toBe(true);
      await hasText(p.locator('#prompt .predict-result.own'), 'You predicted: Hardly any. The lesson’s test runs agree.');
    });
  });

  it('survives Save run → Open run, and a share link', async () => {
    await inApp('?lesson=block-release', async (p) => {
      await group(p).getByRole('radio', { name: 'Shrink' }).click();
      await hasText(status(p), 'Your prediction is saved: Shrink.');
      await stepN(p, 360);
      await p.locator('#mode-lab').click();
      const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Save run' }).click()]);
      const file = join(dir, 'predicted.run.json');
      await download.saveAs(file);
      const parsed = parseRunFile(readFileSync(file, 'utf8'));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.value.predictions).toEqual([{ prompt: 0, atHours: 0, choice: 'shrink' }]);
      const link = await p.evaluate(() => location.search);
      expect(link).toContain('p=0_0_shrink');

      // Open run in a fresh page: the prediction is back, locked (the run passed the prompt).
      await withApp('?lesson=block-release&mode=lab', async (q) => {
        await q.locator('#open-run-file').setInputFiles(file);
        // The run is replayed to its end before it is verified: at load 30 a 10 s poll saw it at 39 min of 1 h.
        await hasText(q.locator('#banner-strip'), 'Verified', 60_000);
        await q.locator('#mode-learn').click();
        await hasText(status(q), 'Locked in: Shrink.');
        expect(await group(q).getByRole('radio', { name: 'Shrink' }).isChecked()).toBe(true);
      });

      // The link: the same answer, and the same run.
      await openApp(p, link.replace('mode=lab', 'mode=learn'));
      await hasText(p.locator('#prompt h2'), '1 of 3');
      expect(await group(p).getByRole('radio', { name: 'Shrink' }).isChecked()).toBe(true);
      await hasText(status(p), 'Shrink');
    });
  });

  it('refuses a hostile p parameter with a message and opens the lesson without it', async () => {
    await inApp('?lesson=letters&p=0_0_%3Cimg%20src%3Dx%3E', async (p) => {
      await hasText(p.locator('#banner-strip'), 'predictions');
      await hasText(p.locator('#banner-strip'), 'the run opens without them');
      await hasText(status(p), 'Commit your answer before you press Play.');
      expect(await p.locator('#prompt img').count()).toBe(0);
    });
  });

  it('takes a sketch from the keyboard, keeps it on the chart, and passes axe', async () => {
    await inApp('?lesson=block-release', async (p) => {
      await group(p).getByRole('radio', { name: 'Grow' }).click();
      await p.getByRole('button', { name: 'Sketch the curve on the chart' }).click();
      const first = p.getByRole('slider', { name: /Your sketch of tumour cells at 3 h/ });
      await expect.poll(() => first.evaluate((e) => e === document.activeElement)).toBe(true);
      for (let i = 0; i < 3; i++) await p.keyboard.press('ArrowUp');
      await p.keyboard.press('Tab');
      await p.keyboard.press('PageUp');
      expect(await tick(p)).toBe(0);
      await hasText(status(p), /Your prediction is saved: Grow, and a sketch of tumour cells ending at \d+/);
      await expect.poll(() => p.evaluate(() => location.search)).toMatch(/p=0_0_grow_0-3-6-9-12_40-\d+/);
      const now = Number(await first.getAttribute('aria-valuenow'));
      expect(now).toBeGreaterThan(40);
      expect(await seriousViolations(p, true)).toEqual([]);
      for (const [w, h] of [
        [390, 844],
        [1280, 720],
        [1920, 1080],
      ]) {
        await p.setViewportSize({ width: w, height: h });
        await p.waitForTimeout(400);
        await p.screenshot({ path: join(SHOTS, `predictions-sketch-${w}x${h}.png`) });
      }
      // The run goes on: the sketch stays drawn (no longer movable) against the real curve.
      await p.setViewportSize({ width: 1280, height: 720 });
      await stepN(p, 12 * 360);
      await hasText(p.locator('#prompt h2'), '2 of 3');
      // The sketch's handles go in the card's next task (the charts' sketches are synced after the card is built).
      await expect.poll(() => p.getByRole('slider', { name: /Your sketch/ }).count()).toBe(0);
      expect(await p.locator('.cpv-sketch path').first().getAttribute('d')).toMatch(/^M/);
      await hasText(p.locator('#prompt .predict-result').first(), /Your sketch ended at \d+; the run ended at \d+\./);
      await p.screenshot({ path: join(SHOTS, 'predictions-result-1280x720.png') });
      await p.setViewportSize({ width: 390, height: 844 });
      await p.waitForTimeout(400);
      await p.screenshot({ path: join(SHOTS, 'predictions-result-390x844.png'), fullPage: true });
    });
  });
});
