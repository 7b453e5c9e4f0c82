// The timeline of the worker's run: state hashes at checkpoints (at the start, every simulated
// hour, and where the run was left), snapshots for seeking back and forth exactly, checks against
// known hashes (a run file's, a link's, or the run's own), and branching when a past moment changes.
import { checkEvent, restore, schedule, snapshot, stateHash } from '../sim/index';
import { canonicalJson } from '../sim/hash';
import type { Model, RunEvent, Series, Snapshot } from '../sim/index';
import type { Checkpoint } from '../src/lab';

/** Where a run's known hashes came from. */
export type HashSource = 'file' | 'link';

export interface Mismatch {
  tick: number;
  hours: number;
  expected: string;
  actual: string;
}

/** A change made at a past moment: the later part of the run (and its later events) was dropped. */
export interface BranchNote {
  tick: number;
  hours: number;
  /** Recorded events after the branch point that were dropped. */
  dropped: number;
  /** Where the run had got to before (ticks). */
  oldEnd: number;
}

/** What the page needs to draw the timeline and say whether the run matches its record. */
export interface TimelineInfo {
  /** The earliest tick one can go back to (0, or a crash-recovery snapshot's tick). */
  start: number;
  /** The furthest tick simulated in this timeline. */
  frontier: number;
  /** The tick the model is at now. */
  tick: number;
  /** Until the run passes this tick, a change starts a branch (the end of a loaded recording). */
  recordedEnd: number;
  /** Checks against a run file's or link's hashes (null when there are none). */
  verify: { source: HashSource; checked: number; total: number; mismatch: Mismatch | null; stopped: boolean } | null;
  /** The run differed from its own earlier pass over the same ticks (a determinism bug). */
  selfMismatch: Mismatch | null;
  branches: BranchNote[];
  /** Changes whenever the event list or the branches change. */
  version: number;
  /** Snapshots kept, and their size in bytes. */
  snapshots: number;
  snapshotBytes: number;
}

export interface StartOptions {
  /** Hashes to check the run against (a run file's checkpoints, a link's check). */
  expected?: readonly Checkpoint[];
  source?: HashSource;
  /** The end of the recording being replayed (its stopTick). */
  recordedEnd?: number;
  /** The pending events at the start are the scenario's own (kept when the run branches). */
  setupPending?: boolean;
}

interface Kept {
  tick: number;
  snap: Snapshot;
  /** Metric samples the model had (snapshots are stored without their series). */
  samples: number;
  bytes: number;
}

/** Stepping time (ms) between snapshots: a seek re-simulates at most about this long. */
const SNAP_EVERY_MS = 60;
/**
 * Snapshots cost at most about a fortieth of the stepping time (large scenes snapshot less often).
 * A snapshot copies each column once (sim/engine.ts), so at 1M packets one costs a few ms, and
 * forty of those is still less stepping between snapshots than twenty of the double copy was.
 */
const SNAP_COST_SHARE = 40;
/** Memory for snapshots; past it every second one is dropped and they are kept half as often. */
const SNAP_BUDGET_BYTES = 96 * 1024 * 1024;

const EMPTY_SERIES: Series = { names: [], units: [], t: [], values: [] };

function bytesOf(snap: Snapshot): number {
  let n = 0;
  for (const a of Object.values(snap.vesicles)) if (ArrayBuffer.isView(a)) n += a.byteLength;
  for (const a of Object.values(snap.cells.columns)) n += a.byteLength;
  n += snap.blood.byteLength + snap.deaths.byteLength + snap.uptakeTotals.byteLength;
  return n + 200 * (snap.log.length + snap.pending.length) + 20_000;
}

function prefix(s: Series, n: number): Series {
  return { names: s.names, units: s.units, t: s.t.slice(0, n), values: s.values.map((v) => v.slice(0, n)) };
}

export class Timeline {
  private startTick = 0;
  private frontier = 0;
  private recordedEnd = 0;
  private every = 360;
  private readonly own = new Map<number, string>();
  private readonly expected = new Map<number, string>();
  private verify: TimelineInfo['verify'] = null;
  private selfMismatch: Mismatch | null = null;
  private branches: BranchNote[] = [];
  private version = 0;
  private snaps: Kept[] = [];
  private snapBytes = 0;
  private snapEveryMs: number;
  private costSinceSnap = 0;
  private lastSnapMs = 0;
  private setupKeys = new Set<string>();
  /** The series of the run at its frontier, kept when the model goes back (snapshots hold none). */
  private longest: Series | null = null;

  /**
   * `limits`: the snapshot memory budget and stepping time between snapshots; `clock` times a
   * snapshot (the page's clock; tests give a fixed one so that when snapshots are kept does not
   * depend on how busy the machine is).
   */
  constructor(
    private readonly limits: { budgetBytes: number; everyMs: number } = { budgetBytes: SNAP_BUDGET_BYTES, everyMs: SNAP_EVERY_MS },
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.snapEveryMs = limits.everyMs;
  }

