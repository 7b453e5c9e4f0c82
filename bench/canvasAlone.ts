// `npx tsx bench/canvasAlone.ts`: a page with no Cellpost code that draws one canvas every animation
// frame as the tissue view does (the whole picture put with putImageData, then small bitmaps copied
// over it), with the CPU slowed as the benches slow it, traced for a while: does Chromium hand such a
// canvas over (`ProduceCanvasResource` in the commit) at a steady cost, or are some hand-overs long,
// and when? Prints the long hand-overs and main-thread tasks with when they came (s after drawing
// began), bursts of the renderer's page faults, and the CPU of every process (page, GPU, browser).
//
//   npx tsx bench/canvasAlone.ts [--seconds 65] [--rate 4] [--size 1267x452] [--draw put,sprites]
//        [--sprites 300] [--over 15] [--variants a;b] [--rounds N] [--trace PREFIX] [--categories a,b]
//        [--idle S] [--gpu] [--dev-shm] [--json FILE]
//
// --draw: what each frame draws — put (the whole ImageData), sprites (ImageBitmaps of cells), fill
// (one fillRect), text (a few fillText), strip (put only a moving 40 px band of the picture), two (a
// second canvas of the same size under the first, given the same pixels); how the context is made:
// wrf (willReadFrequently: a plain bitmap in the page's memory), desync (desynchronized); how the
// picture reaches the screen (bench/canvasAlonePage.ts): bitmap (an OffscreenCanvas handed over with
// transferToImageBitmap to a `bitmaprenderer` canvas), webgl (uploaded as a texture, one quad),
// worker (transferControlToOffscreen, drawn in a worker), pad (a store as large as the view makes it,
// object-view-box showing the part). --variants runs several, separated by `;` (e.g.
// `put,sprites;put,sprites,worker`), each in a fresh page; --rounds N repeats them, the order reversed
// every other round. --gpu starts Chromium without --disable-gpu, compositing on SwiftShader (chrome://gpu
// is read and printed first); Chromium's shared memory is in /dev/shm as the benches start it (files
// under /tmp with CELLPOST_DEV_SHM=0; --dev-shm forces /dev/shm). CPU per process is thread time: the
// page's main thread is slowed by --rate, its workers and other processes not.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { ARGS, CHROMIUM, DEFAULT_ARGS_LEFT_OUT } from '../test/e2e/browser';
import { arg, hasFlag, viewportArg } from './args';
import type { TraceEvent } from './trace';
import { mainThread, type CauseTraceEvent } from '../test/e2e/layoutCauses';
import { canvasAlonePage } from './canvasAlonePage';
import { threadCpu, type ThreadCpu } from './threadCpu';
import { faultBursts, sampleRendererFaults } from './pageFaults';

const seconds = Number(arg('seconds', '65'));
const rate = Number(arg('rate', '4'));
const [W, H] = arg('size', '1267x452').split('x').map(Number);
const variants = arg('variants', arg('draw', 'put,sprites')).split(';');
const sprites = Number(arg('sprites', '300'));
const over = Number(arg('over', '15'));

const rounds = Number(arg('rounds', '1'));
const json = arg('json', '');

/**
 * Chromium's shared memory is in /dev/shm in this run: as the benches start it (`test/e2e/browser.ts`:
 * when /dev/shm has room, unless CELLPOST_DEV_SHM=0 — run with that to see the burst), or forced by
 * --dev-shm; otherwise in files under /tmp on disk.
 */
const devShm = hasFlag('dev-shm') || DEFAULT_ARGS_LEFT_OUT.length > 0;

