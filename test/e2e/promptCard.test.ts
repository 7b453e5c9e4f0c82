// The prompt card shows every step of every lesson's prompts whole, in English and bokmål, at
// 1280×720 and 1366×768: for each prompt, the predict step (at its moment), the observe step (one
// step later) and the explain step (Explain pressed) keep the heading, the stepper, the question
// and every choice inside the card's visible box and the window, with the card at its top; an
// opened explanation is inside the card or reachable by scrolling the card itself. One page per
// language loads each lesson in turn (a fresh load of its link), walks its steps once and measures
// each step at both sizes, the window resized once per step (English loads at 1280×720, bokmål at
// 1366×768).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lesson, lessonIds } from '../../lessons/index';
import { newApp, openApp, stepN } from './fixture';
import { offlineReady, resizeAndSettle, settled } from './viewport';

interface Fit {
  step: string;
  /** Parts (heading, stepper, question, choices) not wholly visible, with where they are. */
  cut: string[];
  choices: number;
  /** The opened explanation can be seen (in the card's box, or by scrolling the card). */
  explainReachable: boolean;
}

/** Measures the card as it is now (scrolled to its top first, as a new card starts). */
function measure(p: Page): Promise<Fit> {
  return p.evaluate(() => {
    const card = document.querySelector<HTMLElement>('#prompt')!;
    card.scrollTop = 0;
    const box = card.getBoundingClientRect();
    const top = Math.max(0, box.top + card.clientTop);
    const bottom = Math.min(innerHeight, box.top + card.clientTop + card.clientHeight);
    const parts = ['h2', '.prompt-steps', '.predict', '.predict-choice'].flatMap((sel) => Array.from(card.querySelectorAll<HTMLElement>(sel)));
    const cut = parts
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.top < top - 1 || r.bottom > bottom + 1 || r.left < box.left - 1 || r.right > Math.min(innerWidth, box.right) + 1)
      .map(({ e, r }) => `${e.className || e.tagName} "${(e.textContent ?? '').trim().slice(0, 24)}" ${Math.round(r.top)}–${Math.round(r.bottom)} in ${Math.round(top)}–${Math.round(bottom)}`);
    const explain = card.querySelector<HTMLElement>('.explain');
    let explainReachable = true;
    if (explain && !explain.hidden) {
      const scrolls = getComputedStyle(card).overflowY;
      const r = explain.getBoundingClientRect();
      const inBox = r.top >= top - 1 && r.top < bottom - 16;
      explainReachable = inBox || ((scrolls === 'auto' || scrolls === 'scroll') && card.scrollHeight > card.clientHeight && bottom - top >= 64);
    }
    return { step: card.dataset.step ?? '', cut, choices: card.querySelectorAll('.predict-choice').length, explainReachable };
  });
}

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
];
/** Each language's page loads at one size (each size is a loaded one in one language). */
const LOADED_AT = { en: VIEWPORTS[0], nb: VIEWPORTS[1] } as const;

describe('the prompt card shows every step whole', () => {
  for (const lang of ['en', 'nb'] as const) {
    const loaded = LOADED_AT[lang];
    it(`every step of every lesson’s prompts in ${lang === 'en' ? 'English' : 'bokmål'} at 1280×720 and 1366×768 (loaded at ${loaded.width}×${loaded.height})`, async () => {
      const problems: string[] = [];
      const checked = new Map(VIEWPORTS.map((v) => [v, 0]));
      // One page per language: the first lesson in a fresh context, each next one loaded in the
      // same page at the size this language loads at, once the first visit's service worker is in
      // charge and the previous lesson's page has settled (a load then overlaps no precache).
      let app: Awaited<ReturnType<typeof newApp>> | null = null;
      for (const id of lessonIds()) {
        const s = lesson(id)!;
        const prompts = [...(s.lesson?.prompts ?? [])].sort((a, b) => a.atHours - b.atHours);
        if (prompts.length === 0) continue;
        if (!app) {
          app = await newApp(`?lesson=${id}&lang=${lang}`, { viewport: loaded });
          await offlineReady(app.page);
        } else {
          await settled(app.page);
          await app.page.setViewportSize(loaded);
          await openApp(app.page, `?lesson=${id}&lang=${lang}`);
        }
        const p = app.page;
        await p.locator('#prompt .predict-choice').first().waitFor();
        expect(await p.evaluate(() => window.cellpost.tick()), `${lang} ${id}: a fresh run`).toBe(0);
        // The size the window has now; each step is measured at it, then at the other one.
        let size = loaded;
        let now = 0;
        for (const [k, prompt] of prompts.entries()) {
          const at = Math.round((prompt.atHours * 3600) / s.dtSeconds);
          if (at > now) now = await stepN(p, at - now);
          const check = async (want: string) => {
            await expect.poll(() => p.locator('#prompt').getAttribute('data-step'), { timeout: 10_000, message: `${lang} ${id} prompt ${k + 1} at tick ${now}` }).toBe(want);
            await p.waitForTimeout(50);
            for (const viewport of [size, VIEWPORTS.find((v) => v !== size)!]) {
              if (viewport !== size) await resizeAndSettle(p, (size = viewport));
              const where = `${lang} ${id} ${viewport.width}×${viewport.height} prompt ${k + 1}`;
              // The card's room follows its content a task or two later (a resize observer's
              // report, then the fit): on a busy machine that can take longer than a frame.
              let fit = await measure(p);
              for (const end = Date.now() + 3000; fit.cut.length > 0 && Date.now() < end; fit = await measure(p)) await p.waitForTimeout(100);
              checked.set(viewport, checked.get(viewport)! + 1);
              if (fit.choices === 0) problems.push(`${where} ${want}: no choices`);
              for (const c of fit.cut) problems.push(`${where} ${want}: ${c}`);
              if (!fit.explainReachable) problems.push(`${where} ${want}: the explanation cannot be seen`);
            }
          };
          await check('predict');
          now = await stepN(p, 1);
          await check('observe');
          await p.locator('#prompt .prompt-reveal').click();
          await check('explain');
        }
        expect(app.errors, `${lang} ${id}`).toEqual([]);
      }
      await app?.close();
      console.log(`prompt card (${lang}): ${[...checked].map(([v, n]) => `${n} steps checked at ${v.width}×${v.height}`).join(', ')}; ${problems.length} problems`);
      expect(problems).toEqual([]);
    }, 400_000);
  }
});
