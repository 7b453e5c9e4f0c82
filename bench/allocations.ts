// `npx tsx bench/allocations.ts`: what the page's main thread allocates while a lesson plays, and the
// garbage collections that follow. V8's sampling heap profiler (CDP HeapProfiler.startSampling, keeping
// the samples of objects already collected) gives the bytes allocated per second and the functions
// that allocate them; a trace of V8's GC events gives the count and length of minor (scavenge) and
// major (mark-compact) collections on the page's main thread over the same seconds.
//
// Flags: --cases a,b  lesson ids, bench100k, bench1M (default nk-weapons,calm-inflammation)
//        --rate N     CPU slowdown (default 4)     --seconds N  how long the run plays (default 10)
//        --dist DIR   the build to serve (default dist; a build with --minify false names functions)
//        --query a=b  more URL parameters (quality=full keeps the drawing quality fixed)
//        --interval B sampling interval in bytes (default 16384)   --top N rows (default 20)
//        --trace PREFIX  write each case's trace (PREFIX-case.json)
//        --json FILE  append one JSON line per case (bytes/s, per frame, GC counts and longest)
//        --memory     also read the page's heaps every second (CDP Runtime.getHeapUsage): V8's heap, Blink's
//                     heap (Oilpan: DOM, layout, events, canvas objects) and the typed arrays' backing stores,
//                     printed as a timeline with the major collections, what started each (the reason and
//                     V8's global limit: V8's old space, Blink's heap and external memory together), and each
//                     heap's growth per commit between collections; and the commits over 20 ms of CPU
//        --no-sampling  no heap sampling profile (with --memory: the heaps and collections alone)
//        --after-play S  seconds of play before the measured seconds begin (default 1.5)
//        --steps N    instead of playing: the paused run stepped N times (two engine steps, then two
//                     animation frames: a frame from the worker, drawn and committed), after a forced
//                     collection, and the growth of Blink's heap and V8's per step: the same work in
//                     every build whatever the machine's load (a playing page draws fewer frames under load)
import { resolve } from 'node:path';
import { appendFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { playFor } from '../test/e2e/keepPlaying';
import { serveAndLaunch, throttledPage } from './throttledPages';
import { arg, caseSearch, hasFlag } from './args';
import type { TraceEvent } from './trace';
import { heapTimeline, longCommits, markingStarts, type HeapReading } from './heapTimeline';
import { mainThread, type CauseTraceEvent } from '../test/e2e/layoutCauses';
import { allocationTotals, type SamplingHeapProfile } from './heapSample';

const cases = arg('cases', 'nk-weapons,calm-inflammation').split(',');
const rate = Number(arg('rate', '4'));
const seconds = Number(arg('seconds', '10'));
const top = Number(arg('top', '20'));
const dist = resolve(process.cwd(), arg('dist', 'dist'));
const query = arg('query', '');
const jsonFile = arg('json', '');
const search = (c: string) => caseSearch(c, query);
const memory = hasFlag('memory');
const sampling = !hasFlag('no-sampling');

/**
 * The trace's V8 collections on one thread: scavenges (minor) and mark-compacts (major), without the
 * one the heap profiler itself asks for when it stops (type "sampling profiler").
 */
function collections(events: TraceEvent[], key: string) {
  const on = events.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur !== undefined && (e.args as { type?: string } | undefined)?.type !== 'sampling profiler');
  const pick = (name: string) => on.filter((e) => e.name === name);
  const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
  const of = (gcs: TraceEvent[]) => {
    const a = gcs.map((e) => e.dur! / 1000);
    const cpu = gcs.map((e) => (e.tdur ?? 0) / 1000);
    return { count: a.length, totalMs: sum(a), longestMs: a.length ? Math.max(...a) : 0, longestCpuMs: cpu.length ? Math.max(...cpu) : 0 };
  };
  return { minor: of(pick('MinorGC')), major: of(pick('MajorGC')) };
}

const steps = Number(arg('steps', '0'));

