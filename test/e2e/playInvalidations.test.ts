// What the page writes while a lesson plays, and what Chromium lays out again for it: a text that
// changes (the clock, the run's state and lag notes, the caption and its live region, the charts'
// labels and hidden tables) goes into the text node already there, never a text node removed and
// a new one added; and no attribute is written with the value it already has (a chart redraw wrote
// every grid line, line style and label position again: Chromium lays out again every SVG shape
// whose geometry attribute is written, even with its own value). Read from a MutationObserver over
// the whole page and from Chromium's invalidation trace (test/e2e/layoutCauses.ts); it counts
// writes and layouts, it does not time them, so it holds on a busy machine.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withApp } from './fixture';
import { playFor } from './keepPlaying';
import { startTrace } from './trace';
import { LAYOUT_CAUSE_CATEGORIES, layoutsWithCauses, type CauseTraceEvent } from './layoutCauses';

const SECONDS = 4;

interface Writes {
  /** childList records that took one text node out of an element and put one in: `textContent =` over a text. */
  replacedTexts: string[];
  /** Attribute records whose value after the write is the value before it. */
  sameValueAttributes: string[];
  /** Every record, for scale. */
  records: number;
}

/** Starts a MutationObserver over the page that sorts the writes it sees (read back with `stopWatching`). */
const startWatching = (p: Page) =>
  p.evaluate(() => {
    const seen = { replacedTexts: [] as string[], sameValueAttributes: [] as string[], records: 0 };
    const name = (n: Node) => {
      const e = n instanceof Element ? n : n.parentElement;
      return e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.getAttribute('class') ? `.${e.getAttribute('class')!.split(' ')[0]}` : ''}` : '?';
    };
    const observer = new MutationObserver((records) => {
      // An attribute changed and put back in one task (the side column unfolded to measure it, then
      // folded again) shows as a record whose old value differs from the value now: only attributes
      // whose every record in the batch holds the value they have now were written for nothing.
      const changedThenBack = new Set<string>();
      for (const r of records) {
        if (r.type === 'attributes' && r.attributeName && r.target instanceof Element && r.oldValue !== r.target.getAttribute(r.attributeName)) changedThenBack.add(`${name(r.target)}[${r.attributeName}]`);
      }
      for (const r of records) {
        seen.records++;
        if (r.type === 'childList' && r.removedNodes.length === 1 && r.addedNodes.length === 1 && r.removedNodes[0] instanceof Text && r.addedNodes[0] instanceof Text) {
          seen.replacedTexts.push(name(r.target));
        }
        // The value now is the value before: the write changed nothing (read when the records arrive, after the task that wrote).
        if (r.type === 'attributes' && r.attributeName && r.target instanceof Element && r.oldValue === r.target.getAttribute(r.attributeName) && !changedThenBack.has(`${name(r.target)}[${r.attributeName}]`)) {
          seen.sameValueAttributes.push(`${name(r.target)}[${r.attributeName}]`);
        }
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true });
    (window as unknown as { __writes: { observer: MutationObserver; seen: typeof seen } }).__writes = { observer, seen };
  });

const stopWatching = (p: Page): Promise<Writes> =>
  p.evaluate(() => {
    const w = (window as unknown as { __writes: { observer: MutationObserver; seen: Writes } }).__writes;
    w.observer.disconnect();
    return w.seen;
  });

/** The first few of a list, with counts, for the message of a failed check. */
const tally = (xs: string[]) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `${k} ×${n}`).join(', ');
};

describe('what the page writes while a lesson plays', () => {
  // calm-inflammation: two time charts, the clock, the caption; immune-suppression: the distance chart (bars, counts, the hatch).
  for (const id of ['calm-inflammation', 'immune-suppression']) {
    it(`${id}: text goes into the text nodes already there, no attribute is written with its own value, and no layout is made by a text node leaving it`, async () => {
      await withApp(`?lesson=${id}&quality=full`, async (p, errors) => {
        await p.locator('#play').click();
        await p.waitForTimeout(1000);
        await startWatching(p);
        const tracing = await startTrace(p, LAYOUT_CAUSE_CATEGORIES);
        await playFor(p, SECONDS);
        const trace = JSON.parse(await tracing.stop()) as { traceEvents: CauseTraceEvent[] };
        const writes = await stopWatching(p);
        const layouts = layoutsWithCauses(trace.traceEvents);
        // A text node that left the layout while no element did: a text replaced by a new node.
        const textOnly = layouts.filter((l) => l.causes.some((i) => i.node === '#text' && i.reason === 'Removed from layout') && !l.causes.some((i) => i.node !== '#text' && i.reason === 'Removed from layout'));
        const figures = {
          records: writes.records,
          replacedTexts: writes.replacedTexts.length,
          sameValueAttributes: writes.sameValueAttributes.length,
          layouts: layouts.length,
          layoutsFromTextRemoved: textOnly.length,
        };
        console.log(`${id}, ${SECONDS} s of play: ${JSON.stringify(figures)}`);
        // The page played and wrote (the clock, the charts), so the checks below saw something.
        expect(writes.records).toBeGreaterThan(0);
        expect(layouts.length).toBeGreaterThan(0);
        expect(writes.replacedTexts, `texts replaced by new nodes: ${tally(writes.replacedTexts)}`).toEqual([]);
        expect(writes.sameValueAttributes, `attributes written with their own value: ${tally(writes.sameValueAttributes)}`).toEqual([]);
        expect(textOnly.length, `layouts made by a text node leaving: ${textOnly.map((l) => l.causes.filter((i) => i.node === '#text').map((i) => i.stack[0] ?? '').join(' ')).join('; ')}`).toBe(0);
        expect(errors).toEqual([]);
      });
    });
  }
});