/** Chromium with the benches' flags, or with GPU compositing on SwiftShader (`--gpu`). */
function start(): Promise<Browser> {
  const args = hasFlag('gpu') ? [...ARGS.filter((a) => a !== '--disable-gpu'), '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] : ARGS;
  return chromium.launch({ executablePath: CHROMIUM, args, headless: true, ignoreDefaultArgs: devShm ? ['--disable-dev-shm-usage'] : [] });
}

/** chrome://gpu's lines on compositing, canvas and WebGL: whether the compositor really runs on the GPU. */
async function gpuFacts(browser: Browser): Promise<string> {
  const p = await browser.newPage();
  try {
    await p.goto('chrome://gpu');
    await p.waitForTimeout(1500);
    const text = await p.evaluate(() => {
      const host = document.querySelector('info-view');
      return (host?.shadowRoot ?? document).textContent ?? '';
    });
    const facts = ['Compositing', 'Canvas', 'WebGL', 'GL_RENDERER', 'Rasterization'].map((k) => {
      const m = new RegExp(`${k}:?\\s*([^\\n]{0,60})`).exec(text);
      return m ? `${k}: ${m[1].trim()}` : '';
    });
    return facts.filter(Boolean).join('; ') || 'chrome://gpu gave nothing readable';
  } catch (e) {
    return `chrome://gpu not readable (${String(e).slice(0, 80)})`;
  } finally {
    await p.close();
  }
}

const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
const at = (e: TraceEvent, t0: number) => Number(((e.ts - t0) / 1e6).toFixed(2));

/** A thread's top-level tasks over `over` ms of CPU: [s after drawing began, CPU ms, the costliest event inside]. */
function longTasks(events: TraceEvent[], key: string, t0: number): [number, number, string][] {
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur !== undefined && e.ts >= t0).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: [number, number, string][] = [];
  let end = -Infinity;
  for (const e of mine) {
    if (e.ts < end) continue;
    end = e.ts + e.dur!;
    if (cpu(e) <= over) continue;
    const inside = mine.filter((c) => c !== e && c.ts >= e.ts && c.ts + c.dur! <= end && !/RunTask|ThreadController|ThreadPool/.test(c.name));
    const top = inside.filter((c) => /ProduceCanvasResource|Commit|PushFrame|DispatchFrame|Paint|GC|Raster|Draw|Copy|SharedImage|Snapshot/i.test(c.name)).sort((a, b) => cpu(b) - cpu(a))[0] ?? inside.sort((a, b) => cpu(b) - cpu(a))[0];
    out.push([at(e, t0), Math.round(cpu(e)), top ? `${top.name} ${Math.round(cpu(top))}` : e.name]);
  }
  return out;
}

