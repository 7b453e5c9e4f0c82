// The teacher page and class results in bokmål (?lang=nb): on the notes, the worksheet, the link
// builder and class results no heading, button, label, tab or table heading is left in English
// (any text of the English catalogues that bokmål words differently); the worksheet keeps its tick
// boxes and sketch axes and prints on few A4 pages; the builder's link carries lang=nb; a class
// link asks for the student number, and a locked panel says why, in bokmål; the header's
// "For teachers" link is in bokmål.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import coreEn from '../../src/i18n/catalogues/en.json';
import coreNb from '../../src/i18n/catalogues/nb.json';
import teacherEn from '../../src/i18n/catalogues/areas/teacher.en.json';
import teacherNb from '../../src/i18n/catalogues/areas/teacher.nb.json';
import classEn from '../../src/i18n/catalogues/areas/class.en.json';
import classNb from '../../src/i18n/catalogues/areas/class.nb.json';
import { baseUrl, openScreen, sharedBrowser, withApp } from './fixture';
import { pdfPages } from './files';
import { hasText } from './expectations';

const SHOTS = resolve(process.cwd(), 'test-results', 'screenshots');
/** What people read as names of things: headings, controls, their labels, tabs, table heads. */
const NAMED = 'h1, h2, h3, h4, h5, button, label, legend, th, caption, summary, dt, .t-tab, .t-kicker, .w-label strong, .cr-key-item, #cr-status';

const browser = sharedBrowser();

beforeAll(() => void mkdirSync(SHOTS, { recursive: true }));

/**
 * Each English message that bokmål words differently, as a whole-text pattern: parameters match
 * any text; messages with plural or select forms, and those that are mostly parameters, are left out.
 */
function englishPatterns(): RegExp[] {
  const pairs: [Record<string, string>, Record<string, string>][] = [
    [coreEn, coreNb],
    [teacherEn, teacherNb],
    [classEn, classNb],
  ];
  const out: RegExp[] = [];
  for (const [en, nb] of pairs)
    for (const [k, text] of Object.entries(en)) {
      if (nb[k] === text || /\{\w+,\s*(plural|select)/.test(text)) continue;
      const words = text.replace(/\{\w+\}/g, ' ').match(/\p{L}{2,}/gu) ?? [];
      if (words.length < 2 && !/^\p{Lu}\p{Ll}{2,}$/u.test(text)) continue;
      const body = text
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.+');
      out.push(new RegExp(`^${body}$`));
    }
  return out;
}
const ENGLISH = englishPatterns();

/** The texts of named things on the page that read as an English catalogue text. */
async function englishLeft(p: Page): Promise<string[]> {
  const texts = await p.locator(NAMED).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null || e.closest('details')).map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
  return texts.filter((x) => x !== '' && ENGLISH.some((re) => re.test(x)));
}

/** A teacher page in bokmål: ready once its view is drawn. */
const openNb = (query: string, errors: string[]): Promise<Page> => openScreen(browser(), `${query}&lang=nb`, '#t-view article', errors);

