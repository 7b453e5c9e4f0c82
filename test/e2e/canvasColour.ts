// Reading the tissue canvas (#view-canvas) by colour, for the browser tests: how many pixels are
// exactly one colour (the injected vesicle type's dots, an uptake ring with reduced motion), read
// at a given moment of the page's clock, or the most seen over a stretch of time.
import type { Page } from 'playwright-core';

/**
 * Pixels of the canvas in exactly this colour, read once the page's clock (performance.now) is at
 * `at` (waiting in the page, not here: no round trip between the wait and the read), and when.
 */
export const countColourAt = (p: Page, hex: string, at = 0) =>
  p.evaluate(
    async ({ c, at }) => {
      while (performance.now() < at) await new Promise((r) => setTimeout(r, at - performance.now()));
      const t = performance.now();
      const canvas = document.querySelector<HTMLCanvasElement>('#view-canvas')!;
      const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] === r && d[i + 1] === g && d[i + 2] === b) n++;
      return { n, t };
    },
    { c: hex, at },
  );

export const countColour = async (p: Page, hex: string) => (await countColourAt(p, hex)).n;

/** The most pixels in exactly this colour over the next `ms` of the page's clock, read one after another. */
export async function mostColourOver(p: Page, hex: string, ms: number): Promise<number> {
  const first = await countColourAt(p, hex);
  let most = first.n;
  for (let read = first; read.t < first.t + ms; ) {
    read = await countColourAt(p, hex);
    most = Math.max(most, read.n);
  }
  return most;
}
