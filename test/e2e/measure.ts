// Layout measures the browser tests share: the drawn tissue's share of the window (and the least a
// lesson must have), the smallest text a reader can see (page, SVG and form fields; canvas fonts
// recorded as they are set), and sideways overflow. Each reads the live page; nothing here changes it.
import type { Page } from 'playwright-core';
import { lesson } from '../../lessons/index';

/** viz/viewTransform fits the tissue into the canvas with this margin (CSS px) on every side. */
export const FIT_MARGIN = 4;

/** How far the page scrolls sideways (0 or less: not at all). */
export const overflowX = (p: Page): Promise<number> => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The drawn tissue's share of the window: the lesson's first tissue fitted into the canvas, as the
 * view draws it (two views side by side count together; their tissues are the same size).
 */
export async function stageShare(p: Page, id: string): Promise<number> {
  const t = Object.values(lesson(id)!.tissues)[0];
  const vp = p.viewportSize()!;
  let area = 0;
  for (const sel of ['#view-canvas', '#sbs-canvas']) {
    if (!(await p.locator(sel).isVisible())) continue;
    const box = (await p.locator(sel).boundingBox())!;
    const s = Math.min((box.width - 2 * FIT_MARGIN) / t.width, (box.height - 2 * FIT_MARGIN) / t.height);
    area += t.width * s * t.height * s;
  }
  return area / (vp.width * vp.height);
}

/**
 * The share of the window the tissue must have in Learn: 55 %, or for two views side by side at
 * most 96 % of what two tissues in a row across the window's whole width would fill with nothing
 * else on the page (the shape's limit: block-release's two 8 : 5 tissues fill at most 55.6 % of a
 * 16 : 9 window; the views' margins and the gap between them cost 2.5 % of that).
 */
export function leastShare(id: string, width: number, height: number): number {
  const s = lesson(id)!;
  if (s.lesson?.sideBySide === undefined) return 0.55;
  const t = Object.values(s.tissues)[0];
  // Two tissues W/2 wide each, W/2 × h/w high: W² h / (2 w) of the window's W × H.
  const row = (width * t.height) / (2 * t.width * height);
  return Math.min(0.55, 0.96 * row);
}

/** Records every font a 2D canvas is given (call before the page loads), for canvasSmallest. */
export async function recordCanvasFonts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { canvasFonts: string[] }).canvasFonts = seen;
    // On-screen canvases and the offscreen ones labels are first drawn into (viz/sprites.ts).
    for (const proto of [CanvasRenderingContext2D.prototype, typeof OffscreenCanvasRenderingContext2D === 'function' ? OffscreenCanvasRenderingContext2D.prototype : null]) {
      if (!proto) continue;
      const d = Object.getOwnPropertyDescriptor(proto, 'font')!;
      Object.defineProperty(proto, 'font', {
        configurable: true,
        get() {
          return d.get!.call(this);
        },
        set(v: string) {
          seen.push(v);
          d.set!.call(this, v);
        },
      });
    }
  });
}

/** The sizes (px) of every font the page's canvases were given since it loaded. */
export const canvasFontSizes = (p: Page): Promise<number[]> =>
  p.evaluate(() => (window as unknown as { canvasFonts: string[] }).canvasFonts.map((f) => parseFloat(/([\d.]+)px/.exec(f)?.[1] ?? 'NaN')));

/** The smallest computed font size of any text a reader can see (DOM and SVG), and where. */
export const smallestText = (p: Page): Promise<{ min: number; where: string }> =>
  p.evaluate(() => {
    let min = Infinity;
    let where = '';
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) return false;
      if (el.closest('.visually-hidden, .cpv-hidden, [hidden], dialog:not([open]), option')) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none';
    };
    const note = (el: Element, text: string) => {
      const fs = parseFloat(getComputedStyle(el).fontSize);
      if (fs < min) {
        min = fs;
        where = `${el.tagName.toLowerCase()} "${text.trim().slice(0, 40)}"`;
      }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && (n.textContent ?? '').trim() !== '' && seen(el)) note(el, n.textContent ?? '');
    }
    for (const el of Array.from(document.querySelectorAll('input, select, textarea'))) if (seen(el)) note(el, (el as HTMLInputElement).value ?? '');
    return { min, where };
  });

