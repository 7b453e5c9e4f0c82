// The tasks in which the prompt card's step (`data-step` on #prompt) was written, read from a
// Chromium trace recorded with the invalidation-tracking category: each task's wall and CPU time
// and the names of the events inside it (HandlePostMessage: a message from a worker, the engine's
// answer); and a stop's card task with the frame after it. Shared by test/e2e/playCard.test.ts,
// bench/playCard.ts and bench/stopLayout.ts; it reads a trace only.
import type { CauseTraceEvent } from './layoutCauses';

/** The fields of a trace event this reader uses (the layout tools' event, which has them all). */
export type TaskEvent = CauseTraceEvent;

export interface CardTask {
  wallMs: number;
  cpuMs: number;
  /** The names of the complete events inside the task. */
  names: string[];
}

/** The trace categories that carry the card's write (with the tasks around it). */
export const CARD_TASK_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking'];

const same = (a: TaskEvent, b: TaskEvent) => a.pid === b.pid && a.tid === b.tid;
const isTask = (e: TaskEvent) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask';

function taskOf(events: TaskEvent[], task: TaskEvent): CardTask {
  const end = task.ts + (task.dur ?? 0);
  const names = events.filter((e) => e.ph === 'X' && same(e, task) && e.ts >= task.ts && e.ts <= end).map((e) => e.name);
  return { wallMs: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? task.dur ?? 0) / 1000, names };
}

/** Each task in which the card's step attribute was written (one per write). */
export function tasksOfStepWrites(events: TaskEvent[]): CardTask[] {
  const writes = events.filter((e) => e.name === 'ScheduleStyleInvalidationTracking' && e.args?.data?.changedAttribute === 'data-step' && (e.args.data.nodeName ?? '').startsWith("SECTION id='prompt'"));
  return writes.map((w) => {
    const task = events.find((e) => isTask(e) && same(e, w) && e.ts <= w.ts && w.ts <= e.ts + (e.dur ?? 0));
    return task ? taskOf(events, task) : { wallMs: 0, cpuMs: 0, names: ['(no task)'] };
  });
}

/** The tasks of the card's thread that handled a worker's message, longest (CPU) first. */
export function workerAnswerTasks(events: TaskEvent[]): CardTask[] {
  const write = events.find((e) => e.name === 'ScheduleStyleInvalidationTracking' && (e.args?.data?.nodeName ?? '').startsWith("SECTION id='prompt'"));
  if (!write) return [];
  return events
    .filter((e) => isTask(e) && same(e, write))
    .map((e) => taskOf(events, e))
    .filter((t) => t.names.includes('HandlePostMessage'))
    .sort((a, b) => b.cpuMs - a.cpuMs);
}

/** The card's task at a stop and the frame after it: CPU ms, and the frame's style and layout. */
export interface StopTasks {
  card: CardTask & { top: string[] };
  frame: CardTask & { top: string[]; styleLayoutCpuMs: number; restyled: number; laidOut: number; roots: string[] };
}

/**
 * The first write of the card's step in the trace (a stop, when the trace starts while the run
 * plays into it), its task, and the next task of that thread that styles or lays the page out (the
 * stop's frame). Null when the trace holds no such write.
 */
export function stopTasks(events: TaskEvent[]): StopTasks | null {
  const w = events.find((e) => e.name === 'ScheduleStyleInvalidationTracking' && e.args?.data?.changedAttribute === 'data-step' && (e.args.data.nodeName ?? '').startsWith("SECTION id='prompt'"));
  if (!w) return null;
  const tasks = events.filter((e) => isTask(e) && same(e, w)).sort((a, b) => a.ts - b.ts);
  const at = tasks.findIndex((e) => e.ts <= w.ts && w.ts <= e.ts + (e.dur ?? 0));
  if (at < 0) return null;
  const inside = (t: TaskEvent, e: TaskEvent) => same(e, t) && e.ph === 'X' && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0);
  const styleOrLayout = (t: TaskEvent) => events.filter((e) => inside(t, e) && (e.name === 'UpdateLayoutTree' || e.name === 'Layout'));
  const next = tasks.slice(at + 1).find((t) => styleOrLayout(t).length > 0);
  if (!next) return null;
  const parts = styleOrLayout(next);
  // The longest events inside a task (CPU ms), to tell what it spent its time on.
  const top = (t: TaskEvent) =>
    events
      .filter((e) => inside(t, e) && e !== t && e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask')
      .map((e) => ({ n: e.name === 'FunctionCall' ? `FunctionCall(${(e.args?.data as { functionName?: string } | undefined)?.functionName ?? ''})` : e.name, ms: (e.tdur ?? e.dur ?? 0) / 1000 }))
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 6)
      .map((x) => `${x.n} ${x.ms.toFixed(1)}`);
  const a = (e: TaskEvent) => (e.args ?? {}) as NonNullable<TaskEvent['args']> & { elementCount?: number };
  return {
    card: { ...taskOf(events, tasks[at]), top: top(tasks[at]) },
    frame: {
      ...taskOf(events, next),
      top: top(next),
      styleLayoutCpuMs: parts.reduce((s, e) => s + (e.tdur ?? e.dur ?? 0) / 1000, 0),
      restyled: parts.reduce((s, e) => s + (a(e).elementCount ?? 0), 0),
      laidOut: parts.reduce((s, e) => s + (a(e).beginData?.dirtyObjects ?? 0), 0),
      roots: parts.flatMap((e) => (a(e).endData?.layoutRoots ?? []).map((r) => r.nodeName ?? '?')),
    },
  };
}
