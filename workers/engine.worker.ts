// The Web Worker that owns one engine. It loads a scenario, advances it in batches within a time
// budget, and hands the page the latest frame (moved, not copied) plus a snapshot now and then
// for crash recovery. The page imports only `type EngineApi` and talks to it through Comlink.
import { expose, transfer } from 'comlink';
import { createModel, densityGrids, frameBuffers, makeFrame, describeProblems, restore, snapshot, stateHash, step } from '../sim/index';
import type { DensityGrid, FrameStore } from '../sim/index';
import { cellTable, makeRunFile, memoryProblem, type CellTable } from '../src/lab';
import type { Model, Snapshot, RunEvent } from '../sim/index';
import type { Checkpoint, RunFile } from '../src/lab';
import { loadRawLesson } from '../lessons/library';
import { asScenarioFile, parseScenarioFile, type ScenarioFile } from '../lessons/scenarioFile';
import { inspectCell } from './inspect';
import { Follower, newestVesicle, vesicleNear } from './follow';
import { snapshotBuffers } from './transferables';
import type { AdvanceResult, FollowReport, LoadInfo } from './protocol';
// Timeline, run files and links (workers/timeline.ts, workers/timelineApi.ts).
import { scheduleOnTimeline, Timeline, type StartOptions } from './timeline';
import { timelineApi } from './timelineApi';
// Undo of a change that replaces or cuts the run (workers/keptRun.ts).
import { Shelf } from './keptRun';
// Frame buffers handed back by the page (workers/framePool.ts).
import { FramePool } from './framePool';
// Where the worker's time goes (workers/workTimes.ts).
import { WorkTimes, type WorkTimesReport } from './workTimes';
// How long to step between frames so that making them stays a small share (workers/frameSpacing.ts).
import { FrameSpacing } from './frameSpacing';

/** Where a run comes from: a built-in lesson by id, or a scenario object (validated here). */
export type LoadSource = { lesson: string } | { scenario: unknown };

let model: Model | null = null;
let follower: Follower | null = null;
const snapshots = { wall: 0, tick: -1, costMs: 0 };
let timeline = new Timeline();
const shelf = new Shelf();
const pool = new FramePool();
const times = new WorkTimes();
const framing = new FrameSpacing();
/** The density grids of the current model's tissues (fixed for a scenario). */
let grids: { model: Model | null; grids: DensityGrid[] } = { model: null, grids: [] };

function gridsOf(m: Model): DensityGrid[] {
  if (grids.model !== m) grids = { model: m, grids: densityGrids(m) };
  return grids.grids;
}

function current(): Model {
  if (!model) throw new Error('no scenario is loaded');
  return model;
}

function info(m: Model, warnings: string[] = []): LoadInfo {
  return {
    scenario: asScenarioFile(m.scenario),
    seed: m.seed,
    tick: m.tick,
    dtSeconds: m.dt,
    index: m.index,
    seriesNames: m.series.names,
    seriesUnits: m.series.units,
    warnings: [...warnings, ...m.warnings.map((w) => w.message)],
  };
}

function fresh(m: Model, opts: StartOptions = {}): void {
  model = m;
  follower = null;
  pool.clear();
  framing.clear();
  // The first answer carries a snapshot: crash recovery never has to start the run again.
  snapshots.wall = -Infinity;
  snapshots.tick = -1;
  // A fresh timeline object each run: a run put aside for undo keeps its own.
  timeline = new Timeline();
  timeline.start(m, opts);
}

/** A snapshot when enough wall time has passed (more when snapshots are costly), else undefined. */
function maybeSnapshot(m: Model): Snapshot | undefined {
  const now = performance.now();
  if (m.tick === snapshots.tick || now - snapshots.wall < Math.max(4000, 25 * snapshots.costMs)) return undefined;
  const snap = snapshot(m);
  snapshots.costMs = performance.now() - now;
  snapshots.wall = performance.now();
  snapshots.tick = m.tick;
  return snap;
}

/** One step; false when the run's hash differs from a known one at this tick (replays stop). */
function oneStep(m: Model): boolean {
  const t0 = performance.now();
  step(m, 1);
  follower?.afterStep(m);
  const t1 = performance.now();
  const same = timeline.afterStep(m, t1 - t0);
  times.add('stepMs', t1 - t0);
  times.add('timelineMs', performance.now() - t1);
  return same;
}

