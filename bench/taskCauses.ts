// What one long main-thread task of a trace spent its time on (bench/longTasks.ts): its parts by
// kind (script, style, layout, paint, commit, the canvas hand-over, collections, compiling, worker
// messages), the trace events and JS functions that took most of it, where it was posted, what the
// page was doing then (the run's clock, a stop or Play), and one cause: the kind that took most.
import type { TraceEvent } from './trace';

/** What the bench recorded from the page, in the page's clock (performance.now()). */
export interface PageLog {
  firstPictureMs: number;
  /** bench:browser's window: from a second after Play to the end of its polls. */
  startAt: number;
  windowEnd: number;
  /** The run's clock (`#clock`) at each poll. */
  clocks: [number, string][];
  /** Play's state (`playing`, `paused`, …) at each poll. */
  play: [number, string][];
  /** The page's longtask observer's entries, [start, duration]. */
  longtasks: [number, number][];
  /** A trace timestamp (µs) in the page's clock (ms). */
  toPage: (ts: number) => number;
}

export interface LongTask {
  /** ms after the first picture (as bench:browser's `longTasks`). */
  atMs: number;
  wallMs: number;
  cpuMs: number;
  inWindow: boolean;
  /** The page's longtask observer has an entry for it. */
  observed: boolean;
  clock: string;
  /** Play's state when not `playing` at a poll within 300 ms of the task (the bench presses Play again at its next poll). */
  playNear: string;
  parts: string;
  /** The task's style recalculations and layouts: elements restyled, objects laid out of all, the layouts' roots. */
  layouts: string;
  events: string;
  postedBy: string;
  js: string;
  cause: string;
}

type Kind = 'canvas hand-over' | 'collection' | 'style' | 'layout' | 'paint' | 'commit' | 'compile' | 'worker message' | 'script';

