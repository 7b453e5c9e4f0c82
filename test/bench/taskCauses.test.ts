// The cause bench/longTasks.ts gives a long main-thread task (bench/taskCauses.ts), read from trace
// events made up here: the kind that took most of its CPU, a frame's task named as such, a stop
// beside it, and when it fell after the first picture.
import { describe, expect, it } from 'vitest';
import { taskCause, type PageLog } from '../../bench/taskCauses';
import type { TraceEvent } from '../../bench/trace';

const ev = (name: string, ts: number, durMs: number, cpuMs: number, args?: TraceEvent['args']): TraceEvent => ({ name, ph: 'X', ts, dur: durMs * 1000, tdur: cpuMs * 1000, pid: 1, tid: 1, args });
const FRAME = { src_func: 'ScheduledActionSendBeginMainFrame', src_file: 'cc/trees/proxy_impl.cc' };

/** The page's clock is the trace's in ms; the first picture came at 1000 ms. */
const log = (play: [number, string][] = []): PageLog => ({ firstPictureMs: 1000, startAt: 2000, windowEnd: 32_000, clocks: [[30_000, '12 h']], play, longtasks: [], toPage: (ts) => ts / 1000 });

/** A task at `atMs` (page clock) of `cpuMs` CPU holding `parts` (each starting at the task's start). */
function explain(atMs: number, cpuMs: number, parts: TraceEvent[], play?: [number, string][]) {
  const task = ev('RunTask', atMs * 1000, cpuMs + 5, cpuMs);
  const events = [task, ...parts].sort((a, b) => a.ts - b.ts);
  return taskCause(task, events, log(play), null);
}

describe('a long task’s cause', () => {
  it('is the canvas hand-over when ProduceCanvasResource took most of a frame’s commit', () => {
    const at = 31_000;
    const t = explain(at, 60, [ev('ThreadControllerImpl::RunTask', at * 1000, 64, 59, FRAME), ev('Commit', at * 1000 + 5000, 52, 50), ev('Canvas2DResourceProviderSharedImage::ProduceCanvasResource', at * 1000 + 6000, 49, 48), ev('Layout', at * 1000 + 1000, 3, 3)]);
    expect(t.cause).toBe('frame: canvas hand-over (ProduceCanvasResource)');
    expect(t.atMs).toBe(30_000);
    expect(t.inWindow).toBe(true);
    expect(t.clock).toBe('12 h');
  });

  it('is a collection when V8’s major GC took most of it, and a canvas’s FinalizeFrame is not one', () => {
    const at = 10_000;
    expect(explain(at, 45, [ev('MajorGC', at * 1000 + 100, 40, 40)]).cause).toBe('collection');
    const drawn = explain(at, 45, [ev('FunctionCall', at * 1000, 16, 15, { data: { functionName: 'drawPort' } }), ev('CanvasRenderingContext2D::FinalizeFrame', at * 1000 + 16_000, 28, 28)]);
    expect(drawn.cause).toBe('script (drawPort)');
  });

  it('names the style and layout of a frame, and a stop found beside it', () => {
    const at = 7000;
    const parts = [ev('ThreadControllerImpl::RunTask', at * 1000, 50, 45, FRAME), ev('UpdateLayoutTree', at * 1000 + 100, 15, 15), ev('Layout', at * 1000 + 16_000, 20, 20), ev('Paint', at * 1000 + 37_000, 5, 5)];
    expect(explain(at, 45, parts).cause).toBe('frame: style and layout');
    expect(explain(at, 45, parts, [[at + 120, 'paused']]).cause).toBe('frame: style and layout, at a stop');
    // Play found playing, or paused too long before: no stop.
    expect(explain(at, 45, parts, [[at + 120, 'playing'], [at - 900, 'paused']]).cause).toBe('frame: style and layout');
  });

  it('says when the bench’s own DevTools call is all there is', () => {
    const at = 32_500;
    const t = explain(at, 150, [ev('Receive mojo message', at * 1000, 150, 148)]);
    expect(t.cause).toBe("DevTools call (the bench's own: Receive mojo message)");
    expect(t.inWindow).toBe(false);
  });
});