/** The answer to a batch of steps: the latest frame (moved), now and then a snapshot, the timeline. */
function result(m: Model, steps: number, stepMs: number, fromSample: number, extra: Partial<AdvanceResult> = {}): AdvanceResult {
  const t0 = performance.now();
  const frame = makeFrame(m, fromSample, pool.take(m.vesicles.count, gridsOf(m)), gridsOf(m));
  const t1 = performance.now();
  const snap = maybeSnapshot(m);
  times.add('frameMs', t1 - t0);
  framing.note(t1 - t0);
  if (snap) times.add('snapshotMs', performance.now() - t1);
  const r: AdvanceResult = { frame, steps, stepMs, buffersMade: pool.made, snapshot: snap, follow: follower?.report(m), timeline: timeline.info(m), ...extra };
  return transfer(r, [...new Set([...frameBuffers(frame), ...(snap ? snapshotBuffers(snap) : [])])]);
}

/** A linked lesson's file, fetched and checked while the page builds itself (api.warm); open takes it once. */
let warmed: { id: string; parsed: Promise<ReturnType<typeof parseScenarioFile> | undefined> } | null = null;

/** The warmed check of the lesson `source` names, if any (any open clears it). */
function takeWarmed(source: LoadSource): Promise<ReturnType<typeof parseScenarioFile> | undefined> | undefined {
  const w = warmed;
  warmed = null;
  return w && 'lesson' in source && w.id === source.lesson ? w.parsed : undefined;
}

