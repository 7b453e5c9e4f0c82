// The prompt card's room (ui/sideFit.ts) without a long task: when a new card arrives while a lesson
// runs, no animation frame's task lays the page out (its height is read from a resize observer's
// report, after the page's own layout), the room is written on the card, not on the page's root
// (a custom property on the root restyles every element) and, under a strip, on the band.
// Read from Chromium's trace: it counts layouts, it does not time them, so it holds on a busy machine.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lesson } from '../../lessons/index';
import { stepN, withApp } from './fixture';
import type { CauseTraceEvent as TraceEvent } from './layoutCauses';


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

/** The tick of a lesson's prompt `k` (in time order). */
function promptTick(id: string, k: number): number {
  const s = lesson(id)!;
  const prompts = [...(s.lesson?.prompts ?? [])].sort((a, b) => a.atHours - b.atHours);
  return Math.round((prompts[k].atHours * 3600) / s.dtSeconds);
}

/** Runs `act` under Chromium's trace and returns the main thread's layouts made inside an animation frame's callbacks. */
async function layoutsInFrames(p: Page, act: () => Promise<void>): Promise<{ frames: number; layouts: number }> {
  const browser = p.context().browser()!;
  await browser.startTracing(p, { categories: ['devtools.timeline'] });
  await act();
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const threads = trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const on = (t: TraceEvent, name: string) => trace.traceEvents.filter((e) => e.name === name && e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.dur !== undefined);
  // The page's main thread: of the renderer main threads, the one with most animation frames.
  const main = threads.map((t) => ({ t, frames: on(t, 'FireAnimationFrame') })).sort((a, b) => b.frames.length - a.frames.length)[0];
  if (!main) return { frames: 0, layouts: 0 };
  const inFrame = (e: TraceEvent) => main.frames.some((f) => e.ts >= f.ts && e.ts + e.dur! <= f.ts + f.dur!);
  return { frames: main.frames.length, layouts: on(main.t, 'Layout').filter(inFrame).length };
}

describe('the prompt card’s room', () => {
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
});
