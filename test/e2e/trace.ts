// Chromium's trace of a page, read straight over the DevTools protocol: the same Tracing.start
// (the categories, the trace kept as a stream) that Playwright's browser.startTracing sends, and
// the same stream read here, in the test's process. Playwright's browser.stopTracing() writes the
// stream to a file and then hands the file over in base64 chunks through its own protocol, which
// for a 10–17 MB trace took seconds more than reading it (docs/testing.md). And the one way the
// browser files and the bench pick the page's main thread out of a trace.
import type { Page } from 'playwright-core';

/** The fields of a trace event that picking a thread reads. */
export interface ThreadEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  /** `data` is read only for `startTrace`'s mark; other event types keep their own shapes of it. */
  args?: { name?: string; data?: unknown };
}

/** A thread of the trace. */
export interface TraceThread {
  pid: number;
  tid: number;
}

/** True when the event ran on the thread. */
export const onThread = (e: TraceThread, t: TraceThread): boolean => e.pid === t.pid && e.tid === t.tid;

/** The mark `startTrace` leaves on the traced page's main thread (a `console.timeStamp`). */
export const TRACED_PAGE = 'cellpost: the traced page';

/**
 * The page's main thread: the trace holds every renderer of the shared Chromium (another page's,
 * a blank one, one still closing). The thread that holds `startTrace`'s mark is the page's. Without
 * it (a trace taken some other way), the busiest renderer main thread (`CrRendererMain`), the one
 * with the most time in complete events; on a loaded machine another renderer was at times busier,
 * and a check then counted no animation frame at all. Undefined when the trace has none.
 */
export function pageMainThread(events: readonly ThreadEvent[]): TraceThread | undefined {
  const key = (e: TraceThread) => `${e.pid}:${e.tid}`;
  const mains = new Map<string, TraceThread>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.set(key(e), { pid: e.pid, tid: e.tid });
  const marked = events.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: unknown } | undefined)?.message === TRACED_PAGE && mains.has(key(e)));
  if (marked) return mains.get(key(marked));
  const busy = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && typeof e.dur === 'number' && mains.has(key(e))) busy.set(key(e), (busy.get(key(e)) ?? 0) + e.dur);
  let best: TraceThread | undefined;
  let most = -1;
  for (const [k, t] of mains) {
    const b = busy.get(k) ?? 0;
    if (b > most) [best, most] = [t, b];
  }
  return best;
}

export interface Trace {
  /** Ends the trace and returns it (Chromium's JSON trace format, as browser.stopTracing() gave it). */
  stop(): Promise<string>;
}

/**
 * Starts tracing `categories` in the browser of page `p`, and marks `p`'s main thread in the trace
 * (`TRACED_PAGE`, read by `pageMainThread`).
 */
export async function startTrace(p: Page, categories: readonly string[]): Promise<Trace> {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', categories: categories.join(',') });
  await p.evaluate(`console.timeStamp(${JSON.stringify(TRACED_PAGE)})`);
  return {
    async stop() {
      const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (e) => done(e.stream ?? '')));
      await cdp.send('Tracing.end');
      const handle = await complete;
      if (handle === '') throw new Error('Chromium ended the trace without a stream to read it from');
      const chunks: Buffer[] = [];
      for (let eof = false; !eof; ) {
        const r = await cdp.send('IO.read', { handle });
        chunks.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'utf8'));
        eof = r.eof;
      }
      await cdp.send('IO.close', { handle });
      await cdp.detach();
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
