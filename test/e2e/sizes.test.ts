// The Learn screen of each lesson at window sizes from a phone to a projector: no sideways scroll
// (every size); on landscape windows the interventions' heading row whole (heading and "What they
// do"); at 1280×720 the tissue as the stage (≥ 55 % of the window; two views as much as their shape
// allows) with the chart whole; at 1280×720 and 1366×768 the whole predict step of the first prompt
// in view. Prints the stage shares and smallest texts as a table (test-results/sizes.json). Every
// lesson is loaded fresh at the narrowest phone and at the two laptop windows; the lessons whose
// screens differ in shape are also measured at the other four sizes, on their pages from 1366×768
// walked there by resizing (CELLPOST_ALL_SIZES=1: every lesson at every size, the full table). The
// header's title whole at every size, with and without Large text (one page per lesson and
// language, walked through the sizes); with Large text at 1280×720 the tissue as the stage (≥ 55 %)
// beside the side column, the first prompt's question and choices whole, and the side column still
// once the run goes on.
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lesson, lessonIds } from '../../lessons/index';
import { gotoApp, recordErrors } from './browser';
import { baseUrl, sharedBrowser } from './fixture';
import { seriousViolations } from './files';
import { offlineReady, resizeAndSettle, settled } from './viewport';
import { canvasFontSizes, INTERVENTIONS_HEAD, leastShare, notWhole, overflowX, recordCanvasFonts, smallestText, stageShare } from './measure';

interface Size {
  width: number;
  height: number;
  /** Every lesson is loaded and measured at this size (else only SHAPES, walked to it by resizing). */
  all?: boolean;
  /** The stage-share and chart check (the reference laptop window). */
  stage?: boolean;
  /** The predict-step check. */
  predict?: boolean;
}

/**
 * The sizes in the order they are measured: every lesson loaded fresh at the narrowest phone and at
 * the two laptop windows; then the other four sizes, reached by resizing the pages of the walked
 * lessons kept open from 1366×768, widest first (a page narrowed from a wider window is the harder case: any
 * size left over from the wider window would show as sideways scroll or a cut).
 */
const SIZES: Size[] = [
  { width: 360, height: 740, all: true },
  { width: 1280, height: 720, all: true, stage: true, predict: true },
  { width: 1366, height: 768, all: true, predict: true },
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 390, height: 844 },
];
/** The size whose pages of the walked lessons are kept open for the sizes after it. */
const KEEP_FROM = SIZES[2];

/**
 * The lessons whose screen has its own shape, measured at every size: the gut's long strip (the
 * controls in a band under it), the two lessons with two views side by side, and the lesson with
 * the most interventions and charts (also the one the layout tests open in Lab and at every width).
 */
const SHAPES = ['gut-messages', 'organ-address', 'block-release', 'immune-suppression'];
const EVERY = process.env.CELLPOST_ALL_SIZES === '1';

interface Row {
  size: string;
  /** Stage share by lesson, in %. */
  share: Record<string, number>;
  /** The smallest text over the lessons measured, in px, and where it was. */
  font: number;
  fontWhere: string;
}

const browser = sharedBrowser();
const rows: Row[] = [];

afterAll(() => {
  if (rows.length === 0) return;
  mkdirSync(resolve(process.cwd(), 'test-results'), { recursive: true });
  writeFileSync(resolve(process.cwd(), 'test-results', 'sizes.json'), JSON.stringify(rows, null, 2));
  const pct = (x: number) => `${x.toFixed(1)} %`;
  const lines = ['| window | lessons | Learn stage share, lowest (lesson) | highest | smallest text (where) |', '|---|---|---|---|---|'];
  for (const r of [...rows].sort((a, b) => parseInt(a.size) - parseInt(b.size))) {
    const e = Object.entries(r.share).sort((a, b) => a[1] - b[1]);
    lines.push(`| ${r.size} | ${e.length} | ${pct(e[0][1])} (${e[0][0]}) | ${pct(e[e.length - 1][1])} | ${r.font} px (${r.fontWhere}) |`);
  }
  console.log(`\nLearn mode, measured in the built app:\n${lines.join('\n')}\n`);
});

