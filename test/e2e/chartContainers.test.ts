// The charts read their text size (getComputedStyle) as they draw. Inside a CSS size query
// container (container-type: size or inline-size) Chromium must lay the page out to answer that,
// which made a chart's first draw a long task on a slow laptop; so no chart has one above it.
// Checked in the real app, in a lesson with the side column (letters) and one with the strip's band
// (gut-messages), at a landscape and a phone size.
import { describe, expect, it } from 'vitest';
import { withApp } from './fixture';

/** For each chart SVG on the page, the ancestors that are size query containers ("tag.class: type"). */
const CONTAINERS_ABOVE_CHARTS = `(() => {
  const found = [];
  for (const svg of document.querySelectorAll('#charts svg')) {
    for (let e = svg.parentElement; e; e = e.parentElement) {
      const type = getComputedStyle(e).containerType;
      if (type && type !== 'normal') found.push(e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ': ' + type);
    }
  }
  return [...new Set(found)];
})()`;

describe('charts and size containers', () => {
  for (const [lesson, viewport] of [
    ['letters', { width: 1366, height: 768 }],
    ['gut-messages', { width: 390, height: 844 }],
  ] as const) {
    it(`no chart of ${lesson} at ${viewport.width}×${viewport.height} sits inside a size query container`, async () => {
      await withApp(
        `?lesson=${lesson}`,
        async (page, errors) => {
          // The charts are built after the first picture, one per task.
          await page.waitForFunction(() => document.querySelectorAll('#charts svg').length > 0, undefined, { timeout: 10_000 });
          expect(await page.evaluate(CONTAINERS_ABOVE_CHARTS)).toEqual([]);
          // The pager row is the query container instead (it still shrinks its buttons in a narrow column).
          expect(await page.evaluate(() => getComputedStyle(document.querySelector('.chart-pager')!).containerType)).toBe('inline-size');
          expect(errors).toEqual([]);
        },
        { viewport },
      );
    });
  }
});
