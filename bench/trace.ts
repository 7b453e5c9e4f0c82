// The Chromium trace event fields the bench scripts read (bench/profile.ts, bench/loadWaterfall.ts):
// one type, so both read a trace the same way.
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: without the time the thread was suspended or waiting for a core. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string; requestId?: string; resourceType?: string; type?: string } };
}
