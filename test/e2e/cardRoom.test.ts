// The prompt card's room (ui/sideFit.ts) without a long task: when a new card arrives while a lesson
// runs, no animation frame's task lays the page out (its height is read from a resize observer's
// report, after the page's own layout), the room is written on the card, not on the page's root
// (a custom property on the root restyles every element) and, under a strip, on the band.
// And when the card moves on while its heading holds the focus (where a stop puts it), the heading
// stays and no script forces the page's layout (a card rebuilt whole removed the focused heading,
// and Chromium laid the whole page out at once, inside the frame message's task).
// And pressing Play after a stop leaves the stage, the band and the charts as they were: the room
// changes only when a card arrives at its predict step, the card goes, or the window changes size.
// Read from Chromium's trace: it counts layouts, it does not time them, so it holds on a busy machine.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { promptTick } from './lessonStops';
import { stepN, withApp } from './fixture';
import { resizeAndSettle, settled } from './viewport';
import type { CauseTraceEvent as TraceEvent } from './layoutCauses';
import { onThread, pageMainThread, startTrace } from './trace';


/** Waits for `n` animation frames, then a task (the card's room is written in the frame after the observer's report). */
const settle = (p: Page, n = 4) =>
  p.evaluate(
    (k) =>
      new Promise<void>((done) => {
        const next = (left: number) => (left === 0 ? setTimeout(done, 50) : requestAnimationFrame(() => next(left - 1)));
        next(k);
      }),
    n,
  );

/** Runs `act` under Chromium's trace and returns the main thread's layouts made inside an animation frame's callbacks. */
async function layoutsInFrames(p: Page, act: () => Promise<void>): Promise<{ frames: number; layouts: number }> {
  const tracing = await startTrace(p, ['devtools.timeline']);
  await act();
  const trace = JSON.parse(await tracing.stop()) as { traceEvents: TraceEvent[] };
  const main = pageMainThread(trace.traceEvents);
  if (!main) return { frames: 0, layouts: 0 };
  const on = (name: string) => trace.traceEvents.filter((e) => e.name === name && e.ph === 'X' && onThread(e, main) && e.dur !== undefined);
  const frames = on('FireAnimationFrame');
  const inFrame = (e: TraceEvent) => frames.some((f) => e.ts >= f.ts && e.ts + e.dur! <= f.ts + f.dur!);
  return { frames: frames.length, layouts: on('Layout').filter(inFrame).length };
}

/**
 * Runs `act` under Chromium's trace and returns the page's layouts forced by its own scripts (a Layout
 * event with a script stack from one of the page's files). Stacks with no file are the test driver's
 * own (Playwright's injected script reading an element's visibility for a locator), not the page's.
 */
