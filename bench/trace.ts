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
  args?: { name?: string; src_func?: string; src_file?: string; data?: { url?: string; lineNumber?: number; functionName?: string; requestId?: string; resourceType?: string; type?: string } };
}

/** A node of a V8 CPU profile (CDP Profiler.stop). */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A function's name as the tables print it: name, file and line. */
const functionLabel = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;

/**
 * Self and inclusive time (ms) of each function over a profile's samples, by name (a function
 * counted once per sample however often it recurs), and the time sampled; `keep` limits it to the
 * samples taken at the given times (µs, on the trace's clock).
 */
export function sampleTimes(p: Profile, keep?: (sampleUs: number) => boolean): { self: Map<string, number>; total: Map<string, number>; allMs: number } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let allMs = 0;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    if (keep && !keep(t)) continue;
    const n = byId.get(p.samples[i]);
    if (!n) continue;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    allMs += dt;
    const l = functionLabel(n);
    self.set(l, (self.get(l) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const nl = functionLabel(byId.get(id)!);
      if (seen.has(nl)) continue;
      seen.add(nl);
      total.set(nl, (total.get(nl) ?? 0) + dt);
    }
  }
  return { self, total, allMs };
}
