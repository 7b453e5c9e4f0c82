// What a playing run lays out: the readouts that change while a lesson plays (the charts, the
// clock, the two views' counts) are laid out in boxes of their own, so most of the page's layouts
// while playing are partial, and layouts of the whole page are few. Read from Chromium's trace
// (each Layout event names its roots); it counts layouts, it does not time them, so it holds on
// a busy machine. And a change inside the side column, or the lag note, lays out its own box; so do
// the words a stop changes outside the column (the run's state, Play's label, the caption, the live region).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { withApp } from './fixture';
import { settled } from './viewport';
import { playFor } from './keepPlaying';
import { onThread, pageMainThread, startTrace } from './trace';
import { LAYOUT_CAUSE_CATEGORIES, layoutsWithCauses, type CauseTraceEvent } from './layoutCauses';

interface LayoutEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; endData?: { layoutRoots?: { nodeName?: string }[] } };
}

/**
 * Most of the layouts may be of the whole page? Before the readouts had boxes of their own, 23 of
 * 25 (a chart redraw or a new time each laid out the page); with them, about a fifth to a third.
 * A share, not a rate: a busy machine draws fewer frames and merges their changes into fewer layouts.
 */
const MAX_WHOLE_PAGE_SHARE = 0.5;
const SECONDS = 4;

/** Plays for `seconds` (pressing Play again when a prompt stops the run) and returns each main-thread layout's roots. */
async function layoutRoots(p: Page, seconds: number): Promise<string[][]> {
  await p.locator('#play').click();
  await p.waitForTimeout(1000);
  const tracing = await startTrace(p, ['devtools.timeline']);
  await playFor(p, seconds);
  const trace = JSON.parse(await tracing.stop()) as { traceEvents: LayoutEvent[] };
  const main = pageMainThread(trace.traceEvents);
  if (!main) throw new Error('the trace has no renderer main thread');
  const layouts = trace.traceEvents.filter((e) => e.name === 'Layout' && e.ph === 'X' && onThread(e, main));
  return layouts.map((e) => (e.args?.endData?.layoutRoots ?? []).map((r) => r.nodeName ?? ''));
}

