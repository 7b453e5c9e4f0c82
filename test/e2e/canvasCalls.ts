// Counts what a page draws on its 2D canvases, for the browser tests and benches that check a
// page draws nothing while nothing changes: an init script wraps the drawing calls of
// CanvasRenderingContext2D and the page's animation-frame callbacks, counting each call.
import type { Page } from 'playwright-core';

/** Calls counted since the page loaded (or since the last `resetCanvasCalls`). */
export interface CanvasCalls {
  /** Calls that put pixels on a canvas: putImageData, drawImage, fill, stroke, fillRect, clearRect, fillText, strokeText. */
  draws: number;
  /** Animation-frame callbacks that ran. */
  frames: number;
  /** Drawing calls by canvas (its id, else its class, else 'other'), to tell which drew. */
  byCanvas: Record<string, number>;
}

declare global {
  interface Window {
    __canvasCalls?: CanvasCalls;
  }
}

/** Wraps the page's drawing calls and animation frames before any of its scripts run (call before loading). */
export async function countCanvasCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counts = { draws: 0, frames: 0, byCanvas: {} as Record<string, number> };
    Object.defineProperty(window, '__canvasCalls', { value: counts, configurable: true });
    const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const name of ['putImageData', 'drawImage', 'fill', 'stroke', 'fillRect', 'clearRect', 'fillText', 'strokeText']) {
      const original = proto[name];
      proto[name] = function (this: CanvasRenderingContext2D, ...a: unknown[]) {
        counts.draws++;
        const key = this.canvas.id || this.canvas.className || 'other';
        counts.byCanvas[key] = (counts.byCanvas[key] ?? 0) + 1;
        return original.apply(this, a);
      };
    }
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb: FrameRequestCallback) =>
      raf((t) => {
        counts.frames++;
        cb(t);
      });
  });
}

/** The calls counted so far (zeros when the page was not set up with countCanvasCalls). */
export const canvasCalls = (page: Page): Promise<CanvasCalls> =>
  page.evaluate(() => ({ draws: window.__canvasCalls?.draws ?? 0, frames: window.__canvasCalls?.frames ?? 0, byCanvas: { ...window.__canvasCalls?.byCanvas } }));
