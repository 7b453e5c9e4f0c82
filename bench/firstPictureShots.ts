// `npx tsx bench/firstPictureShots.ts OUTDIR DIST[,DIST2] [--cases a,b]`: photographs of a fresh load
// of each case at a phone, a laptop and a projector (390×844, 1366×768, 1920×1080) — at its first
// picture and 2.5 s later — per build, and how many pixels differ between the builds' photographs
// (for a change on the way to the first picture that must not change what is shown).
// --compare-only compares the photographs already in OUTDIR. --stop adds a third photograph: Play
// pressed, and the run's first stop at a prompt, 2 s after it paused there; --play-on (with --stop) a
// fourth: Play pressed again at that stop, 1.5 s later (what moves when the run goes on).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { readFileSync } from 'node:fs';
import { launch } from '../test/e2e/browser';
import { arg, caseSearch, hasFlag } from './args';

const out = resolve(process.argv[2] ?? 'test-results/first-picture-shots');
const dists = (process.argv[3] ?? 'dist').split(',').map((d) => resolve(d));
const cases = arg('cases', 'letters,gut-messages,block-release').split(',');
const SIZES = [
  [390, 844],
  [1366, 768],
  [1920, 1080],
] as const;
mkdirSync(out, { recursive: true });
const moments = hasFlag('stop') ? ['first', 'later', 'stop', ...(hasFlag('play-on') ? ['play-on'] : [])] : ['first', 'later'];

const browser = await launch();
const files = new Map<string, string[]>();
try {
  for (const [i, dist] of dists.entries()) {
    if (hasFlag('compare-only')) {
      for (const c of cases) for (const [w, h] of SIZES) for (const when of moments) files.set(`${c}-${w}x${h}-${when}`, [...(files.get(`${c}-${w}x${h}-${when}`) ?? []), join(out, `${i}-${c}-${w}x${h}-${when}.png`)]);
      continue;
    }
    const server = await preview({ build: { outDir: dist }, preview: { port: Number(process.env.CELLPOST_BENCH_PORT ?? 4214) + i, strictPort: true, open: false }, logLevel: 'warn' });
    const base = server.resolvedUrls?.local[0] ?? '';
    for (const c of cases)
      for (const [w, h] of SIZES) {
        const context = await browser.newContext({ viewport: { width: w, height: h } });
        const p = await context.newPage();
        await p.goto(base + caseSearch(c, 'quality=full'));
        await p.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 60_000, polling: 'raf' });
        for (const when of moments) {
          if (when === 'later') await p.waitForTimeout(2500);
          if (when === 'stop') {
            await p.click('#play');
            await p.waitForFunction(() => document.querySelector<HTMLElement>('#play')?.dataset.state === 'playing', undefined, { timeout: 30_000 });
            await p.waitForFunction(() => document.querySelector<HTMLElement>('#play')?.dataset.state !== 'playing', undefined, { timeout: 120_000 });
            await p.waitForTimeout(2000);
          }
          if (when === 'play-on') {
            await p.click('#play');
            await p.waitForTimeout(1500);
          }
          const file = join(out, `${i}-${c}-${w}x${h}-${when}.png`);
          await p.screenshot({ path: file });
          const key = `${c}-${w}x${h}-${when}`;
          files.set(key, [...(files.get(key) ?? []), file]);
        }
        await context.close();
      }
    await server.close();
  }
  if (dists.length > 1) {
    // Compared in a blank page: each pair decoded onto canvases, a pixel differing when its colour
    // channels differ by more than 6 of 255 in sum.
    const page = await browser.newPage();
    for (const [key, [a, b]] of files) {
      const url = (f: string) => `data:image/png;base64,${readFileSync(f).toString('base64')}`;
      // A string, not a function: the TypeScript loader would name the inner helpers (__name), which the page lacks.
      const differ = (await page.evaluate(`(async ([ua, ub]) => {
        async function load(u) {
          const bmp = await createImageBitmap(await (await fetch(u)).blob());
          const c = new OffscreenCanvas(bmp.width, bmp.height);
          const x = c.getContext('2d');
          x.drawImage(bmp, 0, 0);
          return x.getImageData(0, 0, bmp.width, bmp.height);
        }
        const [ia, ib] = await Promise.all([load(ua), load(ub)]);
        if (ia.width !== ib.width || ia.height !== ib.height) return -1;
        let n = 0;
        for (let k = 0; k < ia.data.length; k += 4) if (Math.abs(ia.data[k] - ib.data[k]) + Math.abs(ia.data[k + 1] - ib.data[k + 1]) + Math.abs(ia.data[k + 2] - ib.data[k + 2]) > 6) n++;
        return n;
      })(${JSON.stringify([url(a), url(b)])})`)) as number;
      console.log(`${key}: ${differ < 0 ? 'sizes differ' : `${differ} pixels differ`}`);
    }
  }
} finally {
  await browser.close();
}