/** Whether the first prompt's whole predict step is in view: question, every choice, sketch and Explain buttons. */
async function predictStepFits(p: Page, where: string): Promise<void> {
  await p.locator('#prompt .predict-choice').first().waitFor();
  const fit = await p.evaluate(() => {
    const card = document.querySelector<HTMLElement>('#prompt')!;
    const box = card.getBoundingClientRect();
    const parts = ['h2', '.predict', '.predict-choice', '.predict-sketch', '.prompt-reveal'].flatMap((sel) => Array.from(card.querySelectorAll<HTMLElement>(sel)));
    const outside = parts
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.top < Math.max(0, box.top) - 1 || r.bottom > Math.min(innerHeight, box.bottom) + 1 || r.left < 0 || r.right > innerWidth + 1)
      .map(({ e }) => `${e.className || e.tagName}: ${e.textContent?.slice(0, 30)}`);
    const strip = document.documentElement.dataset.stageShape === 'strip';
    return { outside, strip, scrolls: card.scrollHeight > card.clientHeight + 1, choices: card.querySelectorAll('.predict-choice').length };
  });
  expect(fit.choices, where).toBeGreaterThan(0);
  expect(fit.outside, where).toEqual([]);
  // Beside the stage the card needs no scrolling at all; in the band under a strip the status
  // line under the choices may sit below its edge (the card scrolls a line).
  if (!fit.strip) expect(fit.scrolls, where).toBe(false);
}

/** The tissue as the stage at 1280×720, and the chart shown whole, inside the window, not scrolling. */
async function stageAndChart(p: Page, id: string, share: number): Promise<void> {
  // Two views side by side: as much as the two tissues' shape allows (leastShare).
  expect(share, id).toBeGreaterThanOrEqual(leastShare(id, 1280, 720));
  // The gut's long strip takes the whole width, with the controls, prompt and chart in a band under it.
  if (id === 'gut-messages') expect(await seriousViolations(p, true), id).toEqual([]);
  const chart = await p.evaluate(() => {
    const box = Array.from(document.querySelectorAll<HTMLElement>('#charts .chart-box')).find((b) => !b.hidden)!;
    const r = box.getBoundingClientRect();
    // The side column, or (the gut's band) each of its panels but the prompt card: it holds the
    // question, the student's answer and the results, and gives way first (it scrolls inside itself).
    const scrolls = (e: Element) => e.scrollHeight > e.clientHeight + 1;
    // The column's panels sit in its inner box (.side-col), which scrolls when they are higher than the column.
    const side = document.querySelector('.side-col')!;
    const sideScrolls = getComputedStyle(side).display === 'contents' ? Array.from(side.children).some((c) => c.id !== 'prompt' && scrolls(c)) : scrolls(side);
    return { bottom: r.bottom, right: r.right, scrolls: box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1, sideScrolls };
  });
  expect(chart.bottom, id).toBeLessThanOrEqual(720);
  expect(chart.right, id).toBeLessThanOrEqual(1280);
  expect(chart.scrolls, id).toBe(false);
  expect(chart.sideScrolls, id).toBe(false);
}

/** A lesson's page kept open from KEEP_FROM for the sizes walked by resizing, with its errors. */
interface Kept {
  page: Page;
  errors: string[];
}
const kept = new Map<string, Kept>();
/**
 * One context for the Learn screen's sizes: its first page is the first visit (the service worker
 * installs and precaches the app once), every later page loads with the worker in charge, at its
 * own window size (set before its first load). The kept pages live in it too.
 */
let learnContext: BrowserContext | undefined;
afterAll(async () => {
  await learnContext?.close();
});

/** A page of the Learn context at `viewport`, before any load (the first visit waits for its service worker once it has loaded). */
async function learnPage(viewport: { width: number; height: number }): Promise<Page> {
  learnContext ??= await browser().newContext({ viewport });
  const page = await learnContext.newPage();
  await page.setViewportSize(viewport);
  return page;
}
/** True until the Learn context's first load has had its service worker take charge. */
let firstVisit = true;

