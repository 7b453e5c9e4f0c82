// `npx tsx bench/loadWaterfall.ts TRACE.json [--min MS]`: the page's load as a waterfall, read from a
// trace written by `bench/profile.ts --load --trace PREFIX`: every request (sent → finished), the
// main thread's and the engine worker's tasks over --min ms (default 8) with what ran in them, and
// the page's own milestones (performance.mark 'cellpost:…'), in ms from the document's request.
import { readFileSync } from 'node:fs';
import type { TraceEvent } from './trace';


const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npx tsx bench/loadWaterfall.ts TRACE.json [--min MS]');
  process.exit(1);
}
const minAt = argv.indexOf('--min');
const minMs = minAt >= 0 ? Number(argv[minAt + 1]) : 8;
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);

const threadName = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
const key = (e: TraceEvent) => `${e.pid}:${e.tid}`;
// The page's main thread: the renderer main thread that ran the most.
const busy = new Map<string, number>();
for (const e of events) if (e.name === 'RunTask' && e.dur !== undefined) busy.set(key(e), (busy.get(key(e)) ?? 0) + e.dur);
const busiest = (name: string) => [...busy].filter(([k]) => threadName.get(k) === name).sort((a, b) => b[1] - a[1])[0]?.[0];
const mainThread = busiest('CrRendererMain');
const workerThread = busiest('DedicatedWorker thread');

const sends = events.filter((e) => e.name === 'ResourceSendRequest');
const doc = sends.find((e) => e.args?.data?.resourceType === 'Document') ?? sends[0];
if (!doc) {
  console.error('no request in this trace');
  process.exit(1);
}
const t0 = doc.ts;
const ms = (ts: number) => (ts - t0) / 1000;
const short = (url = '') => url.replace(/^https?:\/\/[^/]+\//, '').replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') || '(page)';

interface Row {
  at: number;
  end: number;
  what: string;
}
const rows: Row[] = [];
const finish = new Map(events.filter((e) => e.name === 'ResourceFinish').map((e) => [e.args?.data?.requestId, e.ts]));
for (const s of sends) {
  const end = finish.get(s.args?.data?.requestId);
  rows.push({ at: ms(s.ts), end: end === undefined ? NaN : ms(end), what: `net    ${short(s.args?.data?.url)}` });
}

/** What ran inside a task: the scripts it evaluated, the functions it called, the messages it handled, its layouts. */
function describe(task: TraceEvent, inside: TraceEvent[]): string {
  const parts = new Map<string, number>();
  const add = (label: string, d = 0) => parts.set(label, (parts.get(label) ?? 0) + d);
  for (const e of inside) {
    const d = (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'EvaluateScript' || e.name === 'v8.compileModule') add(`${e.name === 'EvaluateScript' ? 'script' : 'compile'} ${short(e.args?.data?.url)}`, d);
    else if (e.name === 'v8.evaluateModule') add('evaluate modules', d);
    else if (e.name === 'FunctionCall') add(`call ${e.args?.data?.functionName || '(anon)'} ${short(e.args?.data?.url)}`, d);
    else if (['HandlePostMessage', 'Layout', 'UpdateLayoutTree', 'ParseHTML', 'FireAnimationFrame', 'TimerFire', 'MinorGC', 'MajorGC', 'Paint'].includes(e.name)) add(e.name, d);
  }
  const cpu = (task.tdur ?? 0) / 1000;
  return [...parts]
    .filter(([, d]) => d >= Math.min(2, cpu / 10))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([l, d]) => `${l} ${d.toFixed(0)}`)
    .join(', ');
}

for (const [thread, label] of [
  [mainThread, 'main  '],
  [workerThread, 'worker'],
] as const) {
  if (!thread) continue;
  const mine = events.filter((e) => key(e) === thread && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  for (const task of mine) {
    if (task.name !== 'RunTask' || (task.dur ?? 0) / 1000 < minMs) continue;
    const end = task.ts + (task.dur ?? 0);
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts < end);
    rows.push({ at: ms(task.ts), end: ms(end), what: `${label} task ${((task.tdur ?? 0) / 1000).toFixed(0)} ms CPU: ${describe(task, inside)}` });
  }
}
for (const e of events) {
  if (!e.name.startsWith('cellpost:') || (e.ph !== 'R' && e.ph !== 'I' && e.ph !== 'b' && e.ph !== 'n')) continue;
  rows.push({ at: ms(e.ts), end: ms(e.ts), what: `mark   ${e.name}` });
}

// The summary: when the first picture came, and the main thread's CPU time until then.
const picture = events.find((e) => e.name === 'cellpost:first-picture');
if (picture && mainThread) {
  let cpu = 0;
  for (const e of events) if (key(e) === mainThread && e.name === 'RunTask' && e.ts >= t0 && e.ts < picture.ts) cpu += (e.tdur ?? 0) / 1000;
  console.log(`first picture at ${ms(picture.ts).toFixed(0)} ms; main thread CPU before it ${cpu.toFixed(0)} ms`);
}
rows.sort((a, b) => a.at - b.at);
console.log(`${file}: ms from the document's request (wall; each task's CPU time as well)`);
for (const r of rows) {
  const span = Number.isNaN(r.end) ? '      …' : r.end === r.at ? '       ' : `–${r.end.toFixed(0).padStart(6)}`;
  console.log(`${r.at.toFixed(0).padStart(6)}${span}  ${r.what}`);
}