const api = {
  /**
   * Fetches and checks a built-in lesson's file before the page asks to open it (a link to a
   * lesson starts the worker at once, while the page is still building its panels). Never fails:
   * a problem is found again, and told, by open.
   */
  warm(lessonId: string): void {
    // Warmed already (boot.js named the linked lesson when it started this worker).
    if (warmed?.id === lessonId) return;
    warmed = {
      id: lessonId,
      parsed: loadRawLesson(lessonId)
        .then((raw) => (raw === undefined ? undefined : parseScenarioFile(raw)))
        .catch(() => undefined),
    };
  },

  /**
   * The warmed lesson's checked file (undefined when another lesson was warmed, or it has
   * problems): the page takes it instead of checking the same file again on its own thread.
   */
  async warmedLesson(lessonId: string): Promise<ScenarioFile | undefined> {
    const w = warmed;
    if (!w || w.id !== lessonId) return undefined;
    const parsed = await w.parsed;
    return parsed?.ok ? parsed.value : undefined;
  },

  /** Builds a model from a lesson or scenario and a seed; throws with plain-words problems. */
  async load(source: LoadSource, seed?: string): Promise<LoadInfo> {
    // A lesson's file is fetched when first asked for (lessons/library.ts), not bundled with the worker.
    const raw = 'lesson' in source ? await loadRawLesson(source.lesson) : source.scenario;
    if (raw === undefined) throw new Error(`there is no lesson called "${(source as { lesson: string }).lesson}"`);
    const parsed = parseScenarioFile(raw);
    if (!parsed.ok) throw new Error(`the scenario has problems:\n${describeProblems(parsed.problems)}`);
    const m = createModel(parsed.value, seed ?? parsed.value.seed);
    fresh(m, { setupPending: true });
    return info(m);
  },

  /**
   * Like load, but a scenario with problems, or one too large for a laptop's memory, is answered
   * with a problem in plain words instead of an error; the current run is untouched until the new
   * model is built.
   */
  async open(source: LoadSource, seed?: string): Promise<LoadInfo | { problem: string }> {
    let parsed = await takeWarmed(source);
    if (!parsed) {
      const raw = 'lesson' in source ? await loadRawLesson(source.lesson) : source.scenario;
      if (raw === undefined) return { problem: `there is no lesson called "${String((source as { lesson: unknown }).lesson).slice(0, 60)}"` };
      parsed = parseScenarioFile(raw);
    }
    if (!parsed.ok) return { problem: `the scenario has problems:\n${describeProblems(parsed.problems)}` };
    const tooBig = memoryProblem(parsed.value, 'browser');
    if (tooBig) return { problem: tooBig };
    let m: Model;
    try {
      m = createModel(parsed.value, seed ?? parsed.value.seed);
    } catch (e) {
      return { problem: `this run cannot start: ${e instanceof Error ? e.message : String(e)}` };
    }
    fresh(m, { setupPending: true });
    return info(m);
  },

  /** Continues from a snapshot (after a crash, in a new worker). */
  restore(snap: Snapshot): LoadInfo {
    const m = restore(snap);
    fresh(m);
    return info(m);
  },

  /**
   * Runs up to maxSteps steps, stopping early once budgetMs of wall time is spent (at least one
   * step when maxSteps > 0), and returns the latest frame with metric samples from `fromSample`.
   * `spare`: buffers of frames the page has drawn (moved back), reused for the next frames.
   */
  advance(maxSteps: number, budgetMs: number, fromSample: number, spare?: FrameStore[]): AdvanceResult {
    times.begin();
    pool.give(spare);
    const m = current();
    const t0 = performance.now();
    // A large run steps for longer between frames, so making frames stays a small share of the work.
    const until = Math.max(budgetMs, framing.stepMsPerFrame());
    let steps = 0;
    while (steps < maxSteps) {
      const same = oneStep(m);
      steps++;
      if (!same || performance.now() - t0 >= until) break;
    }
    const r = result(m, steps, performance.now() - t0, fromSample);
    times.end();
    return r;
  },

  /** Where the worker's time went since the last call: stepping, timeline, frames, snapshots, idle. */
  workTimes(): WorkTimesReport {
    return times.report();
  },

  /** Runs exactly n steps (test hook, replays) and returns the tick. */
  stepN(n: number): number {
    const m = current();
    for (let k = 0; k < n; k++) oneStep(m);
    return m.tick;
  },

  /** Queues an intervention event; returns a plain-words reason when it is refused. */
  schedule(event: unknown): string | null {
    // A change at a moment the run has already been past starts a new branch from here.
    return scheduleOnTimeline(timeline, current(), event);
  },

  /**
   * Queues an intervention now, like schedule, and says at which tick it was queued (the page
   * records it, so crash recovery can apply it again after the last snapshot).
   */
  scheduleAt(event: unknown): { problem: string | null; tick: number } {
    const m = current();
    const tick = m.tick;
    return { problem: scheduleOnTimeline(timeline, m, event), tick };
  },

  hash(): string {
    return stateHash(current());
  },

  tick(): number {
    return current().tick;
  },

  /** The events applied so far and those still waiting. */
  events(): { applied: RunEvent[]; pending: RunEvent[] } {
    const m = current();
    return { applied: m.log, pending: m.pending };
  },

  inspectCell(id: number) {
    return inspectCell(current(), id);
  },

  /** Starts following the packet nearest to a point (µm); null when none is that close. */
  followAt(tissue: number, x: number, y: number, maxDist: number): FollowReport | null {
    const m = current();
    const i = vesicleNear(m, tissue, x, y, maxDist);
    if (i < 0) return null;
    follower = new Follower(m, i);
    return follower.report(m);
  },

  /** Starts following the newest packet of a cell (of any cell when cellId is undefined). */
  followNewest(cellId?: number): FollowReport | null {
    const m = current();
    const i = newestVesicle(m, cellId);
    if (i < 0) return null;
    follower = new Follower(m, i);
    return follower.report(m);
  },

  unfollow(): void {
    follower = null;
  },

  /** A snapshot right now (for saving, or before risky operations). */
  takeSnapshot(): Snapshot {
    const snap = snapshot(current());
    return transfer(snap, snapshotBuffers(snap));
  },

  /** Export: the table of living cells (id, type, state, tissue, place, uptake, signals). */
  cellTable(): CellTable {
    return cellTable(current());
  },

  /** Export: the run file of the run so far (scenario as created, seed, events, checkpoints). */
  runFile(checkpoints: Checkpoint[] = []): RunFile {
    return makeRunFile(current(), checkpoints);
  },

  /** Keeps a copy of the current run so that the change about to be made can be undone; its id (null: no run). */
  keepRun(): number | null {
    if (!model) return null;
    return shelf.keep({ model, timeline });
  },

  /**
   * Undo: makes the kept run with this id current again (exactly as it was: same tick, state,
   * events and timeline), and keeps the run it replaces under the returned id (for a redo).
   * Null when that run is no longer kept.
   */
  swapKept(id: number): { info: LoadInfo; id: number } | null {
    const back = shelf.swap(id, { model: current(), timeline });
    if (!back) return null;
    model = back.run.model;
    timeline = back.run.timeline;
    follower = null;
    snapshots.wall = -Infinity;
    snapshots.tick = -1;
    return { info: info(model), id: back.id };
  },

  /** Forgets a kept run (its offer to undo is over), freeing its memory. */
  dropKept(id: number): void {
    shelf.drop(id);
  },

  /** Test hook: makes the worker fail the way a real crash would (an uncaught error). */
  crashForTest(): void {
    setTimeout(() => {
      throw new Error('the engine worker was crashed on purpose (test)');
    }, 0);
  },

  // Timeline (seek), run files (open, save) and share links.
  ...timelineApi({
    get timeline() {
      return timeline;
    },
    current,
    swap: (m) => {
      model = m;
      follower = null;
    },
    fresh,
    oneStep,
    result,
    info,
  }),
};

export type EngineApi = typeof api;

expose(api);
// Started by boot.js on a link to a lesson, with the lesson's id in the address's fragment: its
// file is fetched and checked now, while the page's own scripts are still loading.
const earlyLesson = new URLSearchParams(self.location.hash.slice(1)).get('lesson');
if (earlyLesson) api.warm(earlyLesson);
