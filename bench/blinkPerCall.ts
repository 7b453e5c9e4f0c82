// `npx tsx bench/blinkPerCall.ts`: how much of Blink's heap (Oilpan: the objects a page's DOM, events
// and canvas calls make) and of V8's heap one call of each canvas and messaging operation the tissue
// view makes leaves behind, in a blank page of Chromium. Every call's garbage brings the page's next
// major collection nearer (docs/performance.md, "What brings the major collections"): a view that
// makes hundreds of such calls a frame makes its garbage in proportion.
//
//   npx tsx bench/blinkPerCall.ts [--calls 5000]
//
// Each operation runs --calls times in one task after two forced collections; the heaps are read
// with the DevTools protocol's Runtime.getHeapUsage (embedderHeapUsedSize: Blink's heap) before and
// 200 ms after. A negative figure means a collection ran meanwhile: run again.
import { launch } from '../test/e2e/browser';
import { arg } from './args';

const calls = Number(arg('calls', '5000'));
if (!(calls >= 100 && calls <= 1_000_000)) throw new Error('--calls must be a number from 100 to 1000000');

/** The operations, as source text run in the page (a 1267×452 canvas, a 20 px bitmap, an ImageData of the canvas's size). */
const SETUP = `(() => {
  const c = document.createElement('canvas');
  c.width = 1267;
  c.height = 452;
  document.body.append(c);
  const ctx = c.getContext('2d', { alpha: false });
  const off = new OffscreenCanvas(20, 20);
  const octx = off.getContext('2d', { willReadFrequently: true });
  octx.fillRect(0, 0, 20, 20);
  const bitmap = off.transferToImageBitmap();
  const image = new ImageData(1267, 452);
  const channel = new MessageChannel();
  window.ops = {
    'nothing (the loop alone)': () => {},
    'drawImage(bitmap, x, y)': () => ctx.drawImage(bitmap, 10, 10),
    'drawImage(bitmap, 9 numbers)': () => ctx.drawImage(bitmap, 0, 0, 20, 20, 10, 10, 20, 20),
    'fillRect': () => ctx.fillRect(10, 10, 5, 5),
    'beginPath, arc, fill': () => { ctx.beginPath(); ctx.arc(50, 50, 5, 0, 6.28); ctx.fill(); },
    'setTransform': () => ctx.setTransform(1, 0, 0, 1, 0, 0),
    'fillStyle = the same colour': () => { ctx.fillStyle = '#3a7bd5'; },
    'font = another size': (i) => { ctx.font = (i & 1) ? '12px sans-serif' : '13px sans-serif'; },
    'putImageData (1267×452)': () => ctx.putImageData(image, 0, 0),
    'postMessage(0)': () => channel.port2.postMessage(0),
    'postMessage(64 B buffer, moved)': () => { const b = new ArrayBuffer(64); channel.port2.postMessage(b, [b]); },
  };
})()`;

const browser = await launch();
try {
  const p = await browser.newPage();
  const cdp = await p.context().newCDPSession(p);
  await p.evaluate(SETUP);
  const names = await p.evaluate<string[]>('Object.keys(window.ops)');
  const usage = async () => (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize: number };
  // The page's own start-up garbage settles first (else the first row carries it).
  await p.waitForTimeout(500);
  console.log(`| operation | calls | Blink's heap, bytes a call | V8's heap, bytes a call |\n|---|---|---|---|`);
  for (const name of names) {
    // putImageData copies the whole picture: fewer calls keep the row short.
    const n = name.startsWith('putImageData') ? Math.max(100, Math.round(calls / 25)) : calls;
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const before = await usage();
    await p.evaluate(`(() => { const f = window.ops[${JSON.stringify(name)}]; for (let i = 0; i < ${n}; i++) f(i); })()`);
    await p.waitForTimeout(200);
    const after = await usage();
    const per = (a: number, b: number) => ((b - a) / n).toFixed(1);
    console.log(`| ${name} | ${n} | ${per(before.embedderHeapUsedSize, after.embedderHeapUsedSize)} | ${per(before.usedSize, after.usedSize)} |`);
  }
} finally {
  await browser.close();
}
