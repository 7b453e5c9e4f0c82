// Browser tests of "How does the model work?": from a lesson's About dialog it lists the model's
// rules in plain words with the run's live numbers; in Lab mode a number that is a setting is a
// button to its field, and a changed setting shows in the text; axe finds nothing serious.
import { describe, expect, it } from 'vitest';
import { withSharedApp } from './fixture';
import { hasText } from './expectations';
import { seriousViolations } from './files';

/**
 * The tests share one page: the first test opens it in a fresh context (a first visit), each next
 * test loads its own link in it (a fresh load, half the CPU of a fresh context). No test here
 * changes a stored setting.
 */
const inApp = withSharedApp();

describe('the rules in plain words', () => {
  it('opens from About in Learn mode and lists every cell kind with its numbers', async () => {
    await inApp('?lesson=letters', async (p) => {
      await p.locator('#about-open').click();
      await p.getByRole('button', { name: 'How does the model work?' }).click();
      const dialog = p.getByRole('dialog', { name: 'How does the model work?' });
      await hasText(dialog, 'Releases 300 letter vesicles an hour per cell.');
      for (const kind of ['Sender cell', 'Reader cell (has the receptor)', 'Bystander cell (no receptor)', 'Vesicles', 'Tissue'])
        await expect.poll(() => dialog.getByRole('heading', { name: kind, exact: true }).count()).toBe(1);
      // Learn mode has no Settings panel: the numbers are plain text there.
      expect(await dialog.locator('button.rule-number').count()).toBe(0);
      expect(await seriousViolations(p, true)).toEqual([]);
      await p.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
    });
  });

  it('in Lab mode follows a changed setting and links its number to the field', async () => {
    await inApp('?lesson=letters&mode=lab', async (p) => {
      const field = p.locator('#settings input.num[data-path="cellTypes.sender.release.0.perHour"]');
      await field.fill('450');
      await field.press('Enter');
      await p.locator('#about-open').click();
      await p.getByRole('button', { name: 'How does the model work?' }).click();
      const dialog = p.getByRole('dialog', { name: 'How does the model work?' });
      await hasText(dialog, 'Releases 450 letter vesicles an hour per cell.');
      const number = dialog.locator('button.rule-number[data-path="cellTypes.sender.release.0.perHour"]');
      await number.click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    });
  });
});