describe('layouts while a lesson plays', () => {
  it('block-release (two views, charts, clock): most layouts are of the readouts’ own boxes, not the whole page', async () => {
    await withApp('?lesson=block-release&quality=full', async (p, errors) => {
      const roots = await layoutRoots(p, SECONDS);
      const whole = roots.filter((r) => r.some((n) => n === '#document')).length;
      const own = (cls: string) => roots.filter((r) => r.length > 0 && r.every((n) => n.includes(cls) || n.includes('cpv-hidden'))).length;
      const figures = { layouts: roots.length, wholePage: whole, chartBox: own('chart-box'), clock: own('clock-text'), counts: own('sbs-head') };
      console.log(`layouts in ${SECONDS} s of block-release: ${JSON.stringify(figures)}`);
      expect(roots.length).toBeGreaterThan(0);
      // The readouts changed while playing and were laid out in their own boxes.
      expect(figures.chartBox + figures.clock + figures.counts).toBeGreaterThan(0);
      expect(whole / roots.length).toBeLessThanOrEqual(MAX_WHOLE_PAGE_SHARE);
      expect(errors).toEqual([]);
    });
  });

  it('letters: a chart redrawn as the run plays moves its time axis ticks and keeps their unchanged labels', async () => {
    await withApp('?lesson=letters&quality=full', async (p, errors) => {
      // A tick of the shown chart's time axis (its label under the plot: translate(x,0)).
      const xTick = 'section.chart-box:not([hidden]) .cpv-chart svg g.tick[transform$=",0)"]';
      await p.locator('#play').click();
      // The second tick: the first sits at 0 whatever the scale; ticks past the second may go when there are fewer.
      await p.locator(xTick).nth(1).waitFor({ state: 'attached' });
      const before = await p.evaluate((sel) => {
        const t = document.querySelectorAll(sel)[1];
        const w = window as unknown as { __tick: Element; __label: Node };
        w.__tick = t;
        // The label's text: written again at every redraw it would be a new text node each time (a layout of new text).
        w.__label = t.querySelector('text')!.firstChild!;
        return t.getAttribute('transform');
      }, xTick);
      // Wait for a redraw that moved it (the time axis grows with the run), pressing Play again at a prompt.
      await expect
        .poll(
          () =>
            p.evaluate(() => {
              const b = document.querySelector<HTMLButtonElement>('#play');
              if (b && b.dataset.state !== 'playing') b.click();
              const t = (window as unknown as { __tick: Element }).__tick;
              return t.isConnected ? t.getAttribute('transform') : 'removed';
            }),
          { timeout: 20_000 },
        )
        .not.toBe(before);
      const kept = await p.evaluate(() => {
        const w = window as unknown as { __tick: Element; __label: Node };
        return { tick: w.__tick.isConnected, label: w.__label.isConnected };
      });
      expect(kept).toEqual({ tick: true, label: true });
      expect(errors).toEqual([]);
    });
  });
  it('letters at 1280×720: a change in the side column, or the lag note, lays out its own box, not the page', async () => {
    await withApp('?lesson=letters&quality=full', async (p, errors) => {
      const frames = () => p.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
      await frames();
      const tracing = await startTrace(p, LAYOUT_CAUSE_CATEGORIES);
      // Each a change of the kind a stop makes (the card's size, the interventions' words), then the
      // lag note coming; each in frames of its own.
      await p.evaluate(() => (document.querySelector<HTMLElement>('#prompt')!.style.paddingTop = '9px'));
      await frames();
      await p.evaluate(() => document.querySelector('#interventions h2')!.append(' …'));
      await frames();
      await p.evaluate(() => (document.querySelector('#transport .lag')!.textContent = 'running at 1 h/s: the engine is at its limit'));
      await frames();
      const trace = JSON.parse(await tracing.stop()) as { traceEvents: CauseTraceEvent[] };
      // The layouts these changes made, by what dirtied them (the card's style, the heading's text, the note).
      const layouts = layoutsWithCauses(trace.traceEvents);
      const made = (node: string) => layouts.filter((l) => l.causes.some((c) => c.node.startsWith(node)));
      const card = made("SECTION id='prompt'");
      const note = made("SPAN class='lag'");
      console.log(`letters: the card's change laid out ${card.map((l) => l.roots.join(',')).join('; ')}; the lag note ${note.map((l) => l.roots.join(',')).join('; ')}`);
      expect(card.length).toBeGreaterThan(0);
      expect(note.length).toBeGreaterThan(0);
      // Chromium makes no grid item a layout root: the column's inner box is (.side-col), and the note's room.
      for (const l of card) expect(l.roots).toEqual(expect.arrayContaining([expect.stringContaining('side-col')]));
      for (const l of note) expect(l.roots).toEqual(expect.arrayContaining([expect.stringContaining('lag-room')]));
      for (const l of [...card, ...note]) expect(l.roots).not.toContain('#document');
      expect(errors).toEqual([]);
    });
  });
  // At 1920×1080 the strip is wide enough to show the run's state beside a message (the offline note).
  it('letters at 1920×1080: the words a stop changes outside the side column (the run\'s state, Play\'s label, the caption, the live region) each lay out their own room, not the page', async () => {
    await withApp(
      '?lesson=letters&quality=full',
      async (p, errors) => {
        const frames = () => p.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
        await settled(p);
        // What a stop writes, each alone in a trace of its own frames, on a page with nothing else to do
        // (on main's build the label was the button's own text, and the caption placed by its own size).
        const writes: [room: string, write: () => void][] = [
          ['strip-room', () => (document.querySelector('#run-state .state-words')!.textContent = 'Paused at 2 h')],
          ['play-label', () => ((document.querySelector('#play .play-label') ?? document.querySelector('#play'))!.textContent = 'Pause')],
          [
            'caption-room',
            () => {
              const caption = document.querySelector<HTMLElement>('#run-caption')!;
              caption.textContent = '2 h: 6 of 120 reader cells responding (up 5)';
              caption.hidden = false;
            },
          ],
          // The run's sentence for screen readers (on main's build at 56a6de6 it laid out the page).
          ['live-room', () => (document.querySelector('#run-description')!.textContent = '2 h: 6 of 120 reader cells responding (up 5)')],
        ];
        for (const [room, write] of writes) {
          const tracing = await startTrace(p, LAYOUT_CAUSE_CATEGORIES);
          await p.evaluate(write);
          await frames();
          const trace = JSON.parse(await tracing.stop()) as { traceEvents: CauseTraceEvent[] };
          const roots = layoutsWithCauses(trace.traceEvents).map((l) => l.roots);
          console.log(`letters, ${room}: the write laid out ${roots.map((r) => r.join(',')).join('; ')}`);
          expect(roots.length, room).toBeGreaterThan(0);
          expect(roots.flat(), room).toEqual(expect.arrayContaining([expect.stringContaining(room)]));
          expect(roots.flat(), room).not.toContain('#document');
        }
        expect(errors).toEqual([]);
      },
      { viewport: { width: 1920, height: 1080 } },
    );
  });
});
