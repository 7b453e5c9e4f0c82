// Every type (family, weight, size) a lesson's texts use is in the page by its first picture, so the
// browser looks each font up while the page loads and never inside a frame of the playing lesson.
// Chromium on Linux and ChromeOS asks the browser process for a new type's rendering settings and
// waits for the answer; at 4× CPU slowdown its trace showed up to 45 ms of such waits in one frame of
// a lesson's first seconds. The types that would first appear later are set out of sight at load
// (index.html's .font-warm, styles.css). This file walks each lesson as a learner meets it (the
// first picture, the card's observe step, the run to the second prompt, Play again, and on a first
// visit the offline note) and lists any type first seen after the first picture, with its text.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { lessonIds } from '../../lessons/index';
import { promptTick } from './lessonStops';
import { newApp, openApp, stepN } from './fixture';
import { policyErrors } from './browser';
import { settled } from './viewport';

/**
 * Run in the page before its own scripts: at every animation frame each laid-out text's type, and
 * each type a canvas is given (its `font` setter), noted once with whether the first picture was
 * already drawn (`window.cellpost.ready()`). A type is family (the first named), style, weight and
 * size in rem (the page's sizes follow the root's, which follows the window).
 */
const RECORD_TYPES = `(() => {
  const seen = new Map();
  let picture = false;
  const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const typeOf = (style, weight, px, family) =>
    style + ' ' + weight + ' ' + (px / rem()).toFixed(3) + 'rem ' + family.split(',')[0].trim().replace(/["']/g, '');
  const note = (type, where) => { if (!seen.has(type)) seen.set(type, { late: picture, where }); };
  for (const C of [self.CanvasRenderingContext2D, self.OffscreenCanvasRenderingContext2D]) {
    const d = C && Object.getOwnPropertyDescriptor(C.prototype, 'font');
    if (!d) continue;
    Object.defineProperty(C.prototype, 'font', {
      configurable: true,
      get: d.get,
      set(v) {
        d.set.call(this, v);
        const m = /^(italic |oblique )?(?:small-caps )?(?:(bold|\\d+) )?([\\d.]+)px (.+)$/.exec(this.font);
        if (m) note(typeOf((m[1] || 'normal ').trim(), m[2] === 'bold' ? '700' : m[2] || '400', parseFloat(m[3]), m[4]), 'a canvas: ' + this.font);
      },
    });
  }
  const scan = () => {
    if (!document.body) return;
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.data.trim() || el.getClientRects().length === 0) continue;
      const s = getComputedStyle(el);
      note(typeOf(s.fontStyle, s.fontWeight, parseFloat(s.fontSize), s.fontFamily), el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\\s+/g, '.') : '') + ' "' + n.data.trim().slice(0, 40) + '"');
    }
  };
  const frame = () => {
    scan();
    if (!picture && window.cellpost && window.cellpost.ready()) picture = true;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__lateTypes = () => [...seen].filter(([, v]) => v.late).map(([type, v]) => type + ' (first: ' + v.where + ')');
})();`;

const lateTypes = (p: Page): Promise<string[]> => p.evaluate(() => (window as unknown as { __lateTypes: () => string[] }).__lateTypes());

describe('fonts looked up at load', () => {
  it('no lesson shows a type after its first picture that the page did not have by then (1280×720; the first visit with its offline note)', async () => {
    const [first, ...rest] = lessonIds();
    // A fresh context: the first lesson is a first visit, with its offline note.
    const app = await newApp(`?lesson=${first}`, { initScript: RECORD_TYPES });
    const p = app.page;
    const late: string[] = [];
    try {
      for (const id of [first, ...rest]) {
        if (id !== first) await openApp(p, `?lesson=${id}`);
        // The card's observe step, then the run to the second prompt (its card, the first one's result).
        await stepN(p, 1);
        await expect.poll(() => p.evaluate(() => document.querySelector<HTMLElement>('#prompt')?.dataset.step)).toBe('observe');
        await settled(p);
        await stepN(p, promptTick(id, 1) - (await p.evaluate(() => window.cellpost.tick())));
        await p.locator('#prompt[data-step="predict"] .predict-choice').first().waitFor();
        await settled(p);
        // Play again: the card's next step while the run goes on.
        await p.click('#play');
        await p.waitForTimeout(1000);
        // A first visit: the note that the lesson now works offline.
        if (id === first) await p.locator('#offline-note').waitFor({ timeout: 60_000 });
        const seen = await lateTypes(p);
        console.log(`${id}: ${seen.length} types first seen after the first picture${seen.length ? `:\n  ${seen.join('\n  ')}` : ''}`);
        late.push(...seen.map((t) => `${id}: ${t}`));
      }
      expect(late).toEqual([]);
      expect(policyErrors(app.errors)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