async function forcedLayouts(p: Page, act: () => Promise<void>): Promise<string[]> {
  const tracing = await startTrace(p, ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack']);
  await act();
  const trace = JSON.parse(await tracing.stop()) as { traceEvents: (TraceEvent & { args?: { beginData?: { stackTrace?: { functionName?: string; url?: string; lineNumber?: number }[] } } })[] };
  return trace.traceEvents
    .filter((e) => e.name === 'Layout' && e.ph === 'X' && (e.args?.beginData?.stackTrace ?? []).some((f) => (f.url ?? '') !== ''))
    .map((e) => e.args!.beginData!.stackTrace!.map((f) => `${f.functionName || '(anon)'}@${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? 0) + 1}`).join(' < '));
}

describe('the prompt card’s room', () => {
  it('gut-messages at 1280×720: the card moves on to its next step and to the next prompt with the focus on its heading, and no script forces a layout', async () => {
    await withApp('?lesson=gut-messages&quality=full', async (p, errors) => {
      await p.locator('#prompt .predict-choice').first().waitFor();
      await settle(p);
      // Where a stop puts the focus: the card's heading (the page focused, as a learner's is).
      await p.bringToFront();
      await p.evaluate(() => {
        const head = document.querySelector<HTMLElement>('#prompt h2')!;
        (window as unknown as { heading: HTMLElement }).heading = head;
        head.focus();
      });
      const now = await p.evaluate(() => window.cellpost.tick());
      const heading = () => p.locator('#prompt h2').textContent();
      const first = await heading();
      const forced = await forcedLayouts(p, async () => {
        // One step on: the same prompt, locked (its observe step); then on to the second prompt.
        await stepN(p, 1);
        // Read without a locator (a locator's visibility check lays the page out itself).
        await expect.poll(() => p.evaluate(() => document.querySelector<HTMLElement>('#prompt')?.dataset.step)).toBe('observe');
        await settle(p);
        await stepN(p, promptTick('gut-messages', 1) - now - 1);
        await expect.poll(heading).not.toBe(first);
        await settle(p);
      });
      console.log(`gut-messages, the card's next step and prompt with the focus on its heading: ${forced.length} forced layouts${forced.length ? `: ${forced.join('; ')}` : ''}`);
      const kept = await p.evaluate(() => {
        const head = document.querySelector('#prompt h2');
        return { same: head === (window as unknown as { heading: HTMLElement }).heading, focused: document.activeElement === head };
      });
      expect(kept).toEqual({ same: true, focused: true });
      expect(forced).toEqual([]);
      expect(errors).toEqual([]);
    });
  });


  // letters: the side column beside the stage; gut-messages: the band under the strip.
  for (const id of ['letters', 'gut-messages']) {
    it(`${id} at 1280×720: a new card gets its room without a layout inside an animation frame, written on the card and the band, not the root`, async () => {
      await withApp(`?lesson=${id}&quality=full`, async (p, errors) => {
        await p.locator('#prompt .predict-choice').first().waitFor();
        await settle(p);
        const now = await p.evaluate(() => window.cellpost.tick());
        const heading = () => p.locator('#prompt h2').textContent();
        const first = await heading();
        const seen = await layoutsInFrames(p, async () => {
          // The run reaches the second prompt: a new card (the first prompt's result over its question).
          await stepN(p, promptTick(id, 1) - now);
          await expect.poll(heading).not.toBe(first);
          await p.locator('#prompt[data-step="predict"] .predict-choice').first().waitFor();
          await settle(p);
        });
        console.log(`${id}, a new prompt card: ${seen.layouts} layouts inside ${seen.frames} animation frames`);
        expect(seen.frames).toBeGreaterThan(0);
        expect(seen.layouts).toBe(0);
        const room = await p.evaluate(() => {
          const card = document.querySelector<HTMLElement>('#prompt')!;
          const choices = Array.from(card.querySelectorAll('.predict-choice')).map((c) => c.getBoundingClientRect().bottom);
          return {
            card: parseFloat(card.style.getPropertyValue('--prompt-core')),
            band: parseFloat(document.querySelector<HTMLElement>('#lesson')!.style.getPropertyValue('--band-room')),
            root: document.documentElement.style.getPropertyValue('--prompt-core'),
            below: Math.max(...choices) - card.getBoundingClientRect().top,
          };
        });
        // The room reaches below the last choice; it is on the card and the band, not on the root.
        expect(room.card).toBeGreaterThanOrEqual(room.below);
        expect(room.band).toBe(room.card);
        expect(room.root).toBe('');
        expect(errors).toEqual([]);
      });
    });
  }

  it('block-release at 1280×720: Play after the second stop keeps the stage, the band and the chart where the stop put them; a resized window measures the room afresh', async () => {
    await withApp('?lesson=block-release&quality=full', async (p, errors) => {
      await p.locator('#prompt .predict-choice').first().waitFor();
      await settled(p);
      const now = await p.evaluate(() => window.cellpost.tick());
      // The second prompt: the first one's result above its question, so its card needs more room than the first's.
      await stepN(p, promptTick('block-release', 1) - now);
      await p.locator('#prompt[data-step="predict"] .predict-choice').first().waitFor();
      await settled(p);
      const read = () =>
        p.evaluate(() => {
          const box = (sel: string) => {
            const r = document.querySelector(sel)!.getBoundingClientRect();
            return `${r.top.toFixed(1)},${r.height.toFixed(1)},${r.width.toFixed(1)}`;
          };
          const card = document.querySelector<HTMLElement>('#prompt')!;
          const choices = Array.from(card.querySelectorAll('.predict-choice, .predict-sketch-row')).map((c) => c.getBoundingClientRect().bottom);
          return {
            step: card.dataset.step,
            boxes: ['#canvas-box', '#prompt', '#charts .chart-box:not([hidden])'].map(box).join(' | '),
            room: parseFloat(document.querySelector<HTMLElement>('#lesson')!.style.getPropertyValue('--band-room')),
            below: Math.max(...choices) - card.getBoundingClientRect().top,
          };
        });
      const atStop = await read();
      expect(atStop.step).toBe('predict');
      // One step on, as Play does: the card turns to its observe step (its choices locked, lower).
      await stepN(p, 1);
      await expect.poll(() => p.evaluate(() => document.querySelector<HTMLElement>('#prompt')?.dataset.step)).toBe('observe');
      await settled(p);
      const playing = await read();
      console.log(`block-release, second stop → observe: room ${atStop.room} → ${playing.room} px (the card's choices end ${atStop.below.toFixed(1)} → ${playing.below.toFixed(1)} px below its top)`);
      expect(playing.boxes).toBe(atStop.boxes);
      expect(playing.room).toBe(atStop.room);
      // A window of another size measures the card as it is now (its observe step), as a fresh load there would.
      await resizeAndSettle(p, { width: 1366, height: 768 });
      const resized = await read();
      expect(resized.step).toBe('observe');
      expect(resized.room).toBeGreaterThanOrEqual(resized.below);
      // Below the last choice the room holds only the card's padding and border.
      expect(resized.room - resized.below).toBeLessThan(20);
      expect(errors).toEqual([]);
    });
  });
});
