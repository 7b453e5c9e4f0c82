// Smooth play: in every lesson (and ?bench=100000) no main-thread task runs long during 5 s of
// play, read from Chromium's trace (CPU time) and the page's long-task observer (wall time). It
// measures time, so it runs with the other timed files, alone on the machine (scripts/test-all.ts).
// The lessons load one after another in one page (a fresh load of each link, as a visitor opening
// another lesson), not a fresh context each: a first visit's service-worker install and precache
// are not what the play is checked for, and they cost every test a few seconds. A window over the
// limit is measured once more from a fresh load; the check fails when both are over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { lessonIds } from '../../lessons/index';
import { sharedApp, tick } from './fixture';
import { onThread, pageMainThread, startTrace } from './trace';
import { eventsByName } from '../../bench/taskCauses';
import type { TraceEvent } from '../../bench/trace';

/**
 * The long-task budget. A task's CPU time (Chromium's trace) must stay under 50 ms. Its wall time
 * (what PerformanceObserver reports) also counts the time the machine gave to other programs, so
 * the loose 120 ms wall limit is asserted only with CELLPOST_LONGTASK_STRICT=1 (a shared CI machine
 * can lend the time to others); the figures are printed and saved either way.
 */
const CPU_LIMIT_MS = 50;
const WALL_LIMIT_MS = 120;
const crowded = () => loadavg()[0] / cpus().length;
const STRICT = process.env.CELLPOST_LONGTASK_STRICT === '1';
const RESULTS = resolve(process.cwd(), 'test-results');

const figures: Record<string, unknown> = {};

beforeAll(() => {
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(() => {
  if (Object.keys(figures).length > 0) writeFileSync(resolve(RESULTS, 'longtasks.json'), JSON.stringify(figures, null, 2));
});

/**
 * Plays a page for `seconds` (pressing Play again when a prompt stops it) and reads every
 * main-thread task: wall time from PerformanceObserver('longtask') and CPU time from the trace.
 */
async function playAndMeasure(p: Page, seconds: number, autoplay: boolean): Promise<{ wallMax: number; longTasks: number; cpuMax: number; cpuP99: number; tick: number; longest: string }> {
  await p.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const tracing = await startTrace(p, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel']);
  if (!autoplay) await p.locator('#play').click();
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await p.waitForTimeout(500);
    if (!autoplay && (await p.locator('#play').textContent()) === 'Play') await p.locator('#play').click();
  }
  const trace = JSON.parse(await tracing.stop()) as { traceEvents: TraceEvent[] };
  const long = await p.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const main = pageMainThread(trace.traceEvents);
  if (!main) throw new Error('the trace has no renderer main thread');
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && onThread(e, main) && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const cpu: number[] = [];
  let until = 0;
  let longest: (typeof events)[number] | undefined;
  for (const e of events)
    if (e.ts >= until) {
      cpu.push((e.tdur ?? e.dur!) / 1000);
      until = e.ts + e.dur!;
      if (!longest || (e.tdur ?? e.dur!) > (longest.tdur ?? longest.dur!)) longest = e;
    }
  cpu.sort((a, b) => b - a);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { wallMax: Math.round(Math.max(0, ...long)), longTasks: long.length, cpuMax: round(cpu[0] ?? 0), cpuP99: round(cpu[Math.floor(cpu.length / 100)] ?? 0), tick: await tick(p), longest: longest ? inside(longest, events, events[0]?.ts ?? 0) : '' };
}

/**
 * What the longest task held, for the line printed and a failure's message: when it began (ms into
 * the trace) and the trace events inside it with the most CPU (bench/taskCauses.ts' `eventsByName`).
 */
function inside(task: TraceEvent, events: readonly TraceEvent[], t0: number): string {
  const end = task.ts + task.dur!;
  const top = [...eventsByName(events.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end))].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return `at ${Math.round((task.ts - t0) / 1000)} ms: ${top.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join('; ') || 'nothing traced inside'}`;
}

describe('smooth play: no long main-thread task', () => {
  // The first load installs the service worker: its precache (~2 MB) ends before the first
  // window, and every next lesson loads with the worker in charge.
  const appAt = sharedApp({ offlineFirst: true });
  for (const id of [...lessonIds(), 'bench']) {
    // Five seconds of play is over a hundred frames and many engine steps: enough to catch a
    // freeze; the longer, throttled figures are the browser benchmark's (npm run bench:browser).
    it(`${id === 'bench' ? '?bench=100000' : id}: 5 s of play`, async () => {
      const query = id === 'bench' ? '?bench=100000' : `?lesson=${id}`;
      const attempts: (Awaited<ReturnType<typeof playAndMeasure>> & { loadPerCore: number })[] = [];
      const errors: string[] = [];
      // A window over the limit is measured once more, from a fresh load: a freeze of the page's own
      // recurs, where a major collection's pause on this shared virtual machine does not (one of
      // 74 ms CPU, 47 of it V8 returning memory, failed one of three runs of this file on an idle
      // machine, and 210 and 51 ms tasks two CI runs; every other window's longest was 8–29 ms).
      for (let k = 0; k < 2 && (k === 0 || attempts[k - 1].cpuMax > CPU_LIMIT_MS); k++) {
        const app = await appAt(query);
        await app.page.waitForTimeout(500);
        const load = crowded();
        const f = await playAndMeasure(app.page, 5, id === 'bench');
        errors.push(...app.errors);
        attempts.push({ ...f, loadPerCore: Math.round(load * 100) / 100 });
        console.log(`long tasks ${id.padEnd(20)} wall max ${String(f.wallMax).padStart(4)} ms (${f.longTasks} over 50 ms) · task CPU max ${f.cpuMax} ms, p99 ${f.cpuP99} ms · load/core ${load.toFixed(2)} · tick ${f.tick} · longest ${f.longest}${k > 0 ? ' (measured again)' : ''}`);
      }
      figures[id] = attempts.length === 1 ? attempts[0] : attempts;
      const f = attempts[attempts.length - 1];
      expect(f.tick).toBeGreaterThan(0);
      expect(f.cpuMax, `the longest task's CPU (ms), ${attempts.map((a) => `${a.cpuMax} ms ${a.longest}`).join('; then ')}`).toBeLessThanOrEqual(CPU_LIMIT_MS);
      if (STRICT) expect(f.wallMax).toBeLessThanOrEqual(WALL_LIMIT_MS);
      expect(errors).toEqual([]);
    });
  }
});
