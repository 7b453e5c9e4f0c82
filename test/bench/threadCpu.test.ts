// CPU per thread from a trace (bench/threadCpu.ts), read from events made up here: nested events
// counted once, threads and processes named from the trace's metadata, the window's bounds kept.
import { describe, expect, it } from 'vitest';
import { threadCpu } from '../../bench/threadCpu';
import type { TraceEvent } from '../../bench/trace';

const ev = (pid: number, tid: number, name: string, tsMs: number, durMs: number, cpuMs: number): TraceEvent => ({ name, ph: 'X', ts: tsMs * 1000, dur: durMs * 1000, tdur: cpuMs * 1000, pid, tid });
const meta = (pid: number, tid: number, kind: 'thread_name' | 'process_name', name: string) => ({ name: kind, ph: 'M', ts: 0, pid, tid, args: { name } }) as TraceEvent;

describe('threadCpu', () => {
  const events = [
    meta(1, 1, 'process_name', 'Renderer'),
    meta(1, 1, 'thread_name', 'CrRendererMain'),
    meta(1, 7, 'thread_name', 'DedicatedWorker thread'),
    meta(2, 2, 'process_name', 'GPU Process'),
    meta(2, 2, 'thread_name', 'VizCompositorThread'),
    // A task of 10 ms of CPU holding a commit of 6 and a hand-over of 5 inside that: 10, not 21.
    ev(1, 1, 'RunTask', 100, 12, 10),
    ev(1, 1, 'Commit', 101, 7, 6),
    ev(1, 1, 'ProduceCanvasResource', 102, 5, 5),
    ev(1, 1, 'RunTask', 120, 4, 3),
    ev(1, 7, 'RunTask', 100, 9, 8),
    ev(2, 2, 'RunTask', 105, 3, 2),
    ev(2, 2, 'RunTask', 500, 3, 2),
  ];

  it('counts nested events once and names each thread and process', () => {
    const t = threadCpu(events);
    expect(t.map((x) => [x.process, x.thread, x.cpuMs])).toEqual([
      ['Renderer', 'CrRendererMain', 13],
      ['Renderer', 'DedicatedWorker thread', 8],
      ['GPU Process', 'VizCompositorThread', 4],
    ]);
  });

  it('keeps only the events that start inside the window', () => {
    const t = threadCpu(events, 110_000, 400_000);
    expect(t.map((x) => [x.thread, x.cpuMs])).toEqual([['CrRendererMain', 3]]);
  });
});