/**
 * The lessons walked to the sizes that are not loaded for every lesson. The two-view lessons are
 * walked too: their panes are laid out again when the stage's height cap changes
 * (src/app/sideBySide/panes.ts, sideBySideResize.test.ts), and block-release and organ-address
 * walked from 1366×768 after 120 steps to 1920×1080, 1024×768, 768×1024 and 390×844 had the stage,
 * both canvases, both pane titles, the side column, prompt card, chart, header, Play and the
 * interventions where a fresh load at each size puts them, to 0.1 px (docs/testing.md).
 */
const walked = (): string[] => (EVERY ? lessonIds() : SHAPES);

/** A fresh page of the lesson at the size, after 120 steps, measured. */
async function loadLesson(page: Page, id: string, size: Size): Promise<void> {
  const where = `${id} at ${size.width}×${size.height}`;
  await gotoApp(page, `${baseUrl()}?lesson=${id}`);
  // The context's first visit: the next loads come once its service worker is in charge (its
  // precache then overlaps none of them).
  if (firstVisit) {
    await offlineReady(page);
    firstVisit = false;
  }
  // Before the first step: the first prompt waits for a prediction.
  if (size.predict) await predictStepFits(page, where);
  await page.evaluate(() => window.cellpost.stepN(120));
  // The run has stopped at its first prompt's next step: measured once the column has laid that out.
  await settled(page);
}

/** Every check of a size on a page as it is now (loaded at it, or resized to it), into the size's row. */
async function checkSize(page: Page, id: string, size: Size, row: Row, errors: string[]): Promise<void> {
  const where = `${id} at ${row.size}`;
  // Where the interventions sit beside or under the stage, their heading row is whole.
  if (size.width >= 900 && size.width > size.height) expect(await notWhole(page, INTERVENTIONS_HEAD), where).toEqual([]);
  const share = await stageShare(page, id);
  row.share[id] = Math.round(1000 * share) / 10;
  if (size.stage) await stageAndChart(page, id, share);
  const dom = await smallestText(page);
  const canvas = Math.min(...(await canvasFontSizes(page)));
  if (dom.min < row.font) [row.font, row.fontWhere] = [dom.min, `${id}: ${dom.where}`];
  if (canvas < row.font) [row.font, row.fontWhere] = [canvas, `${id}: canvas`];
  expect(await overflowX(page), where).toBeLessThanOrEqual(0);
  // The lesson's title in the header is never cut (two lines where one is too short).
  expect(await notWhole(page, '#lesson-title'), where).toEqual([]);
  expect(errors, where).toEqual([]);
}

describe('the Learn screen at each size', () => {
  for (const size of SIZES) {
    const ids = EVERY || size.all ? lessonIds() : SHAPES;
    const also = [size.predict && 'the whole predict step in view', size.stage && 'the tissue as the stage with the chart whole'].filter(Boolean);
    it(`${ids.length === lessonIds().length ? 'every lesson' : SHAPES.join(', ')} at ${size.width}×${size.height}: no sideways scroll${also.map((a) => `, ${a}`).join('')}`, async () => {
      const row: Row = { size: `${size.width}×${size.height}`, share: {}, font: Infinity, fontWhere: '' };
      const viewport = { width: size.width, height: size.height };
      const page = await learnPage(viewport);
      try {
        await recordCanvasFonts(page);
        const errors: string[] = [];
        recordErrors(page, errors);
        for (const id of ids) {
          const walk = kept.get(id);
          if (walk) {
            // Walked here from a larger window: the canvas fonts are those set since this resize.
            await walk.page.evaluate(() => void ((window as unknown as { canvasFonts: string[] }).canvasFonts.length = 0));
            await resizeAndSettle(walk.page, viewport);
            await checkSize(walk.page, id, size, row, walk.errors);
          } else if (size === KEEP_FROM && walked().includes(id)) {
            // Its own page, kept open for the sizes after this one.
            const own = { page: await learnPage(viewport), errors: [] as string[] };
            await recordCanvasFonts(own.page);
            recordErrors(own.page, own.errors);
            await loadLesson(own.page, id, size);
            await checkSize(own.page, id, size, row, own.errors);
            kept.set(id, own);
          } else {
            // Not walked (an earlier size, or its page from KEEP_FROM missing because that test failed): loaded fresh.
            await loadLesson(page, id, size);
            await checkSize(page, id, size, row, errors);
          }
        }
        rows.push(row);
      } finally {
        await page.close();
        // The last walked size: the kept pages are closed now, not after the file (an open page
        // redraws its view every animation frame, and costs CPU while the tests below run).
        if (size === SIZES[SIZES.length - 1]) {
          for (const { page: keptPage } of kept.values()) await keptPage.close();
          kept.clear();
        }
      }
    });
  }
});

