// What made each layout of the page's main thread, read from a Chromium trace recorded with the
// invalidation-tracking categories (LAYOUT_CAUSE_CATEGORIES): each Layout event with its CPU time,
// dirty objects and roots, and the LayoutInvalidationTracking events (node, reason, the script that
// made them) since the layout before it. Shared by bench/profile.ts (--invalidations) and the
// browser check test/e2e/playInvalidations.test.ts; it reads a trace, it does not record one.
import { pageMainThread } from './trace';

/** The trace categories that carry what dirtied the layout, with the script stack of each write. */
export const LAYOUT_CAUSE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-devtools.timeline.stack'];

interface StackFrame {
  functionName?: string;
  url?: string;
  lineNumber?: number;
}

/** The fields of a trace event this reader uses. */
export interface CauseTraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    beginData?: { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean };
    endData?: { layoutRoots?: { nodeName?: string }[] };
    data?: { nodeName?: string; reason?: string; changedAttribute?: string; stackTrace?: StackFrame[] };
  };
}

/** One thing that dirtied a layout: the node (as Chromium names it), why, and the script that wrote it. */
export interface Invalidation {
  node: string;
  reason: string;
  /** The innermost script frames, "fn@file:line", innermost first; empty when no script was on the stack. */
  stack: string[];
}

export interface LayoutWithCauses {
  /** Wall and CPU (thread) time, ms. */
  wallMs: number;
  cpuMs: number;
  dirty: number;
  total: number;
  /** The layout's roots: `#document` for the whole page, else the boxes laid out alone. */
  roots: string[];
  causes: Invalidation[];
}

const key = (e: { pid: number; tid: number }) => `${e.pid}:${e.tid}`;
const frameText = (f: StackFrame) => `${f.functionName || '(anon)'}@${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? 0) + 1}`;

/** The page's main thread as `pid:tid` (the busiest renderer main thread: `pageMainThread`, trace.ts). */
export function mainThread(events: CauseTraceEvent[]): string | undefined {
  const t = pageMainThread(events);
  return t && key(t);
}

/** Every layout of the main thread, in order, with the invalidations recorded since the one before. */
export function layoutsWithCauses(events: CauseTraceEvent[], main = mainThread(events)): LayoutWithCauses[] {
  const mine = events.filter((e) => key(e) === main && (e.name === 'LayoutInvalidationTracking' || (e.name === 'Layout' && e.ph === 'X'))).sort((a, b) => a.ts - b.ts);
  const out: LayoutWithCauses[] = [];
  let pending: Invalidation[] = [];
  for (const e of mine) {
    if (e.name === 'LayoutInvalidationTracking') {
      const d = e.args?.data ?? {};
      pending.push({ node: d.nodeName ?? '?', reason: d.reason ?? '?', stack: (d.stackTrace ?? []).slice(0, 4).map(frameText) });
      continue;
    }
    out.push({
      wallMs: (e.dur ?? 0) / 1000,
      cpuMs: (e.tdur ?? e.dur ?? 0) / 1000,
      dirty: e.args?.beginData?.dirtyObjects ?? 0,
      total: e.args?.beginData?.totalObjects ?? 0,
      roots: (e.args?.endData?.layoutRoots ?? []).map((r) => r.nodeName ?? '?'),
      causes: pending,
    });
    pending = [];
  }
  return out;
}

/** A text node left the layout while its element stayed: text written with `textContent =` (a new node) instead of into the node there. */
export function replacedTexts(layout: LayoutWithCauses): number {
  const removed = (what: (i: Invalidation) => boolean) => layout.causes.filter((i) => i.reason === 'Removed from layout' && what(i)).length;
  // An element removed with its text (an axis tick, a prompt card's parts) takes one text node with it, at most a few.
  return Math.max(0, removed((i) => i.node === '#text') - 3 * removed((i) => i.node !== '#text'));
}

/** The kinds of cause, "node: reason", and in how many of `layouts` each appears. */
export function causeKinds(layouts: LayoutWithCauses[]): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const l of layouts) {
    const seen = new Set(l.causes.map((i) => `${i.node.split(' ')[0]}: ${i.reason}`));
    for (const k of seen) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  return kinds;
}
