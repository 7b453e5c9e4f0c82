// `npx tsx bench/mutations.ts`: what in the page's DOM changes while a lesson plays at 1×: every
// mutation (attributes, text, children) counted per element for --seconds of play, the elements
// changed most often first. Each change can restyle its element (a new computed style in Blink's
// heap) and lay it out again, so a part written every frame is garbage and work every frame.
//
//   npx tsx bench/mutations.ts [--dist DIR] [--cases a,b] [--seconds 10] [--top 25]
import { resolve } from 'node:path';
import { playFor } from '../test/e2e/keepPlaying';
import { serveAndLaunch, throttledPage } from './throttledPages';
import { arg, caseSearch } from './args';

const dist = resolve(process.cwd(), arg('dist', 'dist'));
const cases = arg('cases', 'block-release').split(',');
const seconds = Number(arg('seconds', '10'));
const top = Number(arg('top', '25'));

/** Counts each mutation by its kind and the element it changed (with two of its ancestors). */
const WATCH = `(() => {
  const counts = new Map();
  const name = (n) => {
    const e = n.nodeType === 1 ? n : n.parentElement;
    if (!e) return '?';
    const parts = [];
    for (let x = e, i = 0; x && i < 3; x = x.parentElement, i++) parts.unshift(x.tagName.toLowerCase() + (x.id ? '#' + x.id : '') + (x.classList.length ? '.' + [...x.classList].slice(0, 2).join('.') : ''));
    return parts.join(' > ');
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const key = r.type + (r.attributeName ? '[' + r.attributeName + ']' : '') + ' ' + name(r.target);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }).observe(document.body, { subtree: true, attributes: true, characterData: true, childList: true });
  window.mutationCounts = counts;
})()`;

const { base, browser, close } = await serveAndLaunch(dist);
try {
  for (const c of cases) {
    const { p } = await throttledPage(browser, 1);
    await p.goto(new URL(caseSearch(c), base).href);
    await p.waitForFunction(() => (window as unknown as { cellpost?: { tick(): number } }).cellpost !== undefined);
    await playFor(p, 1.5);
    // As source text: the page runs it as it is (a function passed from here would carry tsx's helpers).
    await p.evaluate(WATCH);
    const tick0 = await p.evaluate(() => (window as unknown as { cellpost: { tick(): number } }).cellpost.tick());
    await playFor(p, seconds);
    const tick1 = await p.evaluate(() => (window as unknown as { cellpost: { tick(): number } }).cellpost.tick());
    const rows = await p.evaluate<[string, number][]>('[...window.mutationCounts].sort((a, b) => b[1] - a[1])');
    const total = rows.reduce((s, [, n]) => s + n, 0);
    console.log(`== ${c}: ${seconds} s of play (ticks ${tick0} → ${tick1}), ${total} mutations (${(total / seconds).toFixed(1)}/s)`);
    for (const [k, n] of rows.slice(0, top)) console.log(`${String(n).padStart(6)}  ${(n / seconds).toFixed(1).padStart(6)}/s  ${k}`);
    await p.context().close();
  }
} finally {
  await close();
}
