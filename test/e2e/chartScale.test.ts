// A chart that fills its box is drawn in CSS px at one to one. When its box changes size (a
// prompt's card arriving resizes the side column), the old drawing stays at its size until the
// chart measures and redraws in a task of its own; it is never scaled to the new box meanwhile —
// a scaled drawing set every text at a new size, a relayout of all of them and a font lookup
// through the browser process for each size not seen before (a long frame on a slow laptop).
import { describe, expect, it } from 'vitest';
import { withApp } from './fixture';

/** Shrinks the shown filled chart's box by 40 px and reads, in the same task, the scale of its first text. */
const SCALE_AFTER_SHRINK = `(() => {
  const fill = [...document.querySelectorAll('#charts .cpv-fill')].find((f) => f.offsetParent !== null && f.querySelector(':scope > svg text'));
  const text = fill.querySelector(':scope > svg text');
  const before = text.getScreenCTM();
  fill.style.height = (fill.getBoundingClientRect().height - 40) + 'px';
  const after = text.getScreenCTM();
  return { before: [before.a, before.d], after: [after.a, after.d] };
})()`;

describe('a chart whose box changes size', () => {
  it('keeps its texts at their size until it redraws (letters, 1366×768)', async () => {
    await withApp(
      '?lesson=letters',
      async (page, errors) => {
        // The charts are built after the first picture, one per task, and draw at their observer's first report.
        await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('#charts .cpv-fill')).some((f) => f.offsetParent !== null && f.querySelector(':scope > svg text')), undefined, { timeout: 10_000 });
        const { before, after } = await page.evaluate<{ before: number[]; after: number[] }>(SCALE_AFTER_SHRINK);
        expect(before).toEqual([1, 1]);
        expect(after).toEqual([1, 1]);
        expect(errors).toEqual([]);
      },
      { viewport: { width: 1366, height: 768 } },
    );
  });
});
