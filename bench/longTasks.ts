// `npx tsx bench/longTasks.ts`: every long main-thread task of a lesson played as bench:browser plays
// it (Play pressed again at each stop, the page's stats polled every 250 ms, the heap read at the
// end), each with its cause, read from Chromium's trace of the whole window and a second after it.
//
//   npx tsx bench/longTasks.ts [--dists A,B] [--cases a,b] [--rounds 3] [--rate 4] [--seconds 30]
//        [--wall 40] [--cpu 30] [--no-js] [--interval µs] [--json FILE] [--trace PREFIX] [--query a=b]
//   npx tsx bench/longTasks.ts --from FILE[,FILE…]   (the table of causes of runs saved with --json)
//
// For every task over --wall ms of wall time or --cpu ms of CPU (thread time) it prints when it fell
// (ms after the first picture, as bench:browser's `longTasks`), wall and CPU ms, whether it fell in
// bench:browser's window and its longtask observer saw it, the run's clock, a stop (Play found paused
// at a poll within 300 ms), the task's parts by kind (script, style, layout, paint, commit, the canvas hand-over
// `ProduceCanvasResource`, collections, compiling, worker messages: CPU ms, nested kinds overlap),
// the trace events and JS functions that took most of it, where it was posted, and a cause (the kind
// that took most of its CPU); the tasks long in wall time only (other programs) in one line. At the end,
// per build, how often each cause came over --cpu ms of CPU, its CPU and when. Each run's first lines
// also give the canvases' hand-overs to the compositor: how many, their median CPU and the long ones.
// `--json FILE` appends a line per task (for tables over many runs). Builds default to /tmp/main-dist;
// a build made with `--minify false` names the functions. Served on CELLPOST_BENCH_PORT (default 4214).
import { appendFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { forEachLessonPage } from './throttledPages';
import { LONGTASKS } from './longtaskObserver';
import { arg, hasFlag } from './args';
import { pressPlayIfPaused } from '../test/e2e/keepPlaying';
import { sampleTimes, type Profile, type TraceEvent } from './trace';
import { taskCause, type PageLog } from './taskCauses';
import { printCauses, readFoundTasks, type FoundTask } from './causeTable';
import { mainThread, type CauseTraceEvent } from '../test/e2e/layoutCauses';

const dists = arg('dists', '/tmp/main-dist').split(',');
const cases = arg('cases', 'block-release,calm-inflammation').split(',');
const rounds = Number(arg('rounds', '1'));
const rate = Number(arg('rate', '4'));
const seconds = Number(arg('seconds', '30'));
const overWall = Number(arg('wall', '40'));
const overCpu = Number(arg('cpu', '30'));
const js = !hasFlag('no-js');
const json = arg('json', '');
// --from FILE,…: only print the table of causes of saved runs (--json lines).
if (arg('from', '')) {
  printCauses(readFoundTasks(arg('from', '').split(',')), overCpu);
  process.exit(0);
}
const tracePrefix = arg('trace', '');


const all: FoundTask[] = [];
await forEachLessonPage({ dists, cases, rounds, rate, query: arg('query', ''), init: LONGTASKS }, async ({ p, cdp }, { c, dist, round, firstPictureMs }) => {
  await cdp.send('HeapProfiler.enable').catch(() => {}); // as bench:browser
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
  const traceDone = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await pressPlayIfPaused(p);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'toplevel', 'disabled-by-default-v8.gc', 'blink', ...arg('categories', '').split(',').filter(Boolean)] },
  });
  if (js) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(arg('interval', '500')) });
    await cdp.send('Profiler.start');
  }
  // The trace's clock against the page's: a mark seen by both.
  const zeroPage = await p.evaluate(() => performance.mark('hunt:zero').startTime);
  // bench:browser's window and polls, as it runs them.
  await p.waitForTimeout(1000);
  const startAt = await p.evaluate(() => performance.now());
  const clocks: [number, string][] = [];
  const play: [number, string][] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await p.waitForTimeout(250);
    // As pressPlayIfPaused, in the same one call, noting Play's state as found (a stop shows as `paused`).
    play.push(
      await p.evaluate(() => {
        const b = document.querySelector<HTMLButtonElement>('#play');
        const state = b?.dataset.state ?? '';
        if (b && state !== 'playing') b.click();
        return [performance.now(), state] as [number, string];
      }),
    );
    clocks.push(
      await p.evaluate(() => {
        window.cellpost.stats();
        return [performance.now(), document.querySelector('#clock')?.textContent ?? ''] as [number, string];
      }),
    );
  }
  const windowEnd = await p.evaluate(() => performance.now());
  await p.evaluate(() => window.cellpost.tick());
  await p.evaluate(() => window.cellpost.workTimes?.() ?? null);
  await cdp.send('Runtime.getHeapUsage');
  await p.waitForTimeout(1000);
  const profile = js ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile : null;
  await cdp.send('Tracing.end');
  await traceDone;
  if (tracePrefix) writeFileSync(`${tracePrefix}-${c}-${basename(dist)}-${round}.json`, JSON.stringify({ traceEvents: events }));
  const longtasks = (await p.evaluate('window.__longtasks')) as [number, number][];
  const zero = events.find((e) => e.name === 'hunt:zero');
  if (!zero) throw new Error('the trace holds no hunt:zero mark (is blink.user_timing traced?)');
  const log: PageLog = { firstPictureMs, startAt, windowEnd, clocks, play, longtasks, toPage: (ts) => zeroPage + (ts - zero.ts) / 1000 };
  const main = mainThread(events as CauseTraceEvent[]);
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const samples = profile ? (keep: (t: number) => boolean) => sampleTimes(profile, keep) : null;
  const long = onMain.filter((e) => e.name === 'RunTask' && (e.dur! > overWall * 1000 || (e.tdur ?? 0) > overCpu * 1000));
  const commits = onMain.filter((e) => e.name === 'Commit').length;
  const cpu = onMain.filter((e) => e.name === 'RunTask').reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0);
  const load = Number(loadavg()[0].toFixed(1));
  // The canvases' hand-overs to the compositor: their usual cost and the long ones (Chromium's, every ~32 s of drawing).
  const hand = onMain.filter((e) => /ProduceCanvasResource/.test(e.name)).map((e) => [Math.round(log.toPage(e.ts) - firstPictureMs), (e.tdur ?? 0) / 1000]);
  const handMs = hand.map(([, ms]) => ms).sort((a, b) => a - b);
  const handLine = `${hand.length} canvas hand-overs, median ${(handMs[Math.floor(handMs.length / 2)] ?? 0).toFixed(2)} ms CPU, over 20 ms at [ms after the first picture, CPU ms] ${JSON.stringify(hand.filter(([, ms]) => ms > 20).map(([t, ms]) => [t, Math.round(ms)]))}`;
  console.log(`\n== ${c} · ${basename(dist)} · round ${round + 1} at ${rate}× (load ${load}): first picture ${Math.round(firstPictureMs)} ms; ${commits} commits, main thread ${cpu.toFixed(0)} ms CPU; ${long.length} tasks over ${overWall} ms wall or ${overCpu} ms CPU; the observer saw ${longtasks.filter(([t]) => t >= startAt && t < windowEnd).length} over 50 ms in the window`);
  console.log(`  ${handLine}`);
  const wallOnly: string[] = [];
  for (const task of long) {
    const t = taskCause(task, onMain, log, samples);
    all.push({ ...t, build: basename(dist), c, round });
    if (json) appendFileSync(json, JSON.stringify({ build: basename(dist), c, round, load, ...t }) + '\n');
    // Long in wall time only: the machine's other programs, not the page's work (one line for all).
    if (t.cpuMs <= overCpu) {
      wallOnly.push(`[${t.atMs}, ${t.wallMs}, ${t.cpuMs}, ${t.cause}]`);
      continue;
    }
    console.log(`  ${t.atMs} ms: ${t.wallMs} wall / ${t.cpuMs} CPU ms${t.inWindow ? '' : ' (outside the window)'}${t.observed ? ', observed' : ''}; clock ${t.clock}${t.playNear ? `; ${t.playNear}` : ''} → ${t.cause}`);
    console.log(`    parts: ${t.parts}${t.layouts ? ` (${t.layouts})` : ''}`);
    console.log(`    events: ${t.events}${t.postedBy ? `; posted by ${t.postedBy}` : ''}`);
    if (t.js) console.log(`    JS: ${t.js}`);
  }
  if (wallOnly.length) console.log(`  over ${overWall} ms wall with ${overCpu} ms CPU or less ([ms after the first picture, wall, CPU, cause]): ${wallOnly.join(' ')}`);
});

printCauses(all, overCpu);