/**
 * The visible elements `selector` matches that a reader cannot see whole, each with why: outside
 * the window, running out of the panel around it (`.transport, .panel, .prompt, .charts,
 * .sbs-toggle`), cut by an ancestor that clips or scrolls, or text running past its own edge
 * (spilling out, an ellipsis, a clamp). Empty when every one is whole.
 */
export const notWhole = (p: Page, selector: string): Promise<string[]> =>
  p.evaluate((sel) => {
    const out: string[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const outside = (r: DOMRect, b: DOMRect) => Math.max(b.left - r.left, r.right - b.right, b.top - r.top, r.bottom - b.bottom);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (s.display === 'none' || s.visibility === 'hidden' || r.width < 1 || r.height < 1) continue;
      const win = new DOMRect(0, 0, innerWidth, innerHeight);
      if (outside(r, win) > 1) {
        out.push(`${name(el)}: outside the window by ${Math.round(outside(r, win))} px`);
        continue;
      }
      const panel = el.parentElement?.closest('.transport, .panel, .prompt, .charts, .sbs-toggle');
      if (panel && outside(r, panel.getBoundingClientRect()) > 1) out.push(`${name(el)}: out of its panel by ${Math.round(outside(r, panel.getBoundingClientRect()))} px`);
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const as = getComputedStyle(a);
        if (as.display === 'contents' || (as.overflowX === 'visible' && as.overflowY === 'visible')) continue;
        const by = outside(r, a.getBoundingClientRect());
        if (by > 1) {
          out.push(`${name(el)}: cut by ${name(a).slice(0, 40)} (${Math.round(by)} px)`);
          break;
        }
      }
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${name(el)}: its text runs past its right edge`);
      else if (s.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1) out.push(`${name(el)}: its text runs past its lower edge`);
    }
    return out;
  }, selector);

/** The interventions panel's heading row: its heading and "What they do" (or the unfold button). */
export const INTERVENTIONS_HEAD = '#interventions .panel-head > *';

/**
 * What the Learn screen's panels show a reader at once: the run controls, the prompt's heading,
 * question and choices, the interventions' heading row and buttons, the chart's pager, and two
 * views' titles, counts and toggle.
 */
export const LEARN_PARTS = [
  '#transport button',
  '#transport select',
  '#prompt .prompt-head > *',
  '#prompt .predict',
  '#prompt .predict-choice',
  INTERVENTIONS_HEAD,
  '#interventions button.intervention',
  '#charts .chart-pager > *',
  '.sbs-title',
  '.sbs-count',
  '.sbs-toggle button',
].join(', ');

/**
 * Records every text drawn onto the page's canvases (call before the page loads), as
 * "canvas id|text". Text sprites are then not made (no OffscreenCanvas in the page: the views'
 * own fallback draws each label with fillText), so every label's text is seen as it is drawn.
 */
export async function recordCanvasTexts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { canvasTexts: string[] }).canvasTexts = seen;
    (window as unknown as { OffscreenCanvas?: unknown }).OffscreenCanvas = undefined;
    const fill = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
      seen.push(`${this.canvas.id}|${text}`);
      if (maxWidth === undefined) fill.call(this, text, x, y);
      else fill.call(this, text, x, y, maxWidth);
    };
  });
}

/** The texts drawn onto the canvas `id` since the last call (recordCanvasTexts), and forgets them. */
export const canvasTexts = (p: Page, id: string): Promise<string[]> =>
  p.evaluate((canvasId) => {
    const all = (window as unknown as { canvasTexts: string[] }).canvasTexts;
    const mine = all.filter((e) => e.startsWith(`${canvasId}|`)).map((e) => e.slice(canvasId.length + 1));
    all.length = 0;
    return mine;
  }, id);