  /** Starts the timeline of a freshly created (or restored) model. */
  start(m: Model, opts: StartOptions = {}): void {
    this.startTick = m.tick;
    this.frontier = m.tick;
    this.every = Math.max(1, Math.round(3600 / m.dt));
    this.own.clear();
    this.expected.clear();
    for (const c of opts.expected ?? []) this.expected.set(c.tick, c.hash);
    this.verify = this.expected.size > 0 ? { source: opts.source ?? 'file', checked: 0, total: this.expected.size, mismatch: null, stopped: false } : null;
    this.recordedEnd = Math.max(m.tick, opts.recordedEnd ?? m.tick);
    this.selfMismatch = null;
    this.branches = [];
    this.version++;
    this.snaps = [];
    this.snapBytes = 0;
    this.snapEveryMs = this.limits.everyMs;
    this.longest = null;
    this.setupKeys = new Set(opts.setupPending ? m.pending.map((e) => canonicalJson(e)) : []);
    this.keep(m);
    this.check(m);
  }

  /**
   * An independent copy (for a run put aside to undo a change): its own maps and lists; the kept
   * snapshots and series are shared, as nothing changes them once kept (restore copies them).
   */
  copy(): Timeline {
    const c = new Timeline(this.limits, this.clock);
    c.startTick = this.startTick;
    c.frontier = this.frontier;
    c.recordedEnd = this.recordedEnd;
    c.every = this.every;
    for (const [k, v] of this.own) c.own.set(k, v);
    for (const [k, v] of this.expected) c.expected.set(k, v);
    c.verify = this.verify ? { ...this.verify } : null;
    c.selfMismatch = this.selfMismatch;
    c.branches = [...this.branches];
    c.version = this.version;
    c.snaps = [...this.snaps];
    c.snapBytes = this.snapBytes;
    c.snapEveryMs = this.snapEveryMs;
    c.costSinceSnap = this.costSinceSnap;
    c.lastSnapMs = this.lastSnapMs;
    c.setupKeys = new Set(this.setupKeys);
    c.longest = this.longest;
    return c;
  }

  /** After each step: extends the frontier, keeps snapshots, checks hashes. False: a hash differed. */
  afterStep(m: Model, stepMs: number): boolean {
    this.costSinceSnap += stepMs;
    if (m.tick > this.frontier) {
      this.frontier = m.tick;
      if (this.costSinceSnap >= Math.max(this.snapEveryMs, SNAP_COST_SHARE * this.lastSnapMs)) this.keep(m);
    }
    if (m.tick % this.every === 0 || this.expected.has(m.tick) || this.own.has(m.tick)) return this.check(m);
    return true;
  }

  /** Compares (or records) the hash at the model's tick; false when it differs from a known one. */
  private check(m: Model): boolean {
    const expected = this.expected.get(m.tick);
    const own = this.own.get(m.tick);
    const actual = stateHash(m);
    this.own.set(m.tick, actual);
    const hours = (m.tick * m.dt) / 3600;
    let ok = true;
    if (expected !== undefined && this.verify) {
      this.expected.delete(m.tick);
      if (expected === actual) this.verify.checked++;
      else {
        this.verify.mismatch ??= { tick: m.tick, hours, expected, actual };
        // Later hashes belong to the recorded run, which this one no longer is.
        this.verify.stopped = true;
        this.expected.clear();
        ok = false;
      }
    }
    if (own !== undefined && own !== actual) {
      this.selfMismatch ??= { tick: m.tick, hours, expected: own, actual };
      ok = false;
    }
    return ok;
  }

  private keep(m: Model): void {
    if (this.snaps.length > 0 && this.snaps[this.snaps.length - 1].tick >= m.tick) return;
    const series = m.series;
    m.series = EMPTY_SERIES;
    const t0 = this.clock();
    let snap: Snapshot;
    try {
      snap = snapshot(m);
    } finally {
      m.series = series;
    }
    this.lastSnapMs = this.clock() - t0;
    const kept = { tick: m.tick, snap, samples: series.t.length, bytes: bytesOf(snap) };
    this.snaps.push(kept);
    this.snapBytes += kept.bytes;
    this.costSinceSnap = 0;
    while (this.snapBytes > this.limits.budgetBytes && this.snaps.length > 2) this.thin();
  }

  /** Drops every second snapshot (never the first), and keeps them half as often from now on. */
  private thin(): void {
    this.snaps = this.snaps.filter((_, i) => i === 0 || i % 2 === 0 || i === this.snaps.length - 1);
    this.snapBytes = this.snaps.reduce((n, k) => n + k.bytes, 0);
    this.snapEveryMs *= 2;
  }