describe('the teacher page in bokmål', () => {
  it('the check finds English: the same page in English fails it', async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${baseUrl()}?teacher=letters&lang=en`);
      await page.locator('#t-view article').first().waitFor();
      expect(await englishLeft(page)).toEqual(expect.arrayContaining(['For teachers', 'Learning goals', 'Teacher notes']));
    } finally {
      await page.close();
    }
  });

  it('notes, worksheet and link builder show no English heading, button or label', async () => {
    const errors: string[] = [];
    const p = await openNb('?teacher=letters', errors);
    try {
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('nb');
      await hasText(p.locator('#teacher-h'), 'For lærere');
      await hasText(p.locator('#t-view h2').first(), 'Brev med adresse');
      await hasText(p.locator('#t-view'), 'Læringsmål');
      expect(await englishLeft(p), 'notes').toEqual([]);

      await p.locator('.t-tab[data-view="worksheet"]').click();
      await p.locator('#t-view article.w-sheet').waitFor();
      expect(await englishLeft(p), 'worksheet').toEqual([]);
      // Letters: three prompts with three choices each, one sketch prompt (the third).
      expect(await p.locator('.w-step').count()).toBe(3);
      expect(await p.locator('.w-step').evaluateAll((els) => els.map((e) => e.querySelectorAll('.w-choice').length))).toEqual([3, 3, 3]);
      expect(await p.locator('.w-step').evaluateAll((els) => els.map((e) => e.querySelectorAll('svg.w-axes').length))).toEqual([0, 0, 1]);
      await hasText(p.locator('.w-choice').first(), 'Lesere nær avsenderne');
      await hasText(p.locator('.w-sketch'), 'fra 4 t til 6 t');
      await p.emulateMedia({ media: 'print' });
      writeFileSync(resolve(SHOTS, 'teacher-worksheet-nb-print.png'), await p.screenshot({ fullPage: true }));
      const sheet = pdfPages(await p.pdf({ format: 'A4', printBackground: true }));
      expect(sheet).toBeGreaterThanOrEqual(1);
      expect(sheet).toBeLessThanOrEqual(2);
      await p.emulateMedia({ media: 'screen' });

      await p.locator('.t-tab[data-view="link"]').click();
      await p.locator('#t-view article.tb').waitFor();
      expect(await englishLeft(p), 'link builder').toEqual([]);
      // The language the students' page opens in: the teacher's own at first, written into the link.
      expect(await p.locator('#tb-lang-nb').isChecked()).toBe(true);
      await expect.poll(() => p.locator('#tb-link').inputValue()).toContain('lang=nb');
      expect(await p.locator('#tb-embed').inputValue()).toContain('lang=nb');
      await p.locator('#tb-lang-en').check();
      await expect.poll(() => p.locator('#tb-link').inputValue()).not.toContain('lang=');
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('class results show no English heading, button or message, and name the runs not counted in bokmål', async () => {
    const errors: string[] = [];
    const p = await openNb('?teacher=letters&view=class', errors);
    try {
      await p.locator('#cr-h').waitFor();
      expect(await englishLeft(p), 'empty').toEqual([]);
      const b = baseUrl();
      await p.locator('#cr-paste').fill(`${b}?lesson=letters&seed=1\n${b}?lesson=letters&seed=1\n${b}?lesson=nope&seed=2`);
      await p.locator('#cr-check').click();
      await hasText(p.locator('#cr-status'), '1 kjøring talt med, 2 ikke talt med.', 120_000);
      await hasText(p.locator('#cr-results h3').first(), 'Grupper (1)');
      await hasText(p.locator('.cr-interval'), /^én kjøring: /);
      await hasText(p.locator('#cr-rejected li[data-kind="duplicate"]'), 'et duplikat: samme leksjon, innstillinger, frø og hendelser som kjøring 1 (innlimt lenke 1)');
      await hasText(p.locator('#cr-counted caption'), 'Kjøringer talt med (1)');
      expect(await englishLeft(p), 'results').toEqual([]);
      writeFileSync(resolve(SHOTS, 'class-results-nb.png'), await p.screenshot({ fullPage: true }));
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('a class link asks for the student number, a locked panel says why, and the header links to the teacher page, all in bokmål', async () => {
    const p = await browser().newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    try {
      await p.goto(`${baseUrl()}?lesson=letters&class=12&lang=nb`);
      await p.locator('#student-number-dialog').waitFor();
      await hasText(p.locator('#student-number-h'), 'Klasse 12');
      await hasText(p.locator('#student-number-start'), 'Start kjøringen min');
      await hasText(p.locator('#student-number-skip'), 'Hopp over');
      await p.locator('#student-number').fill('0');
      await p.locator('#student-number-start').click();
      await hasText(p.locator('#student-number-error'), 'Et elevnummer er et helt tall fra 1 til 999.');
      await p.locator('#student-number').fill('3');
      await p.locator('#student-number-start').click();
      await hasText(p.locator('#teacher-open'), 'For lærere');
      expect(await p.locator('#teacher-open').getAttribute('title')).toBe('Lærernotater, arbeidsark og klasselenke for denne leksjonen');
      expect(errors).toEqual([]);
    } finally {
      await p.close();
    }
    await withApp('?lesson=letters&mode=lab&lock=settings&lang=nb', async (p, errors) => {
      await hasText(p.locator('#settings .locked-note'), 'Låst: lenken du åpnet, bestemmer disse, så de kan ikke endres.');
      expect(await p.locator('#settings input').first().getAttribute('title')).toBe('Låst av lenken læreren din delte');
      expect(errors).toEqual([]);
    });
  });
});
