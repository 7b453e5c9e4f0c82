// What made the page's long layouts: for a trace recorded with the invalidation-tracking categories
// (bench/profile.ts --invalidations, or --trace with --categories), prints the count, total and
// longest CPU time of Layout and UpdateLayoutTree, then each layout over a threshold with its roots
// and the nodes and reasons that dirtied it (grouped, with the script that wrote them), and how many
// of those layouts each kind of cause took part in; and the frame layouts (style and layout that no
// script forced, summed per task: what a frame's own task spends on them), their sum and the longest.
// Alone: `npx tsx bench/layoutCauses.ts [--min-ms 4] TRACE.json …` reads traces saved by --trace.
import { readFileSync } from 'node:fs';
import { causeKinds, layoutsWithCauses, mainThread, type CauseTraceEvent } from '../test/e2e/layoutCauses';

/** Count, total and longest CPU ms of the main thread's events called `name`. */
export function cpuOf(events: CauseTraceEvent[], main: string | undefined, name: string): string {
  const ms = events.filter((e) => `${e.pid}:${e.tid}` === main && e.name === name && e.ph === 'X').map((e) => (e.tdur ?? e.dur ?? 0) / 1000);
  const total = ms.reduce((a, b) => a + b, 0);
  return `${name} ×${ms.length}, ${total.toFixed(0)} ms CPU, longest ${Math.max(0, ...ms).toFixed(1)}`;
}

/** Events nested in script (a callback, a timer, a message's handler): style and layout inside them were forced by script. */
const SCRIPT = new Set(['FunctionCall', 'v8.callFunction', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'HandlePostMessage']);
const STYLE_AND_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);

export interface FrameLayout {
  /** ms after the first event of the main thread. */
  atMs: number;
  /** CPU ms of the task's style recalculations and layouts that no script forced. */
  cpuMs: number;
  /** Elements restyled, objects laid out (dirty) of all, and the layouts' roots. */
  styled: number;
  dirty: number;
  total: number;
  roots: string[];
}

/** Per task of the main thread, the style and layout no script forced (the frame's own), longest first; and the forced ones' CPU. */
export function frameLayouts(events: CauseTraceEvent[], main = mainThread(events)): { frames: FrameLayout[]; forcedMs: number } {
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const t0 = mine[0]?.ts ?? 0;
  const scripts = mine.filter((e) => SCRIPT.has(e.name));
  const forced = (e: CauseTraceEvent) => scripts.some((s) => s.ts <= e.ts && s.ts + (s.dur ?? 0) >= e.ts + (e.dur ?? 0));
  const frames: FrameLayout[] = [];
  let forcedMs = 0;
  let task: CauseTraceEvent | null = null;
  let at: FrameLayout | null = null;
  for (const e of mine) {
    if (e.name === 'RunTask') {
      task = e;
      at = null;
      continue;
    }
    if (!STYLE_AND_LAYOUT.has(e.name)) continue;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (forced(e)) {
      forcedMs += cpu;
      continue;
    }
    if (!at) {
      at = { atMs: ((task?.ts ?? e.ts) - t0) / 1000, cpuMs: 0, styled: 0, dirty: 0, total: 0, roots: [] };
      frames.push(at);
    }
    at.cpuMs += cpu;
    const a = (e.args ?? {}) as NonNullable<CauseTraceEvent['args']> & { elementCount?: number };
    at.styled += a.elementCount ?? 0;
    at.dirty += a.beginData?.dirtyObjects ?? 0;
    at.total = Math.max(at.total, a.beginData?.totalObjects ?? 0);
    for (const r of a.endData?.layoutRoots ?? []) at.roots.push(r.nodeName ?? '?');
  }
  return { frames: frames.sort((a, b) => b.cpuMs - a.cpuMs), forcedMs };
}

/** One line: the frame layouts' count, CPU sum and longest; then the `top` longest with what they covered. */
export function printFrameLayouts(events: CauseTraceEvent[], top = 5): void {
  const { frames, forcedMs } = frameLayouts(events);
  const sum = frames.reduce((s, f) => s + f.cpuMs, 0);
  console.log(`  frame layouts (style + layout no script forced, per task): ×${frames.length}, ${sum.toFixed(0)} ms CPU, longest ${(frames[0]?.cpuMs ?? 0).toFixed(1)}; forced by script ${forcedMs.toFixed(0)} ms CPU`);
  for (const f of frames.slice(0, top)) console.log(`    ${f.cpuMs.toFixed(1)} ms CPU at ${f.atMs.toFixed(0)} ms: ${f.styled} elements restyled, ${f.dirty} of ${f.total} objects laid out, roots ${f.roots.join(', ') || 'none'}`);
}

/** Prints what the layouts over `minMs` of CPU were made of. */
export function printLayoutCauses(events: CauseTraceEvent[], minMs = 4, maxKinds = 14): void {
  const main = mainThread(events);
  const layouts = layoutsWithCauses(events, main);
  const big = layouts.filter((l) => l.cpuMs >= minMs);
  console.log(`  ${cpuOf(events, main, 'Layout')}; ${cpuOf(events, main, 'UpdateLayoutTree')}; whole-page layouts ${layouts.filter((l) => l.roots.includes('#document')).length}`);
  console.log(`  layouts over ${minMs} ms CPU: ${big.length} (wall / CPU ms, dirty of all objects, roots; then what dirtied them, ×count: node: reason ← script)`);
  for (const l of big) {
    console.log(`    ${l.wallMs.toFixed(1)} / ${l.cpuMs.toFixed(1)} ms, ${l.dirty} of ${l.total}, ${l.roots.join(', ')}`);
    const groups = new Map<string, number>();
    for (const i of l.causes) {
      const k = `${i.node}: ${i.reason}${i.stack.length ? ` ← ${i.stack.slice(0, 3).join(' < ')}` : ''}`;
      groups.set(k, (groups.get(k) ?? 0) + 1);
    }
    for (const [k, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, maxKinds)) console.log(`      ×${n} ${k}`);
    if (groups.size > maxKinds) console.log(`      … ${groups.size - maxKinds} more kinds`);
  }
  const kinds = [...causeKinds(big)].sort((a, b) => b[1] - a[1]);
  console.log(`  in how many of those ${big.length} layouts each kind of cause took part: ${kinds.slice(0, 12).map(([k, n]) => `${k} ${n}`).join('; ') || 'none'}`);
}

if (process.argv[1]?.endsWith('layoutCauses.ts')) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--min-ms');
  const minMs = at >= 0 ? Number(argv[at + 1]) : 4;
  for (const file of argv.filter((a, i) => a.endsWith('.json') && (at < 0 || i !== at + 1))) {
    console.log(`== ${file}`);
    const events = (JSON.parse(readFileSync(file, 'utf8')) as { traceEvents: CauseTraceEvent[] }).traceEvents;
    printLayoutCauses(events, minMs);
    printFrameLayouts(events);
  }
}
