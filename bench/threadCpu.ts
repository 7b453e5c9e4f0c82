// CPU time per process and thread in a Chromium trace: each thread's top-level events' thread time
// (`tdur`, events nested in another of the same thread counted once), named from the trace's
// metadata, so a way of drawing that moves work off the page's main thread can be judged by the
// CPU it costs in all (renderer, workers, GPU process, browser), not only by what the main thread sheds.
import type { TraceEvent } from './trace';

/** One thread's CPU in the window: its process's and thread's names, ms of thread time. */
export interface ThreadCpu {
  process: string;
  thread: string;
  key: string;
  cpuMs: number;
}

interface Meta extends TraceEvent {
  args?: TraceEvent['args'] & { name?: string };
}

/** CPU per thread of the events from `from` to `to` µs (trace clock), largest first. */
export function threadCpu(events: TraceEvent[], from = -Infinity, to = Infinity): ThreadCpu[] {
  const threadNames = new Map<string, string>();
  const processNames = new Map<number, string>();
  for (const e of events as Meta[]) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
    if (e.name === 'process_name') processNames.set(e.pid, e.args?.name ?? '?');
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.tdur === undefined || e.dur === undefined || e.ts < from || e.ts > to) continue;
    const k = `${e.pid}:${e.tid}`;
    let list = byThread.get(k);
    if (!list) byThread.set(k, (list = []));
    list.push(e);
  }
  const out: ThreadCpu[] = [];
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let end = -Infinity;
    let cpu = 0;
    for (const e of list) {
      if (e.ts < end) continue;
      cpu += e.tdur!;
      end = e.ts + e.dur!;
    }
    const pid = Number(k.split(':')[0]);
    out.push({ process: processNames.get(pid) ?? `pid ${pid}`, thread: threadNames.get(k) ?? k, key: k, cpuMs: cpu / 1000 });
  }
  return out.sort((a, b) => b.cpuMs - a.cpuMs);
}
