// `npx tsx bench/canvasStores.ts --cases a,b [--dist DIR] [--rate 4] [--seconds 30] [--viewport WxH]`:
// what happens to the page's canvases while a lesson plays as the bench plays it (Play pressed again
// at every stop): each new backing store (a canvas's width or height set to a new value: the next
// commit makes a new shared image), each size the stage's box and the tissue canvases get, the
// run's pauses and plays, and the long tasks, in seconds from the first picture. Prints the count
// of store sizes set after the first picture per case.
import { serveAndLaunch, throttledPage } from './throttledPages';
import { arg } from './args';
import { playFor, pressPlayIfPaused } from '../test/e2e/keepPlaying';
import { resolve } from 'node:path';
const INIT = `(() => {
  const log = (window.__watch = []);
  const t = () => Math.round(performance.now());
  for (const prop of ['width', 'height']) {
    const d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, prop);
    Object.defineProperty(HTMLCanvasElement.prototype, prop, { get() { return d.get.call(this); }, set(v) { if (this.isConnected && d.get.call(this) !== v) log.push([t(), 'store', this.id || this.className, prop, v]); d.set.call(this, v); }, configurable: true });
  }
  new PerformanceObserver((l) => { for (const e of l.getEntries()) log.push([Math.round(e.startTime), 'longtask', Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  addEventListener('DOMContentLoaded', () => {
    const ro = new ResizeObserver((es) => { for (const e of es) log.push([t(), 'size', e.target.id, Math.round(e.contentRect.width), Math.round(e.contentRect.height)]); });
    const mo = new MutationObserver(() => { const b = document.querySelector('#play'); if (b && b.dataset.state !== window.__ps) { window.__ps = b.dataset.state; log.push([t(), 'play', b.dataset.state]); } for (const id of ['canvas-box', 'view-canvas', 'sbs-canvas']) { const el = document.getElementById(id); if (el && !el.__w) { el.__w = 1; ro.observe(el); } } });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
})();`;
const { base, browser, close } = await serveAndLaunch(resolve(arg('dist', 'dist')));
for (const c of arg('cases', 'block-release').split(',')) {
  const { p } = await throttledPage(browser, Number(arg('rate', '4')));
  await p.addInitScript(INIT);
  await p.goto(base + `?lesson=${c}`);
  const first = (await (await p.waitForFunction(() => window.cellpost?.ready() && performance.now(), undefined, { timeout: 120_000, polling: 'raf' })).jsonValue()) as number;
  await pressPlayIfPaused(p);
  await playFor(p, Number(arg('seconds', '30')) + 1);
  const log = (await p.evaluate(() => (window as unknown as { __watch: unknown[][] }).__watch)) as (string | number)[][];
  console.log(`== ${c} first picture ${Math.round(first)} ms`);
  for (const e of log) console.log(`  ${((Number(e[0]) - first) / 1000).toFixed(2)} ${e.slice(1).join(' ')}`);
  const after = log.filter((e) => e[1] === 'store' && Number(e[0]) > first);
  console.log(`  store sizes set after the first picture (a width or a height): ${after.length} (${[...new Set(after.map((e) => e[2]))].join(', ') || 'none'})`);
  await p.context().close();
}
await close();