const browser = await start();
const lines: object[] = [];
try {
  console.log(`Chromium ${browser.version()}${hasFlag('gpu') ? ' with GPU compositing asked for (SwiftShader)' : ' as the benches start it (--disable-gpu)'}: ${await gpuFacts(browser)}`);
  for (let round = 0; round < rounds; round++) {
    // Alternate the order of the variants from round to round, so a busy stretch of the machine does not fall on one of them each time.
    const order = round % 2 ? [...variants].reverse() : variants;
    for (const v of order) {
      const draw = v.split(',');
      const context = await browser.newContext({ viewport: viewportArg() });
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
      const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'toplevel', 'disabled-by-default-v8.gc', 'cc', 'gpu', 'viz', ...arg('categories', '').split(',').filter(Boolean)] } });
      // --idle S: the page (and its renderer) sits blank S seconds before the canvas is made and drawn.
      await p.waitForTimeout(Number(arg('idle', '0')) * 1000);
      const load0 = loadavg()[0];
      await p.setContent(canvasAlonePage({ draw, width: W, height: H, sprites }));
      const sampler = await sampleRendererFaults(browser);
      await p.waitForFunction(() => (window as unknown as { frames_: number }).frames_ > 0, undefined, { polling: 100 });
      const drawingFromMs = Date.now() - sampler.started;
      const frames0 = await p.evaluate(() => (window as unknown as { frames_: number }).frames_);
      await p.waitForTimeout(seconds * 1000);
      const frames = (await p.evaluate(() => (window as unknown as { frames_: number }).frames_)) - frames0;
      const renderer = await p.evaluate(() => (window as unknown as { renderer_: string }).renderer_);
      const faultSamples = sampler.stop();
      await cdp.send('Tracing.end');
      await done;
      const trace = arg('trace', '');
      if (trace) writeFileSync(`${trace}-${draw.join('+')}-${round}.json`, JSON.stringify({ traceEvents: events }));
      const main = mainThread(events as CauseTraceEvent[]) ?? '';
      const mark = events.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string } | undefined)?.message === 'canvas-alone-start');
      const t0 = mark?.ts ?? events.filter((e) => `${e.pid}:${e.tid}` === main && e.name === 'FireAnimationFrame').reduce((m, e) => Math.min(m, e.ts), Infinity);
      const drawer = mark ? `${mark.pid}:${mark.tid}` : main;
      const end = t0 + seconds * 1e6;
      const inWindow = events.filter((e) => e.ts >= t0 && e.ts <= end);
      const mine = inWindow.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined);
      const commits = mine.filter((e) => e.name === 'Commit');
      const hand = inWindow.filter((e) => e.ph === 'X' && /ProduceCanvasResource/.test(e.name));
      const sorted = hand.map(cpu).sort((a, b) => a - b);
      const threads = threadCpu(events, t0, end);
      const pagePid = Number(main.split(':')[0]);
      const group = (t: ThreadCpu) => (Number(t.key.split(':')[0]) === pagePid ? 'page' : t.process);
      const byProcess = new Map<string, number>();
      for (const t of threads) byProcess.set(group(t), (byProcess.get(group(t)) ?? 0) + t.cpuMs);
      const total = [...byProcess.values()].reduce((a, b) => a + b, 0);
      const mainLong = longTasks(inWindow, main, t0);
      const drawerLong = drawer === main ? [] : longTasks(inWindow, drawer, t0);
      const mainCpu = threads.find((t) => t.key === main)?.cpuMs ?? 0;
      const line = {
        variant: draw.join('+'),
        round,
        gpu: hasFlag('gpu'),
        devShm,
        rate,
        size: `${W}x${H}`,
        load: [Number(load0.toFixed(1)), Number(loadavg()[0].toFixed(1))],
        frames,
        renderer,
        handOverMedianMs: Number(sorted[Math.floor(sorted.length / 2)]?.toFixed(2) ?? NaN),
        handOverLongest: Number(sorted[sorted.length - 1]?.toFixed(1) ?? NaN),
        handOversOver: hand.filter((e) => cpu(e) > over).map((e) => [at(e, t0), Math.round(cpu(e)), `${e.pid}:${e.tid}` === main ? 'main' : 'other']),
        commitsOver: commits.filter((e) => cpu(e) > over).map((e) => [at(e, t0), Math.round(cpu(e))]),
        mainTasksOver: mainLong,
        mainTasksOver50: mainLong.filter((t) => t[1] > 50).length,
        drawerTasksOver: drawerLong,
        cpuMs: { total: Math.round(total), main: Math.round(mainCpu), ...Object.fromEntries([...byProcess].map(([k, v]) => [k, Math.round(v)])) },
        faultBursts: faultBursts(faultSamples, pagePid, drawingFromMs),
        cpuPerFrameMs: { total: Number((total / frames).toFixed(2)), main: Number((mainCpu / frames).toFixed(2)) },
        topThreads: threads.slice(0, 6).map((t) => `${group(t)}/${t.thread} ${Math.round(t.cpuMs)}`),
      };
      lines.push(line);
      const short = (l: [number, number, string][]) => l.map(([s, ms, what]) => `${s} s ${ms} ms (${what})`).join(', ') || 'none';
      console.log(
        `== ${line.variant}${devShm ? ' (/dev/shm)' : ''} round ${round + 1} (load ${line.load.join('→')}): ${frames} frames in ${seconds} s; hand-overs median ${line.handOverMedianMs} ms CPU, over ${over}: ${JSON.stringify(line.handOversOver)}\n` +
          `   the page renderer's main thread's minor page faults, bursts over 200 in 250 ms [s, faults]: ${JSON.stringify(line.faultBursts)}\n` +
          `   main-thread tasks over ${over} ms CPU: ${short(mainLong)}\n` +
          (drawer === main ? '' : `   drawing thread's tasks over ${over} ms CPU: ${short(drawerLong)}\n`) +
          `   CPU ms ${JSON.stringify(line.cpuMs)}, per frame ${JSON.stringify(line.cpuPerFrameMs)}; threads ${line.topThreads.join(', ')}${renderer ? `; WebGL: ${renderer}` : ''}`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  if (json) writeFileSync(json, lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { flag: 'a' });
}