const { base, browser, close } = await serveAndLaunch(dist);
try {
  for (const c of cases) {
    const { context, p, cdp } = await throttledPage(browser, rate);
    await p.goto(base + search(c));
    await p.waitForFunction(() => window.cellpost?.ready(), undefined, { timeout: 120_000, polling: 'raf' });
    if (steps > 0) {
      // Warm up (the first steps compile code and make sprites), then measure from a collected heap.
      // A string, not a function: tsx names the function's inner consts with a helper the page lacks.
      const step = (n: number) => p.evaluate(`(async () => { for (let i = 0; i < ${n}; i++) { await window.cellpost.stepN(2); await new Promise((ok) => requestAnimationFrame(ok)); await new Promise((ok) => requestAnimationFrame(ok)); } })()`);
      await step(20);
      await cdp.send('HeapProfiler.collectGarbage');
      const a = (await cdp.send('Runtime.getHeapUsage')) as unknown as HeapReading;
      await step(steps);
      const b = (await cdp.send('Runtime.getHeapUsage')) as unknown as HeapReading;
      const per = (d: number) => `${(d / steps / 1e3).toFixed(2)} kB`;
      const line = { case: c, steps, load: Number(loadavg()[0].toFixed(1)), blinkPerStep: (b.embedderHeapUsedSize - a.embedderHeapUsedSize) / steps, v8PerStep: (b.usedSize - a.usedSize) / steps, dist };
      console.log(`== ${c}: ${steps} steps at ${rate}×, load ${line.load}: per step Blink's heap ${per(b.embedderHeapUsedSize - a.embedderHeapUsedSize)}, V8's heap ${per(b.usedSize - a.usedSize)} (a fall means a collection ran: measure again)`);
      if (jsonFile) appendFileSync(jsonFile, JSON.stringify(line) + '\n');
      await context.close();
      continue;
    }
    await p.evaluate(() => document.querySelector<HTMLButtonElement>('#play')?.click());
    await playFor(p, Number(arg('after-play', '1.5')));
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e: { value: TraceEvent[] }) => events.push(...e.value));
    const traceDone = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'disabled-by-default-v8.gc'] } });
    if (sampling) {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.startSampling', { samplingInterval: Number(arg('interval', '16384')), includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    const t0 = Date.now();
    const readings: HeapReading[] = [];
    const read = async () => readings.push({ ms: Date.now() - t0, ...((await cdp.send('Runtime.getHeapUsage')) as unknown as Omit<HeapReading, 'ms'>) });
    const reader = memory ? setInterval(() => void read().catch(() => undefined), 1000) : undefined;
    if (memory) await read();
    await playFor(p, seconds);
    clearInterval(reader);
    if (memory) await read();
    const profile = sampling ? ((await cdp.send('HeapProfiler.stopSampling')) as unknown as { profile: SamplingHeapProfile }).profile : null;
    const wallS = (Date.now() - t0) / 1000;
    await cdp.send('Tracing.end');
    await traceDone;
    const stats = (await p.evaluate(() => window.cellpost.stats())) as unknown as Record<string, unknown>;
    // The page's main thread: the busiest renderer main thread (the picker the browser checks use).
    const mainKey = mainThread(events as CauseTraceEvent[]) ?? '';
    const commits = events.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.name === 'Commit' && e.ph === 'X').length;
    const gc = collections(events, mainKey);
    const traceFile = arg('trace', '');
    if (traceFile) writeFileSync(`${traceFile}-${c}.json`, JSON.stringify({ traceEvents: events }));
    // What was allocated, by function (with --no-sampling: not measured).
    const totals = profile ? allocationTotals(profile) : null;
    const load = loadavg()[0].toFixed(1);
    console.log(`\n== ${c} at ${rate}×, ${wallS.toFixed(1)} s of play, load ${load}, quality ${String(stats.quality)}`);
    if (totals) console.log(`  allocated ${(totals.total / 1e6).toFixed(1)} MB: ${(totals.total / wallS / 1e6).toFixed(2)} MB/s, ${commits} commits, ${(totals.total / Math.max(1, commits) / 1e3).toFixed(1)} kB per commit`);
    else console.log(`  ${commits} commits`);
    console.log(`  minor GCs ${gc.minor.count} (${gc.minor.totalMs.toFixed(0)} ms, longest ${gc.minor.longestMs.toFixed(1)} ms); major GCs ${gc.major.count} (${gc.major.totalMs.toFixed(0)} ms, longest ${gc.major.longestMs.toFixed(1)} ms, ${gc.major.longestCpuMs.toFixed(1)} ms of CPU)`);
    if (memory) {
      const zero = events.reduce((m, e) => (`${e.pid}:${e.tid}` === mainKey && e.name === 'RunTask' && e.ts < m ? e.ts : m), Infinity);
      for (const l of heapTimeline(readings, commits)) console.log(`  ${l}`);
      for (const m of markingStarts(events, mainKey)) console.log(`  major collection started ${((m.ts - zero) / 1e6).toFixed(1)} s into the trace: ${m.reason}; global ${(m.consumed / 1e6).toFixed(1)} of ${(m.limit / 1e6).toFixed(1)} MB, V8's old space ${(m.oldConsumed / 1e6).toFixed(1)} of ${(m.oldLimit / 1e6).toFixed(1)} MB`);
      const lc = longCommits(events, mainKey, 20);
      console.log(`  commits over 20 ms of CPU: ${lc.length}${lc.length ? ` (${lc.map((x) => `${x.cpuMs.toFixed(0)} ms at ${((x.ts - zero) / 1e6).toFixed(1)} s`).join(', ')})` : ''}`);
    }
    if (totals) {
      console.log('  top allocating functions (self, kB/s):');
      for (const [name, bytes] of [...totals.self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${(bytes / wallS / 1e3).toFixed(1).padStart(8)}  ${name}`);
      console.log('  top functions with what they call (inclusive, kB/s):');
      for (const [name, bytes] of [...totals.inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${(bytes / wallS / 1e3).toFixed(1).padStart(8)}  ${name}`);
    }
    if (jsonFile) {
      const line = { case: c, rate, seconds: wallS, load: Number(load), quality: stats.quality, ...(totals ? { bytesPerSecond: Math.round(totals.total / wallS), bytesPerCommit: Math.round(totals.total / Math.max(1, commits)) } : {}), commits, minorGcs: gc.minor, majorGcs: gc.major, dist, ...(memory ? { heaps: readings, longCommits: longCommits(events, mainKey, 20).map((x) => x.cpuMs) } : {}) };
      appendFileSync(jsonFile, JSON.stringify(line) + '\n');
    }
    await context.close();
  }
} finally {
  await close();
}
