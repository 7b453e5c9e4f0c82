// `npx tsx bench/canvasAlone.ts`: a page with no Cellpost code that draws one canvas every animation
// frame as the tissue view does (the whole picture put with putImageData, then small bitmaps copied
// over it), with the CPU slowed as the benches slow it, traced for a while: does Chromium hand such a
// canvas over (`ProduceCanvasResource` in the commit) at a steady cost, or are some hand-overs long,
// and when? Prints every commit over --over ms of CPU with when it came (s after drawing began).
//
//   npx tsx bench/canvasAlone.ts [--seconds 65] [--rate 4] [--size 1267x452] [--draw put,sprites]
//        [--sprites 300] [--over 15] [--variants a;b] [--trace PREFIX] [--categories a,b] [--idle S]
//
// --draw: what each frame draws — put (the whole ImageData), sprites (ImageBitmaps of cells), fill
// (one fillRect), text (a few fillText), strip (put only a moving 40 px band of the picture), two (a second canvas of the same size under the first, given
// the same pixels); and how the context is made: wrf (willReadFrequently: a
// plain bitmap in the page's memory), desync (desynchronized); --variants runs several, separated by `;` (e.g.
// `put,sprites;put;sprites`), each in a fresh page, one after another.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launch } from '../test/e2e/browser';
import { arg, viewportArg } from './args';
import type { TraceEvent } from './trace';
import { mainThread, type CauseTraceEvent } from '../test/e2e/layoutCauses';

const seconds = Number(arg('seconds', '65'));
const rate = Number(arg('rate', '4'));
const [W, H] = arg('size', '1267x452').split('x').map(Number);
const variants = arg('variants', arg('draw', 'put,sprites')).split(';');
const sprites = Number(arg('sprites', '300'));
const over = Number(arg('over', '15'));

/** The page: a canvas of W×H CSS px drawn every animation frame with what `draw` lists. */
const page = (draw: string[]) => `<!doctype html><html><body style="margin:0">
<canvas id="c" style="display:block;width:${W}px;height:${H}px"></canvas>${draw.includes('two') ? `<canvas id="c2" style="display:block;width:${W}px;height:${H}px"></canvas>` : ''}
<script type="module">
const draw = ${JSON.stringify(draw)};
const c = document.getElementById('c');
c.width = ${W}; c.height = ${H};
const ctx = c.getContext('2d', { alpha: false, willReadFrequently: draw.includes('wrf'), desynchronized: draw.includes('desync') });
const c2 = document.getElementById('c2');
if (c2) { c2.width = ${W}; c2.height = ${H}; }
const ctx2 = c2?.getContext('2d', { alpha: false });
const image = ctx.createImageData(${W}, ${H});
const px = new Uint32Array(image.data.buffer);
const base = new Uint32Array(px.length).fill(0xff203040);
const looks = [];
for (let i = 0; i < 12; i++) {
  const o = new OffscreenCanvas(24, 24);
  const g = o.getContext('2d', { willReadFrequently: true });
  g.fillStyle = 'hsl(' + i * 30 + ',60%,60%)'; g.beginPath(); g.arc(12, 12, 10, 0, 7); g.fill(); g.stroke();
  looks.push(o.transferToImageBitmap());
}
let seed = 1;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const cells = Array.from({ length: ${sprites} }, () => [rnd() * ${W}, rnd() * ${H}, Math.floor(rnd() * 12)]);
window.frames_ = 0;
function frame() {
  window.frames_++;
  if (draw.includes('put')) {
    px.set(base);
    for (let i = 0; i < 3000; i++) px[Math.floor(rnd() * px.length)] = 0xff00ffff;
    // strip: only a 40 px high band of the picture is put each frame (the rest stays as it was).
    if (draw.includes('strip')) ctx.putImageData(image, 0, 0, 0, (window.frames_ * 7) % ${H}, ${W}, 40);
    else ctx.putImageData(image, 0, 0);
    ctx2?.putImageData(image, 0, 0);
  }
  if (draw.includes('fill')) { ctx.fillStyle = window.frames_ % 2 ? '#234' : '#235'; ctx.fillRect(0, 0, ${W}, ${H}); }
  if (draw.includes('sprites')) for (const cell of cells) { cell[0] = (cell[0] + (rnd() < 0.5 ? -1 : 1) + ${W}) % ${W}; ctx.drawImage(looks[cell[2]], Math.round(cell[0]), Math.round(cell[1])); }
  if (draw.includes('text')) { ctx.font = '14px sans-serif'; ctx.fillStyle = '#fff'; for (let i = 0; i < 5; i++) ctx.fillText('tumour ' + i, 40 + i * 120, 30); }
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
</script></body></html>`;

const browser = await launch();
try {
  for (const v of variants) {
    const draw = v.split(',');
    const context = await browser.newContext({ viewport: viewportArg() });
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'toplevel', 'disabled-by-default-v8.gc', ...arg('categories', '').split(',').filter(Boolean)] } });
    // --idle S: the page (and its renderer) sits blank S seconds before the canvas is made and drawn.
    await p.waitForTimeout(Number(arg('idle', '0')) * 1000);
    await p.setContent(page(draw));
    await p.waitForFunction(() => (window as unknown as { frames_: number }).frames_ > 0, undefined, { polling: 'raf' });
    await p.waitForTimeout(seconds * 1000);
    await cdp.send('Tracing.end');
    await done;
    const trace = arg('trace', '');
    if (trace) writeFileSync(`${trace}-${draw.join('+')}.json`, JSON.stringify({ traceEvents: events }));
    const main = mainThread(events as CauseTraceEvent[]);
    const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined);
    const t0 = mine.filter((e) => e.name === 'FireAnimationFrame').reduce((m, e) => Math.min(m, e.ts), Infinity);
    const commits = mine.filter((e) => e.name === 'Commit' && e.ts >= t0);
    const hand = mine.filter((e) => /ProduceCanvasResource/.test(e.name) && e.ts >= t0);
    const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
    const sorted = hand.map(cpu).sort((a, b) => a - b);
    const longOnes = commits.filter((e) => cpu(e) > over);
    const tasks = mine.filter((e) => e.name === 'RunTask' && e.ts >= t0 && (e.dur! > 50_000));
    console.log(
      `== ${draw.join('+')} ${W}×${H} at ${rate}× for ${seconds} s (load ${loadavg()[0].toFixed(1)}): ${commits.length} commits, hand-overs median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(2)} ms CPU, longest ${sorted[sorted.length - 1]?.toFixed(1)}; ` +
        `${longOnes.length} commits over ${over} ms CPU at [s, CPU ms] ${JSON.stringify(longOnes.map((e) => [Number(((e.ts - t0) / 1e6).toFixed(2)), Math.round(cpu(e))]))}; ` +
        `hand-overs over ${over} ms CPU [s, CPU ms] ${JSON.stringify(hand.filter((e) => cpu(e) > over).map((e) => [Number(((e.ts - t0) / 1e6).toFixed(2)), Math.round(cpu(e))]))}; tasks over 50 ms wall: ${tasks.length}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}
