// `npx tsx bench/boxResizes.ts`: which of the page's boxes change size while a lesson plays, and
// when: a ResizeObserver (installed before the page's own scripts) on the lesson's grid, the stage,
// the side column, the prompt card, the charts' column, each chart's box, chart and SVG, and the
// charts' keys, logs every size change after the first picture; Play is pressed again at each stop.
//
//   npx tsx bench/boxResizes.ts [--dists A,B] [--cases a,b] [--rate 4] [--seconds 30] [--viewport WxH]
//
// A chart that redraws mid-run (its `resized()`) is one whose box changed: this says which box
// moved first and with what (a card's step, a legend, the band under the strip).
import { forEachLessonPage } from './throttledPages';
import { arg } from './args';
import { pressPlayIfPaused } from '../test/e2e/keepPlaying';

const dists = arg('dists', '/tmp/main-dist').split(',');
const cases = arg('cases', 'block-release,calm-inflammation,organ-address').split(',');
const rate = Number(arg('rate', '4'));
const seconds = Number(arg('seconds', '30'));

/** The boxes watched, by a selector that names them in the output. */
const WATCHED = ['.lesson', '#canvas-box', '.side', '.side-col', '#prompt', '.charts', '.chart-box', '.cpv-chart', '.cpv-fill > svg', '.cpv-keys', '.strip-room', '.interventions-panel'];

const INIT = `(() => {
  const log = (window.__boxLog = []);
  const names = new Map();
  const last = new Map();
  const ro = new ResizeObserver((entries) => {
    for (const e of entries) {
      const w = Math.round(e.contentRect.width * 10) / 10, h = Math.round(e.contentRect.height * 10) / 10;
      const k = w + 'x' + h;
      if (last.get(e.target) === k) continue;
      const first = !last.has(e.target);
      last.set(e.target, k);
      if (!first) log.push([Math.round(performance.now()), names.get(e.target), k]);
    }
  });
  const scan = () => {
    for (const sel of ${JSON.stringify(WATCHED)})
      document.querySelectorAll(sel).forEach((el, i) => {
        if (names.has(el)) return;
        names.set(el, sel + '#' + i + (el.closest('[data-chart]')?.getAttribute('data-chart') ?? ''));
        ro.observe(el);
      });
  };
  // The card's step and the side column's fold, logged on the same clock as the sizes.
  let stepWatched = false;
  const watchStep = () => {
    const card = document.getElementById('prompt');
    const side = document.querySelector('.side');
    if (stepWatched || !card || !side) return;
    stepWatched = true;
    new MutationObserver(() => log.push([Math.round(performance.now()), 'card step', card.dataset.step + (card.hidden ? ' (hidden)' : '')])).observe(card, { attributes: true, attributeFilter: ['data-step', 'hidden'] });
    new MutationObserver(() => log.push([Math.round(performance.now()), 'side', side.classList.contains('fold-interventions') ? 'folded' : 'unfolded'])).observe(side, { attributes: true, attributeFilter: ['class'] });
  };
  setInterval(() => { scan(); watchStep(); }, 500);
})();`;

await forEachLessonPage({ dists, cases, rounds: 1, rate, query: 'quality=full', init: INIT }, async ({ p }, at) => {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await p.waitForTimeout(250);
    await pressPlayIfPaused(p);
  }
  const log = (await p.evaluate(() => (window as unknown as { __boxLog: [number, string, string][] }).__boxLog)) as [number, string, string][];
  console.log(`== ${at.c} · ${at.dist} (first picture ${Math.round(at.firstPictureMs)} ms)`);
  for (const [t, name, size] of log) if (t > at.firstPictureMs) console.log(`  ${((t - at.firstPictureMs) / 1000).toFixed(2)} s ${name} → ${size}`);
});
