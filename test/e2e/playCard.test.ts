// At Play the prompt's card turns to its observe step in a task of its own, not inside the task
// that handles the engine worker's answer (the frame, the charts' cursors and series, the clock):
// read from Chromium's trace, not timed, so it holds on a busy machine. The card's `data-step`
// write is found by its style invalidation (the invalidation-tracking category), and the task
// around it must hold no message from the worker (HandlePostMessage). On main's build at 0dda1b1
// the card turned inside the worker's answer: 30–81 ms of CPU at 4× with the charts' sketches.
import { describe, expect, it } from 'vitest';
import { withApp } from './fixture';
import { settled } from './viewport';
import { startTrace } from './trace';

interface TaskEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { changedAttribute?: string; nodeName?: string } };
}

/** The names of the events inside each task in which the card's step attribute was written. */
function tasksOfStepWrites(events: TaskEvent[]): string[][] {
  const writes = events.filter((e) => e.name === 'ScheduleStyleInvalidationTracking' && e.args?.data?.changedAttribute === 'data-step' && (e.args.data.nodeName ?? '').startsWith("SECTION id='prompt'"));
  const same = (a: TaskEvent, b: TaskEvent) => a.pid === b.pid && a.tid === b.tid;
  return writes.map((w) => {
    const task = events.find((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && same(e, w) && e.ts <= w.ts && w.ts <= e.ts + (e.dur ?? 0));
    if (!task) return ['(no task)'];
    return events.filter((e) => e.ph === 'X' && same(e, task) && e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0)).map((e) => e.name);
  });
}

describe('the card at Play', () => {
  for (const lesson of ['letters', 'organ-address']) {
    it(`${lesson}: the card turns to its observe step in a task of its own, not in the worker's answer`, async () => {
      await withApp(`?lesson=${lesson}&quality=full`, async (p, errors) => {
        await settled(p);
        const tracing = await startTrace(p, ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking']);
        await p.locator('#play').click();
        await expect.poll(() => p.locator('#prompt').getAttribute('data-step'), { timeout: 20_000 }).toBe('observe');
        await p.locator('#play').click();
        await settled(p);
        const trace = JSON.parse(await tracing.stop()) as { traceEvents: TaskEvent[] };
        const tasks = tasksOfStepWrites(trace.traceEvents);
        console.log(`${lesson}: the card's step written in tasks holding ${tasks.map((t) => [...new Set(t)].filter((n) => /Message|Function|Timer/.test(n)).join('+')).join('; ')}`);
        expect(tasks.length).toBeGreaterThan(0);
        for (const t of tasks) expect(t).not.toContain('HandlePostMessage');
        expect(errors).toEqual([]);
      });
    });
  }
});
