// `npx tsx bench/profile.ts`: where the page's main thread spends its time, per case, measured with
// Chromium's own profiler (CDP Profiler + Tracing) rather than wall clock, so a crowded machine
// changes the totals but hardly the shares. Prints the top functions by self time and the top
// trace events (script, style, layout, paint) while the run plays, and optionally during load.
//
// Flags: --cases a,b  lesson ids, bench100k, bench1M (default block-release,calm-inflammation,organ-address)
//        --rate N     CPU slowdown (default 4)     --seconds N  how long to profile the run (default 8)
//        --dist DIR   the build to serve (default dist; a build with --minify false names functions)
//        --load       profile from navigation to 2 s after the first picture instead of the running page
//                     (also prints the main thread's and the workers' CPU before the first picture)
//        --trace PREFIX  write each case's trace (PREFIX-case.json, for chrome://tracing); --categories a,b  more trace categories
//        --no-js      no JS sampling profile (it costs the page time of its own); --interval µs  its sampling interval (default 200)
//        --cpuprofile PREFIX  write the JS profile (PREFIX-case.cpuprofile)
//        --explain N  break down the N longest tasks (default 5): nested events, JS sampled in each, and
//                     where the task was posted (the scheduler's src_func and src_file: a task with no part
//                     over 2 ms is still named, e.g. Oilpan's IncrementalSweepTask after a major GC);
//                     --after-picture  with --load, only those after the first picture
//        --after MS   with --load, how long to trace after the first picture (default 2000)
//        --play       with --load, press Play at the first picture and keep the run playing (as the bench does),
//                     so the work put off until after the first picture is measured beside the frames of play
//        --query a=b  more URL parameters (quality=full keeps the drawing quality fixed, for before/after on a busy machine)
//        --top N      rows per table (default 25)   --screenshot PREFIX  a picture of each case at its end
//        --invalidations [MS]  record what dirtied each layout and print the layouts over MS ms of CPU with their
//                     causes (nodes, reasons, the script that wrote them; bench/layoutCauses.ts), and the count,
//                     total and longest of Layout and UpdateLayoutTree
import { resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { playFor, pressPlayIfPaused } from '../test/e2e/keepPlaying';
import { serveAndLaunch, throttledPage } from './throttledPages';
import { arg, caseSearch, hasFlag } from './args';
import { sampleTimes, type Profile, type TraceEvent } from './trace';
import { cpuOf, printFrameLayouts, printLayoutCauses } from './layoutCauses';
import { LAYOUT_CAUSE_CATEGORIES, mainThread, type CauseTraceEvent } from '../test/e2e/layoutCauses';

const cases = arg('cases', 'block-release,calm-inflammation,organ-address').split(',');
const rate = Number(arg('rate', '4'));
const seconds = Number(arg('seconds', '8'));
const top = Number(arg('top', '25'));
const atLoad = hasFlag('load');
const dist = resolve(process.cwd(), arg('dist', 'dist'));
const query = arg('query', '');
const search = (c: string) => caseSearch(c, query);
// --invalidations [MS]: the threshold is optional (4 ms when the next word is another flag).
const invalidations = hasFlag('invalidations') ? Number(/^\d/.test(arg('invalidations', '')) ? arg('invalidations', '4') : '4') : null;

/** What the longest tasks were made of: the events nested in each and the JS functions sampled in it. */
function explainLongTasks(events: TraceEvent[], mainKey: string | undefined, p: Profile | null, count: number): void {
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === 'X' && e.dur !== undefined);
  // Each task's start, after the first picture's mark when the trace holds it (--load), else after the trace's start.
  const picture = events.find((e) => e.name === 'cellpost:first-picture');
  // --after-picture: only the tasks after the first picture (the work put off until then).
  const from = picture && hasFlag('after-picture') ? picture.ts : -Infinity;
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts >= from).sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, count);
  // A loop, not Math.min(...): a 20 s trace holds more events than a call's arguments may.
  const zero = picture?.ts ?? events.reduce((m, e) => (e.ts > 0 && e.ts < m ? e.ts : m), Infinity);
  const since = picture ? 'the first picture' : 'the trace start';
  console.log(`  the ${tasks.length} longest tasks by CPU time (wall ms / CPU ms, start after ${since}), their parts and the JS sampled in them:`);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const parts = new Map<string, number>();
    let postedBy = '';
    for (const e of onMain) {
      if (e === task || e.ts < task.ts || e.ts + e.dur! > end || e.name === 'RunTask') continue;
      // The scheduler's own wrapper of the task: it names where the task was posted, not a part of it.
      if (e.name === 'ThreadControllerImpl::RunTask') {
        if (!postedBy) postedBy = e.args?.src_func ? `${e.args.src_func.replace(/\(.*$/, '').split(' ').pop()} (${e.args.src_file ?? '?'})` : '';
        continue;
      }
      if (e.dur! < 2000) continue;
      const what = e.args?.data?.functionName ? `${e.name}(${e.args.data.functionName})` : e.args?.data?.type ? `${e.name}(${e.args.data.type})` : e.name;
      parts.set(what, Math.max(parts.get(what) ?? 0, e.dur! / 1000));
    }
    const { self, total: incl, allMs: sampled } = p ? sampleTimes(p, (t) => t >= task.ts && t <= end) : { self: new Map<string, number>(), total: new Map<string, number>(), allMs: 0 };
    const fmt = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${n} ${v.toFixed(1)}`).join('; ');
    console.log(`    ${(task.dur! / 1000).toFixed(0)} / ${((task.tdur ?? 0) / 1000).toFixed(0)} ms at ${((task.ts - zero) / 1000).toFixed(0)} ms: ${fmt(parts, 8)}${postedBy ? `; posted by ${postedBy}` : ''}`);
    if (sampled > 0) {
      console.log(`      JS self: ${fmt(self, 6)}`);
      console.log(`      JS incl: ${fmt(incl, 10)}`);
    }
  }
}

function printTop(title: string, m: Map<string, number>, allMs: number, counts?: Map<string, number>): void {
  console.log(`  ${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const n = counts?.get(k);
    const each = n ? `  ×${n}, ${(v / n).toFixed(2)} ms each` : '';
    console.log(`    ${v.toFixed(0).padStart(7)} ms ${((100 * v) / allMs).toFixed(1).padStart(5)}%  ${k}${each}`);
  }
}

