// The first seconds after a run's first picture: the work put off until then comes in short tasks.
// A MutationObserver hears every task's changes to the page in one batch (its records are handed
// over at the end of the task that made them), so it tells which parts arrived together without
// timing anything, and holds on a busy machine: the charts' page boxes and the shown chart are
// made in tasks of their own, and a chart's first drawing puts its axes and its lines on the page
// in two tasks (on main at 24752a7 each pair came in one task: 30–70 ms of CPU at 4×); and a
// lesson's inline cohort page (autoimmune-signature) is filled in a task after the pages' boxes (on
// main at 56a6de6 it came with them: its first words parsed the page's first plural message there).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { recordErrors, watchPolicy } from './browser';
import { baseUrl, sharedBrowser } from './fixture';
import { settled } from './viewport';

const browser = sharedBrowser();

/** What one batch of changes (one task's) added to the page. */
interface Batch {
  /** ms after navigation */
  at: number;
  /** chart pages (`.chart-box`) added */
  boxes: number;
  /** charts (`.cpv-chart`) added */
  charts: number;
  /** axis ticks added, by chart (its index among the page's charts) */
  ticks: number[];
  /** line paths added, by chart */
  lines: number[];
  /** inline cohort contents (its status line) added */
  extras: number;
}

/** Records each batch of added elements from the first script on (window.__batches). */
const RECORD_BATCHES = `(() => {
  const batches = (window.__batches = []);
  const chartIndex = (n) => Array.prototype.indexOf.call(document.querySelectorAll('.cpv-chart'), n.closest('.cpv-chart'));
  new MutationObserver((records) => {
    const batch = { at: performance.now(), boxes: 0, charts: 0, ticks: [], lines: [], extras: 0 };
    for (const r of records)
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        if (n.matches('.chart-box')) batch.boxes++;
        if (n.matches('.ic-status') || n.querySelector('.ic-status')) batch.extras++;
        if (n.matches('.cpv-chart') || n.querySelector('.cpv-chart')) batch.charts++;
        if (n.matches('g.tick')) batch.ticks.push(chartIndex(n));
        if (n.matches('path') && n.parentElement?.getAttribute('stroke-linejoin') === 'round') batch.lines.push(chartIndex(n));
      }
    batches.push(batch);
  }).observe(document, { childList: true, subtree: true });
})();`;

/** Loads `lesson` at 1280×720 with the batches recorded, lets it settle after its first picture and returns them with the picture's time. */
async function batchesOf(lesson: string): Promise<{ picture: number; batches: Batch[] }> {
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  try {
    const p: Page = await context.newPage();
    recordErrors(p, errors);
    await watchPolicy(p);
    await p.addInitScript(RECORD_BATCHES);
    await p.goto(`${baseUrl()}?lesson=${lesson}`);
    await expect.poll(() => p.evaluate(() => window.cellpost?.ready() ?? false), { timeout: 30_000 }).toBe(true);
    // The charts are drawn once built and measured: wait for the shown one's lines, then for the page to settle.
    // (A lesson whose first page is its inline cohort shows the cohort's status line instead.)
    await expect.poll(() => p.locator('#charts .chart-box:not([hidden]) :is(.cpv-chart path, .ic-status)').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await settled(p);
    const picture = await p.evaluate(() => performance.getEntriesByName('cellpost:first-picture')[0]?.startTime ?? -1);
    const batches = await p.evaluate(() => (window as unknown as { __batches: Batch[] }).__batches);
    expect(errors).toEqual([]);
    return { picture, batches };
  } finally {
    await context.close();
  }
}

describe('the first seconds after the first picture', () => {
  it('autoimmune-signature: the inline cohort page is filled in a task after the chart pages are made', async () => {
    const { picture, batches } = await batchesOf('autoimmune-signature');
    const after = batches.filter((b) => b.at >= picture);
    expect(after.filter((b) => b.boxes > 0).length, 'a batch that made the chart pages').toBeGreaterThan(0);
    expect(after.filter((b) => b.extras > 0).length, 'a batch that filled the cohort page').toBeGreaterThan(0);
    const together = after.filter((b) => b.boxes > 0 && b.extras > 0).map((b) => `${Math.round(b.at - picture)} ms after the first picture`);
    expect(together, 'the chart pages and the cohort page filled in one task').toEqual([]);
  }, 90_000);
  for (const lesson of ['organ-address', 'block-release']) {
    it(`${lesson}: the chart pages, the shown chart, and a chart's axes and lines each come in a task of their own`, async () => {
      const { picture, batches } = await batchesOf(lesson);
      expect(picture).toBeGreaterThan(0);
      const after = batches.filter((b) => b.at >= picture);
      expect(after.filter((b) => b.boxes > 0).length, 'a batch that made the chart pages').toBeGreaterThan(0);
      expect(after.filter((b) => b.lines.length > 0).length, 'a batch that drew a chart line').toBeGreaterThan(0);
      const together: string[] = [];
      for (const b of after) {
        const when = `${Math.round(b.at - picture)} ms after the first picture`;
        if (b.boxes > 0 && b.charts > 0) together.push(`the chart pages and a chart, ${when}`);
        if (b.lines.some((c) => b.ticks.includes(c))) together.push(`a chart's first axes and lines, ${when}`);
      }
      expect(together, 'made in one task').toEqual([]);
    }, 90_000);
  }
});