/** The lessons with the longest titles, in English and bokmål (the header's hardest cases). */
const LONG_TITLES = ['autoimmune-signature', 'calm-inflammation'];

describe('Large text', () => {
  it('keeps the header\'s title whole from a phone to a projector, in English and bokmål', async () => {
    // The title is laid out by the stylesheet alone, so a page walked through the sizes by
    // resizing meets each size as a page loaded at it does; each lesson and language loads at a
    // different size of the walk (the narrowest and the widest among them) and walks the rest.
    const sizes = SIZES.concat({ width: 1280, height: 800 }).sort((a, b) => a.width - b.width || a.height - b.height);
    const walks = LONG_TITLES.flatMap((id) => ['en', 'nb'].map((lang) => ({ id, lang })));
    // One context for the four walks (one first visit; each link names its text size and language,
    // the two settings a visitor's storage keeps), a page of its own per walk, loaded at its first size.
    const context = await browser().newContext();
    try {
      for (const [k, { id, lang }] of walks.entries()) {
        // Start at the narrowest, the widest, then between; walk on from there, round the list.
        const first = [0, sizes.length - 1, 2, sizes.length - 3][k % 4];
        const order = sizes.slice(first).concat(sizes.slice(0, first));
        const page = await context.newPage();
        try {
          await page.setViewportSize({ width: order[0].width, height: order[0].height });
          const errors: string[] = [];
          recordErrors(page, errors);
          await gotoApp(page, `${baseUrl()}?lesson=${id}&text=large&lang=${lang}`);
          if (k === 0) await offlineReady(page);
          for (const [j, size] of order.entries()) {
            const where = `${id} (${lang}) at ${size.width}×${size.height}${j === 0 ? ' (loaded)' : ' (resized)'}`;
            if (j > 0) await resizeAndSettle(page, { width: size.width, height: size.height });
            expect(await notWhole(page, '#lesson-title'), where).toEqual([]);
            expect(await overflowX(page), where).toBeLessThanOrEqual(0);
          }
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      }
    } finally {
      await context.close();
    }
  });

  it('at 1280×720: the tissue as the stage beside the side column, the first prompt\'s question and choices whole, and the side column still once the run goes on', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      recordErrors(page, errors);
      for (const [k, id] of lessonIds().entries()) {
        await gotoApp(page, `${baseUrl()}?lesson=${id}&text=large`);
        // Each next lesson loads in a page at rest: the first visit's precache done and its
        // service worker in charge (offlineReady), the previous lesson's jobs run (settled below).
        if (k === 0) await offlineReady(page);
        await page.locator('#prompt .predict-choice').first().waitFor();
        // A lesson beside the side column keeps the tissue at ≥ 55 % of the window with Large text
        // (the band under a strip or two views with Large text is layout.test.ts's).
        if (lesson(id)?.lesson?.sideBySide === undefined && id !== 'gut-messages') {
          expect(await page.evaluate(() => document.documentElement.dataset.text), id).toBe('large');
          expect(await stageShare(page, id), id).toBeGreaterThanOrEqual(0.55);
        }
        // Where the card's question and choices are higher than the column, the column scrolls
        // (the chart under them gives way) but the card stays whole at its top.
        expect(await notWhole(page, '#prompt .prompt-head > *, #prompt .predict, #prompt .predict-choice'), id).toEqual([]);
        await page.locator('#prompt .predict-choice').first().click();
        await page.evaluate(() => window.cellpost.stepN(120));
        // The card gives way first (it scrolls inside itself); the column around it does not scroll.
        await expect.poll(() => page.evaluate(() => {
          const side = document.querySelector('.side-col')!;
          return getComputedStyle(side).display === 'contents' ? 0 : side.scrollHeight - side.clientHeight;
        }), { message: id, timeout: 10_000 }).toBeLessThanOrEqual(1);
        await settled(page);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
