// Browser tests of the "For teachers" screen: reached from home and from a lesson (Back returns to
// the run), a locked link built on it opens a page where hidden parts are hidden and locked ones
// cannot change the run, print media gives clean pages (screenshots and a PDF with a sane page
// count), and axe finds no serious or critical problems on its three views.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { baseUrl, hash, openScreen, sharedBrowser, stepN, withApp } from './fixture';
import { hasText, isHidden } from './expectations';
import { pdfPages, seriousViolations } from './files';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
const browser = sharedBrowser();

beforeAll(() => void mkdirSync(SHOTS, { recursive: true }));

/** A teacher page (no engine needed): ready once its view is drawn. */
const openTeacher = (query: string, errors: string[], viewport?: { width: number; height: number }): Promise<Page> => openScreen(browser(), query, '#t-view article', errors, viewport);

describe('the teacher page', () => {
  it('opens from the home screen and from a lesson; Back returns to the same run', async () => {
    await withApp('?lesson=nk-weapons', async (p, errors) => {
      await stepN(p, 30);
      const before = await hash(p);
      await p.locator('#teacher-open').click();
      await p.locator('#t-view article[data-lesson="nk-weapons"]').waitFor();
      expect(await p.evaluate(() => [document.documentElement.dataset.screen, location.search])).toEqual(['teacher', '?teacher=nk-weapons']);
      await hasText(p.locator('#t-view h2').first(), 'Immune vesicles as weapons');
      await p.goBack();
      await expect.poll(() => p.evaluate(() => document.documentElement.dataset.screen)).toBe('lesson');
      expect(await hash(p)).toBe(before);
      // Home → For teachers → a lesson's notes → its worksheet.
      await p.locator('#home-button').click();
      await p.locator('#home-teacher').click();
      await p.locator('#t-view article.t-notes').waitFor();
      await p.locator('#t-lesson').selectOption('gut-messages');
      await p.locator('#t-view article[data-lesson="gut-messages"]').waitFor();
      await p.locator('.t-tab[data-view="worksheet"]').click();
      await p.locator('#t-view article.w-sheet[data-lesson="gut-messages"]').waitFor();
      expect(await p.evaluate(() => location.search)).toBe('?teacher=gut-messages&view=worksheet');
      // The worksheet asks; it does not answer.
      const sheet = (await p.locator('#t-view').textContent()) ?? '';
      expect(sheet).toContain('How do bacteria report on gut health through the blood?');
      expect(sheet).not.toContain('Only a trickle gets through');
      expect(errors).toEqual([]);
    });
  });

  it('builds a locked link: the page it opens hides what it should and its locked parts cannot change the run', async () => {
    const errors: string[] = [];
    const t = await openTeacher('?teacher=letters&view=link', errors);
    let url = '';
    try {
      await t.locator('#tb-seed').fill('class 7B');
      await t.locator('#tb-mode-lab').check();
      await t.locator('input[data-path="tissues.tissue.diffusion"]').fill('2');
      for (const part of ['tools', 'timeline']) await t.locator(`#tb-hide-${part}`).check();
      await t.locator('#tb-hide-mode').uncheck();
      for (const part of ['seed', 'settings', 'interventions', 'mode']) await t.locator(`#tb-lock-${part}`).check();
      await expect.poll(() => t.locator('#tb-link').inputValue()).toContain('lock=seed%2Csettings%2Cinterventions%2Cmode');
      url = await t.locator('#tb-link').inputValue();
      expect(url).toContain('seed=class+7B');
      expect(url).toContain('set.tissues.tissue.diffusion=2');
      expect(url).toContain('hide=lesson%2Ctools%2Ctimeline');
      expect(url).toContain('mode=lab');
      expect(await t.locator('#tb-embed').inputValue()).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?lesson=letters&amp;seed=class\+7B/);
      expect(await t.locator('#tb-problems').textContent()).toBe('');
      // An out-of-range setting is named, not written.
      await t.locator('input[data-path="tissues.tissue.halfLifeHours"]').fill('99999');
      await hasText(t.locator('#tb-problems'), 'half-life');
      expect(errors).toEqual([]);
    } finally {
      await t.close();
    }
    const query = url.slice(baseUrl().length);
    // The same run, unlocked: what the locked page must match after its student tries to change things.
    let reference = '';
    await withApp('?lesson=letters&seed=class+7B&set.tissues.tissue.diffusion=2', async (p) => {
      await stepN(p, 60);
      reference = await hash(p);
    });
    await withApp(query, async (p, errs) => {
      await expect.poll(() => p.evaluate(() => document.documentElement.dataset.mode)).toBe('lab');
      for (const sel of ['#lesson-picker', '#teacher-open', '#home-button', '#tools', '#timeline']) await isHidden(p.locator(sel));
      // Locked parts are in view, every control in them disabled, with a note.
      await p.locator('#settings .locked-note').waitFor();
      await p.locator('#interventions .locked-note').waitFor();
      const seed = p.getByLabel('Seed', { exact: true });
      expect(await seed.inputValue()).toBe('class 7B');
      expect(await seed.isDisabled()).toBe(true);
      expect(await p.locator('#new-seed').isDisabled()).toBe(true);
      expect(await p.locator('#settings input').evaluateAll((els) => els.length > 0 && els.every((e) => (e as HTMLInputElement).disabled))).toBe(true);
      expect(await p.locator('#interventions button:not([aria-expanded])').evaluateAll((els) => els.length > 0 && els.every((e) => (e as HTMLButtonElement).disabled))).toBe(true);
      expect(await p.locator('#mode-learn').isDisabled()).toBe(true);
      // The fixed setting is the link's value.
      expect(await p.locator('#settings input[data-path="tissues.tissue.diffusion"]').inputValue()).toBe('2');
      // A student tries: clicks on the buttons (unfolding them first where a short window folds
      // them away while a prompt waits), the seed, the mode switch, the keyboard.
      const unfold = p.locator('.side-unfold');
      if ((await unfold.count()) > 0 && (await unfold.first().isVisible())) await unfold.first().click();
      await p.locator('#interventions button:not([aria-expanded])').first().click({ force: true });
      await p.locator('#mode-learn').click({ force: true });
      await seed.click({ force: true });
      await p.keyboard.type('9\n');
      await stepN(p, 60);
      expect(await hash(p)).toBe(reference);
      expect(await p.evaluate(() => document.documentElement.dataset.mode)).toBe('lab');
      // The address bar keeps the hidden and locked parts, so a copied link does the same.
      await expect.poll(() => p.evaluate(() => location.search)).toContain('lock=seed%2Csettings%2Cinterventions%2Cmode');
      expect(errs).toEqual([]);
    });
  });

  it('prints clean A4 pages: notes and worksheet screenshots, and PDFs with a sane page count', async () => {
    const errors: string[] = [];
    const p = await openTeacher('?teacher=letters', errors, { width: 794, height: 1123 });
    try {
      await p.emulateMedia({ media: 'print' });
      // No controls, header or menus on paper.
      for (const sel of ['header.top', '.t-bar', '#t-print', '.t-tabs']) expect(await p.locator(sel).isVisible(), sel).toBe(false);
      writeFileSync(resolve(SHOTS, 'teacher-notes-print.png'), await p.screenshot({ fullPage: true }));
      const notes = pdfPages(await p.pdf({ format: 'A4', printBackground: true }));
      expect(notes).toBeGreaterThanOrEqual(2);
      expect(notes).toBeLessThanOrEqual(5);

      await p.emulateMedia({ media: 'screen' });
      await p.locator('.t-tab[data-view="worksheet"]').click();
      await p.locator('#t-view article.w-sheet').waitFor();
      await p.emulateMedia({ media: 'print' });
      writeFileSync(resolve(SHOTS, 'teacher-worksheet-print.png'), await p.screenshot({ fullPage: true }));
      const sheet = pdfPages(await p.pdf({ format: 'A4', printBackground: true }));
      expect(sheet).toBeGreaterThanOrEqual(1);
      // Measured: two pages for this lesson, three for lessons with more sketches (docs/teaching.md).
      expect(sheet).toBeLessThanOrEqual(2);

      await p.emulateMedia({ media: 'screen' });
      await p.locator('.t-tab[data-view="all"]').click();
      await expect.poll(() => p.locator('#t-view article.t-notes').count()).toBe(9);
      await p.emulateMedia({ media: 'print' });
      // A page break before every lesson but the first: at least one page each.
      const all = pdfPages(await p.pdf({ format: 'A4', printBackground: true }));
      expect(all).toBeGreaterThanOrEqual(9);
      expect(all).toBeLessThanOrEqual(9 * 5);
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('passes an axe-core scan on the notes, the worksheet and the link builder', async () => {
    for (const view of ['', '&view=worksheet', '&view=link']) {
      const errors: string[] = [];
      const p = await openTeacher(`?teacher=liquid-biopsy${view}`, errors);
      try {
        expect(await seriousViolations(p, true), view || 'notes').toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await p.close();
      }
    }
  });
});