/** The kind of a trace event, or null for one that is only a wrapper or too small a part to name. */
function kindOf(e: TraceEvent): Kind | null {
  const n = e.name;
  if (/ProduceCanvasResource/.test(n)) return 'canvas hand-over';
  if (/^(MinorGC|MajorGC|V8\.GC|BlinkGC|CppGC)|Scavenge|MarkCompact|IncrementalMarking|Sweeper/.test(n)) return 'collection';
  if (n === 'UpdateLayoutTree' || n === 'ScheduleStyleRecalculation') return 'style';
  if (n === 'Layout') return 'layout';
  if (n === 'Paint' || n === 'PrePaint' || n === 'PaintImage' || n === 'Layerize' || n === 'UpdateLayer') return 'paint';
  if (n === 'Commit') return 'commit';
  if (/^v8\.(compile|parse)|V8\.Compile|CompileCode|CompileScript|v8\.produceCache|ScriptCompiler|compileModule/.test(n)) return 'compile';
  if (n === 'HandlePostMessage' || (n === 'EventDispatch' && e.args?.data?.type === 'message')) return 'worker message';
  if (['FunctionCall', 'v8.callFunction', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.run'].includes(n)) return 'script';
  return null;
}

const GENERIC = /^\((program|root|idle|garbage collector|anon)\)/;

/** Sums CPU ms per key over events not nested in an earlier counted event of the same key. */
function outermostSums(inner: TraceEvent[], keyOf: (e: TraceEvent) => string | null): Map<string, number> {
  const sums = new Map<string, number>();
  const until = new Map<string, number>();
  for (const e of inner) {
    const k = keyOf(e);
    if (k === null || e.ts < (until.get(k) ?? -Infinity)) continue;
    until.set(k, e.ts + e.dur!);
    sums.set(k, (sums.get(k) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
  }
  return sums;
}

/**
 * CPU ms by trace event inside a task (`inner`: its events sorted by start), each named with its
 * function or type, a nested event of the same name counted once; the task runners' own events left out.
 */
export function eventsByName(inner: TraceEvent[]): Map<string, number> {
  return outermostSums(inner, (e) =>
    e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' ? null : e.args?.data?.functionName ? `${e.name}(${e.args.data.functionName})` : e.args?.data?.type ? `${e.name}(${e.args.data.type})` : e.name,
  );
}

const fmt = (m: Map<string, number>, k: number, min = 0.5) =>
  [...m].filter(([, v]) => v >= min).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${n} ${v.toFixed(1)}`).join('; ');

/** The named function under which most of the sampled script ran: the largest inclusive time that is not nearly all of it. */
function mainFunction(total: Map<string, number>, allMs: number): string {
  const named = [...total].filter(([n]) => !GENERIC.test(n)).sort((a, b) => b[1] - a[1]);
  const under = named.find(([, v]) => v < 0.9 * allMs) ?? named[0];
  return under ? under[0] : '';
}

/**
 * One long task explained. `onMain` is the page's main thread's complete events sorted by start,
 * `samples` (when JS was sampled) the profile's self and inclusive times of samples kept by a filter.
 */
export function taskCause(
  task: TraceEvent,
  onMain: TraceEvent[],
  log: PageLog,
  samples: ((keep: (t: number) => boolean) => { self: Map<string, number>; total: Map<string, number>; allMs: number }) | null,
): LongTask {
  const end = task.ts + task.dur!;
  const inner = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const cpuMs = (task.tdur ?? 0) / 1000;
  const start = log.toPage(task.ts);
  const byKind = outermostSums(inner, kindOf);
  const byName = eventsByName(inner);
  const poster = inner.find((e) => e.name === 'ThreadControllerImpl::RunTask')?.args;
  const postedBy = poster?.src_func ? `${poster.src_func.replace(/\(.*$/, '').split(' ').pop()} (${poster.src_file ?? '?'})` : '';
  const sampled = samples ? samples((t) => t >= task.ts && t <= end) : null;
  const js = sampled && sampled.allMs > 0 ? `self ${fmt(sampled.self, 4)} | under ${mainFunction(sampled.total, sampled.allMs)}` : '';
  const clock = [...log.clocks].reverse().find(([t]) => t <= start)?.[1] ?? log.clocks[0]?.[1] ?? '';
  const near = log.play.filter(([t, state]) => state !== 'playing' && t >= start - 300 && t <= start + task.dur! / 1000 + 300);
  const playNear = near.map(([t, state]) => `${state} at ${Math.round(t - start)} ms`).join(', ');
  // The cause: the kind with the most CPU (the commit less its canvas hand-over; style and layout
  // together), the entry function for script; a frame's task says so, and a stop when one came with it.
  const frame = /SendBeginMainFrame/.test(poster?.src_func ?? '');
  const entry = inner.filter((e) => kindOf(e) === 'script' && e.args?.data?.functionName).sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))[0]?.args?.data?.functionName ?? '';
  const scored: [string, number][] = [
    ['canvas hand-over (ProduceCanvasResource)', byKind.get('canvas hand-over') ?? 0],
    ['collection', byKind.get('collection') ?? 0],
    ['compiling', byKind.get('compile') ?? 0],
    ['style and layout', (byKind.get('style') ?? 0) + (byKind.get('layout') ?? 0)],
    ['paint', byKind.get('paint') ?? 0],
    ['commit', (byKind.get('commit') ?? 0) - (byKind.get('canvas hand-over') ?? 0)],
    [`script (${entry || 'unnamed'})`, Math.max(byKind.get('script') ?? 0, byKind.get('worker message') ?? 0) - (byKind.get('style') ?? 0) - (byKind.get('layout') ?? 0)],
  ];
  const [topKind, topMs] = scored.sort((a, b) => b[1] - a[1])[0];
  const mojo = byName.get('Receive mojo message') ?? 0;
  let cause: string;
  if (topMs < 0.25 * cpuMs && mojo > 0.5 * cpuMs) cause = "DevTools call (the bench's own: Receive mojo message)";
  else if (topMs < 0.25 * cpuMs) cause = `other (${[...byName].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'nothing traced inside'})`;
  else cause = (frame ? 'frame: ' : '') + topKind;
  if (near.length) cause += ', at a stop';
  // What its style and layout covered (Chromium's own counts, in the devtools.timeline category).
  let styled = 0;
  let dirty = 0;
  let total = 0;
  const roots = new Set<string>();
  for (const e of inner) {
    const a = (e.args ?? {}) as { elementCount?: number; beginData?: { dirtyObjects?: number; totalObjects?: number }; endData?: { layoutRoots?: { nodeName?: string }[] } };
    if (e.name === 'UpdateLayoutTree') styled += a.elementCount ?? 0;
    if (e.name !== 'Layout') continue;
    dirty += a.beginData?.dirtyObjects ?? 0;
    total = Math.max(total, a.beginData?.totalObjects ?? 0);
    for (const r of a.endData?.layoutRoots ?? []) roots.add(r.nodeName ?? '?');
  }
  const layouts = styled || dirty ? `${styled} elements restyled, ${dirty} of ${total} objects laid out${roots.size ? ` from ${[...roots].slice(0, 4).join(', ')}` : ''}` : '';
  return {
    layouts,
    atMs: Math.round(start - log.firstPictureMs),
    wallMs: Math.round(task.dur! / 1000),
    cpuMs: Math.round(cpuMs),
    inWindow: start >= log.startAt && start < log.windowEnd,
    observed: log.longtasks.some(([t]) => Math.abs(t - start) < 3),
    clock,
    playNear,
    parts: fmt(byKind, 9),
    events: fmt(byName, 6),
    postedBy,
    js,
    cause,
  };
}