const { base, browser, close } = await serveAndLaunch(dist);
try {
  for (const c of cases) {
    const { context, p, cdp } = await throttledPage(browser, rate);
    const jsProfile = !hasFlag('no-js');
    if (jsProfile) await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: Number(arg('interval', '200')) });
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
    const traceDone = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    const startTrace = () =>
      cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'toplevel', 'disabled-by-default-v8.gc', ...(invalidations !== null ? LAYOUT_CAUSE_CATEGORIES : []), ...arg('categories', '').split(',').filter(Boolean)] } });
    if (atLoad) {
      await startTrace();
      if (jsProfile) await cdp.send('Profiler.start');
    }
    const t0 = Date.now();
    await p.goto(base + search(c));
    await p.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 120_000, polling: 'raf' });
    const firstMs = Date.now() - t0;
    // Work the page put off until after its first picture (the charts) still counts as loading.
    const afterMs = Number(arg('after', '2000'));
    if (atLoad && hasFlag('play')) {
      await pressPlayIfPaused(p);
      await playFor(p, afterMs / 1000);
    }
    else if (atLoad) await p.waitForTimeout(afterMs);
    if (!atLoad) {
      await p.evaluate(() => document.querySelector<HTMLButtonElement>('#play')?.click());
      await p.waitForTimeout(1500);
      await startTrace();
      if (jsProfile) await cdp.send('Profiler.start');
      await playFor(p, seconds);
    }
    const profile = jsProfile ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile : null;
    await cdp.send('Tracing.end');
    await traceDone;
    const stats = (await p.evaluate(() => window.cellpost.stats())) as unknown as Record<string, unknown>;
    const cpuFile = arg('cpuprofile', '');
    if (cpuFile && profile) writeFileSync(`${cpuFile}-${c}.cpuprofile`, JSON.stringify(profile));
    const traceFile = arg('trace', '');
    if (traceFile) writeFileSync(`${traceFile}-${c}.json`, JSON.stringify({ traceEvents: events }));
    const shot = arg('screenshot', '');
    if (shot) await p.screenshot({ path: `${shot}-${c}.png` });
    // The page's main thread: the busiest renderer main thread (the picker the browser checks use).
    const mainKey = mainThread(events as CauseTraceEvent[]);
    const byName = new Map<string, number>();
    const cpuByName = new Map<string, number>();
    const counts = new Map<string, number>();
    const longTasks: number[] = [];
    const longCpu: number[] = [];
    for (const e of events) {
      if (`${e.pid}:${e.tid}` !== mainKey || e.ph !== 'X' || e.dur === undefined) continue;
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
      counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
      cpuByName.set(e.name, (cpuByName.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
      if (e.name === 'RunTask' && e.dur > 50_000) longTasks.push(Math.round(e.dur / 1000));
      if (e.name === 'RunTask' && (e.tdur ?? 0) > 10_000) longCpu.push(Math.round((e.tdur ?? 0) / 1000));
    }
    const wall = atLoad ? firstMs + afterMs : seconds * 1000;
    console.log(`\n== ${c} at ${rate}×, ${atLoad ? 'load' : `${seconds} s of play`} (first picture ${firstMs} ms wall) drawFps ${String(stats.drawFps)} quality ${String(stats.quality)}`);
    const busy = byName.get('RunTask') ?? 0;
    console.log(`  main thread busy ${busy.toFixed(0)} ms of ${wall} ms wall (${((100 * busy) / wall).toFixed(0)}%); tasks > 50 ms: ${longTasks.sort((a, b) => b - a).slice(0, 12).join(', ') || 'none'}`);
    printTop('trace events by name (inclusive ms; nested events overlap)', byName, busy, counts);
    const cpu = cpuByName.get('RunTask') ?? 0;
    const frames = counts.get('Commit') ?? 0;
    console.log(`  main thread CPU time (thread time: other programs do not inflate it, the CPU throttling does): ${cpu.toFixed(0)} ms; ${frames} commits, ${(cpu / Math.max(1, frames)).toFixed(2)} ms CPU per commit`);
    console.log(`  style and layout: ${cpuOf(events as CauseTraceEvent[], mainKey, 'UpdateLayoutTree')}; ${cpuOf(events as CauseTraceEvent[], mainKey, 'Layout')}`);
    printFrameLayouts(events as CauseTraceEvent[]);
    console.log(`  longest tasks by CPU time (ms): ${longCpu.sort((a, b) => b - a).slice(0, 8).join(', ') || 'none over 10 ms'}`);
    // With --load: the tasks after the first picture (the work put off until then), by CPU time.
    const picture = events.find((e) => e.name === 'cellpost:first-picture');
    if (picture) {
      const after = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.name === 'RunTask' && e.ph === 'X' && e.ts >= picture.ts).map((e) => Math.round((e.tdur ?? 0) / 1000));
      console.log(`  longest tasks by CPU time after the first picture (ms): ${after.sort((a, b) => b - a).slice(0, 8).join(', ')}`);
      const afterWall = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.name === 'RunTask' && e.ph === 'X' && e.ts >= picture.ts).map((e) => [Math.round((e.ts - picture.ts) / 1000), Math.round((e.dur ?? 0) / 1000), Math.round((e.tdur ?? 0) / 1000)]);
      console.log(`  longest tasks by wall time after the first picture ([ms after it, wall ms, CPU ms]): ${JSON.stringify(afterWall.sort((a, b) => b[1] - a[1]).slice(0, 5))}`);
      // The tasks of the first --after ms after the first picture by kind: animation frames (style, layout,
      // paint, commit, the frame's callbacks) apart from the rest (script: timers, messages, jobs), each the
      // longest by CPU (two frames, four others) as [ms after the picture, wall ms, CPU ms, what ran in it].
      const onMain = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === 'X' && e.dur !== undefined && e.ts >= picture.ts && e.ts <= picture.ts + (afterMs + 1000) * 1000);
      const kinds = new Map<string, [number, number, number, string][]>();
      for (const task of onMain) {
        if (task.name !== 'RunTask' || task.ts < picture.ts || task.ts > picture.ts + afterMs * 1000) continue;
        const end = task.ts + task.dur!;
        const inner = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts <= end);
        const poster = inner.find((e) => e.name === 'ThreadControllerImpl::RunTask')?.args?.src_func ?? '';
        if (inner.some((e) => e.name === 'Receive mojo message' && e.dur! > task.dur! / 2)) continue; // DevTools' own traffic (the trace, the profile)
        const call = inner.find((e) => e.name === 'FunctionCall');
        const where = call?.args?.data?.url ? `${call.args.data.url.replace(/^.*\//, '')}:${String(call.args.data.lineNumber ?? '?')}` : '';
        const fn = call ? call.args?.data?.functionName || where : (inner.find((e) => e.dur! > task.dur! / 2 && e.name !== 'ThreadControllerImpl::RunTask')?.name ?? '');
        const kind = /SendBeginMainFrame/.test(poster) ? 'frame' : 'other';
        const row: [number, number, number, string] = [Math.round((task.ts - picture.ts) / 1000), Math.round(task.dur! / 1000), Math.round((task.tdur ?? 0) / 1000), fn];
        kinds.set(kind, [...(kinds.get(kind) ?? []), row]);
      }
      const longest = (k: string, n: number) => (kinds.get(k) ?? []).sort((a, b) => b[2] - a[2]).slice(0, n);
      console.log(`  ONEOFFS ${JSON.stringify({ case: c, load: Number(loadavg()[0].toFixed(1)), frame: longest('frame', 2), other: longest('other', 4) })}`);
      // CPU spent before the first picture on the page's main thread and the engine worker (thread time, so it holds on a busy machine).
      const workers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'DedicatedWorker thread').map((e) => `${e.pid}:${e.tid}`));
      const cpuBefore = (keep: (k: string) => boolean) => events.filter((e) => keep(`${e.pid}:${e.tid}`) && e.name === 'RunTask' && e.ph === 'X' && e.ts < picture.ts).reduce((s, e) => s + (e.tdur ?? 0) / 1000, 0);
      console.log(`  CPU before the first picture (thread time, ms): main ${cpuBefore((k) => k === mainKey).toFixed(0)}, workers ${cpuBefore((k) => workers.has(k)).toFixed(0)}`);
    }
    printTop('trace events by CPU time (ms)', cpuByName, cpu, counts);
    explainLongTasks(events, mainKey, profile, Number(arg('explain', '5')));
    if (invalidations !== null) printLayoutCauses(events as CauseTraceEvent[], invalidations);
    if (profile) {
      const { self, total, allMs } = sampleTimes(profile);
      printTop(`JS self time (profile, ${allMs.toFixed(0)} ms sampled)`, self, allMs);
      printTop('JS inclusive time', total, allMs);
    }
    await context.close();
  }
} finally {
  await close();
}
