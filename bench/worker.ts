// `npx tsx bench/worker.ts`: where the engine worker's time goes while a case plays in Chromium.
// CPU time of the worker and the page's main thread from Chromium's trace (thread time: other
// programs on a crowded machine do not inflate it), per engine step; the worker's own section
// timers (workers/workTimes.ts: stepping, timeline, frames, snapshots, idle); and with --profile
// the worker's JavaScript functions by self and inclusive time (CDP Profiler on the worker target).
//
// Flags: --dist a,b     builds to serve, one after the other in each round (compare before and after)
//        --case C       bench1M (default), bench100k or a lesson id   --rate N  CPU slowdown of the page
//        --seconds N    how long to measure (default 10), after --warm N s of play (default 3)
//        --rounds N     repeat the builds in turn (default 1)   --profile  the worker's JS profile
//        --query a=b    more URL parameters (quality=full, redraw=0), or --queries 'a=b,c=d' to
//                       alternate several within each round (each build × each query)
// Served with `vite preview` on CELLPOST_BENCH_PORT (default 4214).
import { resolve } from 'node:path';
import { preview } from 'vite';
import type { CDPSession } from 'playwright-core';
import { launch } from '../test/e2e/browser';
import { sampleTimes, type Profile } from './trace';
import { caseSearch } from './args';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const dists = arg('dist', 'dist').split(',').map((d) => resolve(process.cwd(), d));
const c = arg('case', 'bench1M');
const queries = argv.includes('--queries') ? arg('queries', '').split(',') : [arg('query', '')];
const rate = Number(arg('rate', '1'));
const seconds = Number(arg('seconds', '10'));
const warm = Number(arg('warm', '3'));
const rounds = Number(arg('rounds', '1'));
const withProfile = argv.includes('--profile');
const port = Number(process.env.CELLPOST_BENCH_PORT ?? 4214);

interface TraceEvent {
  name: string;
  ph: string;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Talks to the engine worker's own target over the page's session (Target.sendMessageToTarget). */
function workerChannel(cdp: CDPSession) {
  let session = '';
  let id = 1;
  const waiting = new Map<number, (v: unknown) => void>();
  cdp.on('Target.attachedToTarget', (e: { sessionId: string; targetInfo: { type: string; title: string; url: string } }) => {
    if (e.targetInfo.type === 'worker' && /engine/.test(e.targetInfo.title + e.targetInfo.url)) session = e.sessionId;
  });
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    if (m.id !== undefined && waiting.has(m.id)) {
      waiting.get(m.id)!(m.result ?? m.error);
      waiting.delete(m.id);
    }
  });
  return {
    attach: () => cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false }),
    send: (method: string, params: object = {}) =>
      new Promise<unknown>((ok) => {
        const i = id++;
        waiting.set(i, ok);
        void cdp.send('Target.sendMessageToTarget', { sessionId: session, message: JSON.stringify({ id: i, method, params }) });
      }),
  };
}

function topFunctions(p: Profile, top = 15): string[] {
  const { self, total, allMs: all } = sampleTimes(p);
  const rows = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${((100 * v) / all).toFixed(1)}% ${k}`);
  return ['self:', ...rows(self), 'inclusive:', ...rows(total)];
}

const browser = await launch();
try {
  for (let round = 0; round < rounds; round++)
    for (const dist of dists)
      for (const query of queries) {
      const search = caseSearch(c, query);
      const server = await preview({ build: { outDir: dist }, preview: { port, strictPort: true, open: false }, logLevel: 'silent' });
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      const worker = workerChannel(cdp);
      if (withProfile) await worker.attach();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await p.goto(`http://localhost:${port}/${search}`);
      await p.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 120_000, polling: 'raf' });
      const keepPlaying = () =>
        p.evaluate(() => {
          const b = document.querySelector<HTMLButtonElement>('#play');
          if (b && b.dataset.state !== 'playing') b.click();
        });
      await keepPlaying();
      await p.waitForTimeout(warm * 1000);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
      const traced = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] } });
      if (withProfile) {
        await worker.send('Profiler.enable');
        await worker.send('Profiler.setSamplingInterval', { interval: 500 });
        await worker.send('Profiler.start');
      }
      await p.evaluate(() => window.cellpost.workTimes?.());
      const tick0 = await p.evaluate(() => window.cellpost.tick());
      const t0 = Date.now();
      const fps: number[] = [];
      while (Date.now() - t0 < seconds * 1000) {
        await p.waitForTimeout(500);
        await keepPlaying();
        fps.push(await p.evaluate(() => window.cellpost.stats().drawFps));
      }
      const tick1 = await p.evaluate(() => window.cellpost.tick());
      const wall = Date.now() - t0;
      const work = await p.evaluate(() => window.cellpost.workTimes?.() ?? null);
      const profile = withProfile ? ((await worker.send('Profiler.stop')) as { profile: Parameters<typeof topFunctions>[0] }).profile : null;
      await cdp.send('Tracing.end');
      await traced;
      const names = new Map<string, string>();
      for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
      const cpu = new Map<string, number>();
      for (const e of events)
        if (e.ph === 'X' && e.name === 'RunTask' && e.tdur !== undefined) {
          const name = names.get(`${e.pid}:${e.tid}`) ?? '';
          if (name === 'DedicatedWorker thread' || name === 'CrRendererMain') cpu.set(name, (cpu.get(name) ?? 0) + e.tdur / 1000);
        }
      const steps = tick1 - tick0;
      const per = (ms: number | undefined) => +((ms ?? 0) / Math.max(1, steps)).toFixed(1);
      fps.sort((a, b) => a - b);
      const row = {
        dist,
        case: c,
        query,
        rate,
        steps,
        stepsPerSecond: +((steps * 1000) / wall).toFixed(2),
        drawFpsMedian: fps[fps.length >> 1],
        workerCpuMsPerStep: per(cpu.get('DedicatedWorker thread')),
        pageCpuMsPerStep: per(cpu.get('CrRendererMain')),
        worker: work,
      };
      console.log(JSON.stringify(row));
      if (profile) for (const l of topFunctions(profile)) console.log(`  ${l}`);
      await context.close();
      await server.close();
      }
} finally {
  await browser.close();
}
