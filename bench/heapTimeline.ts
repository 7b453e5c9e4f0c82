// The page's heaps over a run, as bench/allocations.ts --memory prints them: V8's heap, Blink's heap
// (Oilpan) and the typed arrays' backing stores read every second, the major collections V8 started
// (and why: its global limit counts V8's old space, Blink's heap and external memory together), and
// the commits whose CPU time passed a bound.
import type { TraceEvent } from './trace';

/** One reading of CDP Runtime.getHeapUsage, `ms` after the measured play began. */
export interface HeapReading {
  ms: number;
  usedSize: number;
  totalSize: number;
  /** Blink's heap (Oilpan): DOM nodes, layout objects, events, timers, canvas objects. */
  embedderHeapUsedSize: number;
  /** The memory behind ArrayBuffers (typed arrays, ImageData). */
  backingStorageSize: number;
}

const mb = (b: number) => (b / 1e6).toFixed(1);

/**
 * Lines of a timeline (one per reading) and each heap's growth while no collection shrank it: the
 * sum of the rises between readings, per second of those intervals and per commit of the whole run.
 */
export function heapTimeline(readings: HeapReading[], commits: number): string[] {
  const lines = ['heaps every second (s: V8 used / Blink heap / backing stores, MB):'];
  let row = '';
  for (const r of readings) {
    row += ` ${(r.ms / 1000).toFixed(0)}: ${mb(r.usedSize)}/${mb(r.embedderHeapUsedSize)}/${mb(r.backingStorageSize)}`;
    if (row.length > 100) {
      lines.push(`  ${row.trim()}`);
      row = '';
    }
  }
  if (row) lines.push(`  ${row.trim()}`);
  const rise = (pick: (r: HeapReading) => number) => {
    let bytes = 0;
    let ms = 0;
    for (let i = 1; i < readings.length; i++) {
      const d = pick(readings[i]) - pick(readings[i - 1]);
      if (d < 0) continue;
      bytes += d;
      ms += readings[i].ms - readings[i - 1].ms;
    }
    return `${((bytes / Math.max(1, ms)) * 1000 / 1e3).toFixed(0)} kB/s, ${(bytes / Math.max(1, commits) / 1e3).toFixed(1)} kB per commit`;
  };
  lines.push(`growth between collections: V8 ${rise((r) => r.usedSize)}; Blink's heap ${rise((r) => r.embedderHeapUsedSize)}; backing stores ${rise((r) => r.backingStorageSize)}`);
  return lines;
}

interface MarkingArgs {
  value?: { reason?: string; gc_reason?: string; global_allocation_limit?: number; global_consumed_bytes?: number; old_gen_allocation_limit?: number; old_gen_consumed_bytes?: number };
}

/** Each start of a major collection's marking on the thread: V8's reason and its limits then. */
export function markingStarts(events: TraceEvent[], key: string): { ts: number; reason: string; consumed: number; limit: number; oldConsumed: number; oldLimit: number }[] {
  return events
    .filter((e) => `${e.pid}:${e.tid}` === key && e.name === 'V8.GCIncrementalMarkingStart' && e.ph === 'X')
    .map((e) => {
      const v = (e.args as MarkingArgs | undefined)?.value ?? {};
      return { ts: e.ts, reason: v.reason ?? v.gc_reason ?? '?', consumed: v.global_consumed_bytes ?? 0, limit: v.global_allocation_limit ?? 0, oldConsumed: v.old_gen_consumed_bytes ?? 0, oldLimit: v.old_gen_allocation_limit ?? 0 };
    });
}

/** The thread's compositor commits (the canvas's hand-over is one of their parts) over `minCpuMs` of CPU. */
export function longCommits(events: TraceEvent[], key: string, minCpuMs: number): { ts: number; cpuMs: number }[] {
  return events.filter((e) => `${e.pid}:${e.tid}` === key && e.name === 'Commit' && e.ph === 'X' && (e.tdur ?? 0) > minCpuMs * 1000).map((e) => ({ ts: e.ts, cpuMs: (e.tdur ?? 0) / 1000 }));
}