  /** The tick a seek to `tick` will reach: a whole number between the start and the frontier. */
  clamp(tick: number): number {
    const t = Number.isFinite(tick) ? Math.round(tick) : this.frontier;
    return Math.min(this.frontier, Math.max(this.startTick, t));
  }

  /**
   * The model to step forward from to reach `tick`: the current one when the target lies ahead
   * and no kept snapshot is nearer, else a model restored from the nearest snapshot at or before
   * it, with the run's recorded future events waiting as they were recorded.
   */
  rewind(m: Model, tick: number): Model {
    const target = this.clamp(tick);
    if (target === m.tick) return m;
    if (m.tick === this.frontier) {
      // Leaving the end: remember its hash (saved in run files, checked on the way back) and series.
      if (!this.own.has(m.tick)) this.own.set(m.tick, stateHash(m));
      this.longest = m.series;
    }
    let k = this.snaps.length - 1;
    while (k > 0 && this.snaps[k].tick > target) k--;
    const kept = this.snaps[k];
    if (target > m.tick && kept.tick <= m.tick) return m;
    const events = [...m.log, ...m.pending];
    const r = restore(kept.snap);
    r.pending = structuredClone(events.filter((e) => e.tick >= kept.tick));
    r.series = prefix(this.longest ?? m.series, kept.samples);
    this.costSinceSnap = 0;
    return r;
  }

  /**
   * Before an event is scheduled at the model's tick: if the run has been further (or a loaded
   * recording goes further), this starts a new branch here. Recorded events from this tick on
   * are dropped (the scenario's own scheduled events stay), and so are the later part's
   * snapshots and hashes. Returns the note, or null when nothing was cut.
   */
  branchIfBehind(m: Model): BranchNote | null {
    const t = m.tick;
    if (t >= this.frontier && t >= this.recordedEnd) {
      this.dropExpectedAfter(t);
      this.version++;
      return null;
    }
    const before = m.pending.length;
    m.pending = m.pending.filter((e) => e.tick < t || this.setupKeys.has(canonicalJson(e)));
    const note: BranchNote = { tick: t, hours: (t * m.dt) / 3600, dropped: before - m.pending.length, oldEnd: Math.max(this.frontier, this.recordedEnd) };
    this.frontier = t;
    this.recordedEnd = t;
    this.snaps = this.snaps.filter((s) => s.tick <= t);
    this.snapBytes = this.snaps.reduce((n, s) => n + s.bytes, 0);
    for (const tick of [...this.own.keys()]) if (tick > t) this.own.delete(tick);
    this.dropExpectedAfter(t);
    this.longest = null;
    this.branches.push(note);
    this.version++;
    return note;
  }

  private dropExpectedAfter(t: number): void {
    let dropped = false;
    for (const tick of [...this.expected.keys()])
      if (tick > t) {
        this.expected.delete(tick);
        dropped = true;
      }
    if (dropped && this.verify) this.verify.stopped = true;
  }

  /** Records the hash at the model's tick if none is known (a run file's "at save time" checkpoint). */
  note(m: Model): void {
    if (!this.own.has(m.tick)) this.own.set(m.tick, stateHash(m));
  }

  /** The hashes of this run so far (for its run file), in order of tick, up to the frontier. */
  checkpoints(): Checkpoint[] {
    return [...this.own.entries()].filter(([t]) => t <= this.frontier).sort((a, b) => a[0] - b[0]).map(([tick, hash]) => ({ tick, hash }));
  }

  /** The latest hash known at or before the frontier (for a link's check). */
  latest(): Checkpoint | null {
    const cps = this.checkpoints();
    return cps.length > 0 ? cps[cps.length - 1] : null;
  }

  get end(): number {
    return this.frontier;
  }

  /** Events of the whole recorded run: those applied so far and those waiting (the recorded future). */
  events(m: Model): RunEvent[] {
    return [...m.log, ...m.pending];
  }

  info(m: Model): TimelineInfo {
    return {
      start: this.startTick,
      frontier: this.frontier,
      tick: m.tick,
      recordedEnd: this.recordedEnd,
      verify: this.verify ? { ...this.verify } : null,
      selfMismatch: this.selfMismatch,
      branches: [...this.branches],
      version: this.version,
      snapshots: this.snaps.length,
      snapshotBytes: this.snapBytes,
    };
  }
}

/**
 * Schedules an intervention now on a run with a timeline: refused events change nothing; an
 * accepted one at a moment the run has been past first starts a branch there.
 */
export function scheduleOnTimeline(t: Timeline, m: Model, event: unknown): string | null {
  const problem = checkEvent(m, event);
  if (problem) return problem;
  t.branchIfBehind(m);
  return schedule(m, event);
}
