// The closing figures of the layout work, measured in the built app: at each window size from a
// phone to a projector, the Learn stage share (the drawn tissue's area over the window's) of every
// lesson and the smallest text on the page (canvas text included). Prints the table and saves it
// to test-results/sizes.json; asserts only what the sizes promise everywhere (no sideways scroll).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lessonIds } from '../../lessons/index';
import { gotoApp } from './browser';
import { baseUrl } from './fixture';
import { canvasFontSizes, overflowX, recordCanvasFonts, smallestText, stageShare } from './measure';

const SIZES = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

interface Row {
  size: string;
  /** Stage share by lesson, in %. */
  share: Record<string, number>;
  /** The smallest text over all lessons, in px, and where it was. */
  font: number;
  fontWhere: string;
}

let browser: Browser;
const rows: Row[] = [];

beforeAll(async () => {
  browser = await chromium.connectOverCDP(inject('chromiumEndpoint'));
});

afterAll(async () => {
  await browser?.close();
  if (rows.length === 0) return;
  mkdirSync(resolve(process.cwd(), 'test-results'), { recursive: true });
  writeFileSync(resolve(process.cwd(), 'test-results', 'sizes.json'), JSON.stringify(rows, null, 2));
  const pct = (x: number) => `${x.toFixed(1)} %`;
  const lines = ['| window | Learn stage share, lowest (lesson) | highest | smallest text (where) |', '|---|---|---|---|'];
  for (const r of rows) {
    const e = Object.entries(r.share).sort((a, b) => a[1] - b[1]);
    lines.push(`| ${r.size} | ${pct(e[0][1])} (${e[0][0]}) | ${pct(e[e.length - 1][1])} | ${r.font} px (${r.fontWhere}) |`);
  }
  console.log(`\nLearn mode, measured in the built app:\n${lines.join('\n')}\n`);
});

describe('the Learn screen at each size', () => {
  for (const size of SIZES) {
    it(`measures every lesson at ${size.width}×${size.height}`, async () => {
      const row: Row = { size: `${size.width}×${size.height}`, share: {}, font: Infinity, fontWhere: '' };
      const context = await browser.newContext({ viewport: size });
      try {
        const page = await context.newPage();
        await recordCanvasFonts(page);
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        for (const id of lessonIds()) {
          await gotoApp(page, `${baseUrl()}?lesson=${id}`);
          await page.evaluate(() => window.cellpost.stepN(120));
          row.share[id] = Math.round(1000 * (await stageShare(page, id))) / 10;
          const dom = await smallestText(page);
          const canvas = Math.min(...(await canvasFontSizes(page)));
          if (dom.min < row.font) [row.font, row.fontWhere] = [dom.min, `${id}: ${dom.where}`];
          if (canvas < row.font) [row.font, row.fontWhere] = [canvas, `${id}: canvas`];
          expect(await overflowX(page), `${id} at ${row.size}`).toBeLessThanOrEqual(0);
        }
        expect(errors).toEqual([]);
        rows.push(row);
      } finally {
        await context.close();
      }
    });
  }
});
