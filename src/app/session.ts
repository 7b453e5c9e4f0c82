// The run session: owns the engine client and the play loop. One request is in flight at a
// time and only the latest frame is kept for the next animation frame (frames never queue; the
// worker computes the next batch while the page draws this one), wall time turns into engine
// steps at the chosen speed, and every change is recorded as an engine event. The view is redrawn
// every animation frame while the run plays (the last frame under the current zoom and effects)
// unless the quality governor (quality.ts) says the frame budget is missed; paused with nothing
// new to draw, the loop asks for no animation frames at all (a new frame, a redraw or Play wakes
// it; the view's own pan, zoom and effects schedule themselves). The buffers of drawn
// frames go back to the worker for reuse. Nothing here discards a run silently: a new run is built
// and proven to load before it replaces the current one (a refused or failed one leaves it as it
// was); Reset, another lesson or seed, a restarting setting and a change after going back keep a
// copy of the run in the worker first and offer to undo (the `undoable` event); crash recovery
// restores the last snapshot and applies again every event sent since (the journal), so it
// reaches the state the run had; Pause never starts a run.
import type { EventSpec, Frame, FrameStore, RunEvent, Snapshot } from '../../sim/index';
import { frameStoreOf, storeBuffers } from '../../sim/frame';
import { transfer } from 'comlink';
import type { ScenarioFile } from '../../lessons/scenarioFile';
import type { AdvanceResult, FollowReport, LoadInfo } from '../../workers/protocol';
import type { BranchNote, TimelineInfo } from '../../workers/timeline';
import type { LoadSource } from '../../workers/engine.worker';
import { EngineClient } from './engine/client';
import { Emitter } from './emitter';
import { SeriesStore } from './series';
import { Stats } from './stats';
import type { Overrides } from './scenario';
import { loadSchemaTools, schemaTools } from './schemaTools';
import { memoryProblem, type Prediction } from '../lab';
import { PredictionLog } from './predict/log';
import { localLesson } from '../lab/i18n/lessonOverlays';
import { t } from '../i18n/i18n';

/** What building a run in the worker gives: the new run, a refusal in plain words, or nothing (no kept run). */
type Built = LoadInfo | { problem: string } | null;
type Api = NonNullable<EngineClient['api']>;
import { QualityGovernor, type Quality } from './quality';

/** Wall time the worker may spend stepping for one frame. */
const BUDGET_MS = 12;
/** Most steps one request asks for. */
const MAX_STEPS = 5000;
/** Runs of at least this many packets may keep a second request waiting in the worker (queueAhead). */
const QUEUE_FROM_PACKETS = 200_000;
/** Wall time of one batch while Continue steps back to where the run was (no drawing waits on it, so longer than a frame's). */
const CATCH_UP_MS = 60;
/**
 * A Play/Pause press this soon after the run stopped by itself (at a prompt) was aimed at the
 * Pause button the learner saw: it leaves the run paused instead of starting it again.
 */
export const LATE_PAUSE_MS = 700;

/** What replaced or cut the run that an offer to undo brings back. */
export type UndoKind = 'reset' | 'lesson' | 'seed' | 'setting' | 'branch' | 'open' | 'undo';

/** An offer to take back a change that replaced or cut the run (one at a time). */
export interface UndoOffer {
  kind: UndoKind;
  /** The run that would come back: its title and where it had got to. */
  title: string;
  hours: number;
  /** For a branch: where the run was changed and how far its dropped part went. */
  branch?: BranchNote;
  /** Brings the kept run back exactly (same tick and state); false when it is no longer kept. */
  undo(): Promise<boolean>;
  /** False once a newer change took its place, it was taken back, or it was dropped. */
  readonly valid: boolean;
  /** Forgets the kept run (the offer ran out), freeing its memory in the worker. */
  drop(): void;
}

/** What Reset starts from: the lesson or scenario, its settings and the seed. */
interface Setup {
  base: ScenarioFile;
  lessonId: string | null;
  seed: string;
  overrides: Overrides;
}

/** A run kept in the worker (by id) with the page's setup that goes with it. */
interface Kept {
  id: number;
  setup: Setup;
  title: string;
  hours: number;
  /** The learner's predictions in that run. */
  predictions: Prediction[];
}

export interface SessionEvents {
  /** A new model is ready (lesson opened, reset, restored). */
  load: (info: LoadInfo) => void;
  /** A frame to draw; `fresh` is false for a redraw of the same frame. */
  draw: (frame: Frame, fresh: boolean) => void;
  /** The same frame drawn again (an animation frame between engine frames). */
  redraw: (frame: Frame) => void;
  /** The drawing quality changed; `reduced` is true while the page draws less to keep up (quality.ts). */
  quality: (level: Quality, reduced: boolean) => void;
  /** A new frame arrived (after draw); `samples` says whether the series grew. */
  frame: (frame: Frame, samples: boolean) => void;
  playing: (on: boolean) => void;
  /** The engine failed; `resumeHours` is the moment Continue brings the run back to (null: no saved point, it starts again). */
  failure: (message: string, resumeHours: number | null) => void;
  /** Continue is stepping from the snapshot back to where the run was: `done` of `total` steps (done === total: back). */
  recovering: (done: number, total: number) => void;
  /** The run reached a stop (a lesson prompt). */
  stopped: (tick: number) => void;
  follow: (report: FollowReport | null) => void;
  /** The run's parameters changed (a setting, a drug, a blocking antibody). */
  scenario: (s: ScenarioFile) => void;
  notice: (text: string) => void;
  /** Events were sent to the engine and accepted (the run's event list changed), each with the tick it applies at. */
  sent: (events: RunEvent[]) => void;
  /** The run's timeline changed: how far it has been, hash checks, branches (src/timeline). */
  timeline: (info: TimelineInfo) => void;
  /** A change replaced or cut the run; the offer takes it back. */
  undoable: (offer: UndoOffer) => void;
}

/** The parameter an event changes, if it changes one (as sim/events.ts applies it). */
export function paramPathOf(e: EventSpec): { path: string; value: unknown } | null {
  if (e.kind === 'set') return { path: e.path, value: e.value };
  if (e.kind === 'drug') return { path: `cellTypes.${e.cellType}.releaseInhibition`, value: e.inhibition };
  if (e.kind === 'blockLabel') return { path: `labels.${e.label}.blocked`, value: e.fraction };
  return null;
}

/** The settings these events set (a lesson's paired change: what its second run keeps as its own). */
export function pathsSetBy(events: readonly EventSpec[]): string[] {
  return events.flatMap((e) => paramPathOf(e)?.path ?? []);
}

export class Session extends Emitter<SessionEvents> {
  readonly series = new SeriesStore();
  readonly stats = new Stats();
  /** The learner's committed answers to the lesson's prompts: not engine events, so no hash covers them. */
  readonly predictions = new PredictionLog();
  readonly client: EngineClient;
  /** The lesson (or scenario) as given, before the user's settings. */
  base!: ScenarioFile;
  /** Built-in lesson id, when the base is one (lets the worker load it by id). */
  lessonId: string | null = null;
  overrides: Overrides = new Map();
  /** The scenario of the current run, with settings changed during the run applied, its texts in the reader's language (src/i18n). */
  scenario!: ScenarioFile;
  /** The same scenario as the engine has it (the lesson's own words): what a new run must start from, so its state hashes match. */
  engineScenario!: ScenarioFile;
  seed = '1';
  info: LoadInfo | null = null;
  frame: Frame | null = null;
  playing = false;
  /** Simulated hours per wall-clock second. */
  speed = 1;
  /** Ticks at which the run pauses by itself (lesson prompts). */
  stops: number[] = [];
  /** Redraw every animation frame while playing, not only when a new frame arrives (?redraw=0 turns it off). */
  redrawAlways = true;
  /** Draws less when the frame budget is missed (quality.ts). */
  readonly quality = new QualityGovernor();
  /** Buffers of frames no longer drawn, handed back to the worker with the next request. */
  private spare: FrameStore[] = [];
  /** The frame the view drew last (its buffers are in use until a newer frame is drawn). */
  private drawnFrame: Frame | null = null;
  private snapshot: Snapshot | null = null;
  /** Events sent since the snapshot, with the ticks they were queued at (crash recovery applies them again). */
  private journal: RunEvent[] = [];
  /** While a new run is being built in the worker: a failure then is the new run's, not the current one's. */
  private building = false;
  private buildFailure: string | null = null;
  private gen = 0;
  private inflight = 0;
  /** The worker's last answer did fewer steps than asked: it, not the page's clock, sets the pace. */
  private workerBound = false;
  /** Steps asked for by the requests in flight (a waiting request stops short of a stop by these). */
  private asked = 0;
  private undrawn = false;
  private owed = 0;
  private lastNow = 0;
  private needsDraw = false;
  /**
   * The view draws in a task of its own, posted from the animation frame: the frame's task then
   * holds the page's style, layout and commit, and the drawing is the next task, so neither is a
   * long task on a slow laptop (at 4× slowdown the two together were 55–65 ms). What is drawn
   * shows at the next frame. Without MessageChannel the frame draws it.
   */
  private readonly drawPort = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  private drawPosted = false;
  /** How long the last posted drawing took (ms), for the quality governor at the next frame. */
  private lastDrawMs = 0;
  /** When the run last stopped by itself (performance.now), for LATE_PAUSE_MS. */
  private autoStopAt = -Infinity;
  /** The run kept for the current undo offer. */
  private kept: Kept | null = null;
  /** Where the run was when the worker failed (the tick Continue steps back to) and whether it was playing. */
  private lost: { tick: number; playing: boolean } | null = null;
  /** While Continue steps back to where the run was: settles when it is there (or failed again). */
  private recovering: Promise<unknown> | null = null;

  constructor() {
    super();
    this.client = new EngineClient((msg) => this.onFailure(msg));
    if (this.drawPort) {
      this.drawPort.port1.onmessage = () => {
        this.drawPosted = false;
        this.lastDrawMs += this.drawNow(performance.now());
      };
    }
    this.wake();
  }

  get tick(): number {
    return this.frame?.tick ?? 0;
  }

  get dt(): number {
    // Before the first load (a link is still being read) the play loop already runs.
    return this.info?.dtSeconds ?? this.base?.dtSeconds ?? 10;
  }

  /** Engine steps in one metric sample interval (what the Step button advances). */
  get stepsPerSample(): number {
    return Math.max(1, Math.round((this.scenario.sampleEveryMinutes * 60) / this.dt));
  }

  /**
   * Opens a scenario with a seed and settings, and shows its first frame. A run in progress is
   * kept first, with an offer to undo.
   */
  async open(base: ScenarioFile, lessonId: string | null, seed: string, overrides: Overrides = new Map()): Promise<string | null> {
    const kind: UndoKind = this.base && base.id === this.base.id && lessonId === this.lessonId ? 'reset' : 'lesson';
    return this.restartWith({ base, lessonId, seed, overrides }, kind);
  }

  /** Starts the run again from the same scenario, settings and seed (undoable). */
  async reset(): Promise<string | null> {
    return this.restartWith(this.setupNow(), 'reset');
  }

  /** Starts the run again with another seed (undoable). */
  async reseed(seed: string): Promise<string | null> {
    return this.restartWith({ ...this.setupNow(), seed: seed.slice(0, 100) }, 'seed');
  }

  /**
   * Starts a run from a setup: checked first (a bad setting changes nothing), then the run in
   * progress, if any, is kept in the worker and offered back with `kind`.
   */
  private async restartWith(setup: Setup, kind: UndoKind, recover = true): Promise<string | null> {
    // A new run replaces one that a failure stopped: Continue has nothing to step back to.
    this.lost = null;
    let tools;
    try {
      tools = await loadSchemaTools();
    } catch (e) {
      return (e as Error).message;
    }
    const eff = tools.withOverrides(setup.base, setup.overrides);
    if ('problem' in eff) return eff.problem;
    const tooBig = memoryProblem(eff.scenario, 'browser');
    if (tooBig) return tooBig;
    const kept = await this.keepRun();
    const source: LoadSource = setup.lessonId && setup.overrides.size === 0 ? { lesson: setup.lessonId } : { scenario: eff.scenario };
    const problem = await this.reload(
      (api) => api.open(source, setup.seed),
      () => {
        this.applySetup(setup);
        this.predictions.reset();
      },
      recover,
    );
    if (problem !== null) {
      if (kept) this.forget(kept);
      return problem;
    }
    if (kept) this.offer(kind, kept);
    return null;
  }

  private setupNow(): Setup {
    return { base: this.base, lessonId: this.lessonId, seed: this.seed, overrides: new Map(this.overrides) };
  }

  private applySetup(s: Setup): void {
    this.base = s.base;
    this.lessonId = s.lessonId;
    this.seed = s.seed;
    this.overrides = new Map(s.overrides);
  }

  /** True when the run has got anywhere (a change now would lose something). */
  private get started(): boolean {
    if (!this.info || !this.frame) return false;
    return this.tick > (this.timeline?.start ?? 0) || (this.timeline?.frontier ?? 0) > (this.timeline?.start ?? 0);
  }

  /**
   * Keeps a copy of the run in progress in the worker (the previous kept run is dropped); paused
   * first when the run is about to be replaced, so the copy is where the learner left it.
   */
  private async keepRun(pause = true): Promise<Kept | null> {
    if (!this.started || !this.client.alive) return null;
    if (pause) {
      this.pause();
      await this.idle();
    }
    const id = await this.client.call((api) => api.keepRun());
    if (id === undefined || id === null) return null;
    this.kept = { id, setup: this.setupNow(), title: this.scenario.title, hours: (this.tick * this.dt) / 3600, predictions: this.predictions.list() };
    return this.kept;
  }

  /** Drops a kept run that no offer was made for (the change was refused). */
  private forget(kept: Kept): void {
    if (this.kept?.id !== kept.id) return;
    this.kept = null;
    void this.client.call((api) => api.dropKept(kept.id));
  }

  private offer(kind: UndoKind, kept: Kept, branch?: BranchNote): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const session = this;
    this.emit('undoable', {
      kind,
      title: kept.title,
      hours: kept.hours,
      branch,
      undo: () => this.undo(kept.id),
      get valid() {
        return session.kept?.id === kept.id;
      },
      drop: () => this.forget(kept),
    });
  }

  /**
   * Brings the kept run back exactly as it was, with its lesson, seed and settings, and keeps the
   * run it replaces for a redo. False when the run is no longer kept.
   */
  private async undo(id: number): Promise<boolean> {
    const k = this.kept;
    if (!k || k.id !== id || !this.client.alive) return false;
    const leaving: Omit<Kept, 'id'> = { setup: this.setupNow(), title: this.scenario.title, hours: (this.tick * this.dt) / 3600, predictions: this.predictions.list() };
    let next: number | null = null;
    const problem = await this.reload(
      async (api) => {
        const r = await api.swapKept(id);
        if (!r) return null;
        next = r.id;
        return r.info;
      },
      () => {
        this.applySetup(k.setup);
        this.predictions.reset(k.predictions);
      },
    );
    if (problem !== null || next === null) {
      if (this.kept?.id === id) this.kept = null;
      return false;
    }
    this.kept = { id: next, ...leaving };
    this.offer('undo', this.kept);
    return true;
  }

  /**
   * Builds a new run in the worker with `fn` and shows its first frame; `before` runs once the
   * run is there and before anyone hears of it. Until then nothing of the current run changes:
   * a refusal, or a worker that fails while building (the current run is then brought back from
   * its snapshot and journal), leaves it as it was. Resolves to null, or to why nothing changed.
   */
  private async reload(fn: (api: Api) => Promise<Built>, before?: () => void, recover = true): Promise<string | null> {
    this.pause();
    await this.idle();
    // The panels read the new run's settings through the scenario tools when they hear of it.
    try {
      await loadSchemaTools();
    } catch (e) {
      return (e as Error).message;
    }
    const r = await this.build(fn, recover);
    if (r === null) return t('session.nothingToLoad');
    if ('problem' in r) return r.problem;
    this.gen++;
    this.inflight = 0;
    this.asked = 0;
    this.workerBound = false;
    this.undrawn = false;
    this.snapshot = null;
    this.journal = [];
    before?.();
    this.engineScenario = r.scenario;
    const shown = { ...r, scenario: localLesson(r.scenario) };
    this.info = shown;
    this.scenario = shown.scenario;
    this.series.reset(r.seriesNames, r.seriesUnits);
    this.frame = null;
    this.timeline = null;
    this.emit('load', shown);
    this.emit('follow', null);
    await this.request(0, 0);
    return null;
  }

  /**
   * Runs `fn`, which builds a new run in the worker (a scenario, a run file, a link's events)
   * without touching the current one. When the worker fails meanwhile (out of memory, stuck),
   * the failure is the new run's: with `recover`, the current run is brought back (restart) and
   * the answer says why the new one could not be built.
   */
  async build<T>(fn: (api: Api) => Promise<T>, recover = true): Promise<T | { problem: string }> {
    if (!this.client.alive) this.client.start();
    this.building = true;
    this.buildFailure = null;
    let value: T | undefined;
    try {
      value = await this.client.call(fn);
    } finally {
      this.building = false;
    }
    if (value !== undefined) return value;
    const why = this.buildFailure ?? t('session.notRunning');
    if (!recover) return { problem: why };
    const back = this.info ? await this.restart() : null;
    return { problem: t(this.info && back === null ? 'session.stoppedBack' : 'session.stopped', { why }) };
  }

  play(): void {
    if (this.recovering && this.lost) {
      // Continue is bringing the run back: it plays once it is there.
      this.lost.playing = true;
      return;
    }
    if (this.playing || !this.client.alive || !this.info) return;
    this.playing = true;
    this.owed = 0;
    this.wake();
    this.emit('playing', true);
  }

  /** Pause is idempotent: it never starts the run. */
  pause(): void {
    if (this.recovering && this.lost) this.lost.playing = false;
    if (!this.playing) return;
    this.playing = false;
    this.owed = 0;
    this.emit('playing', false);
  }

  /**
   * Play when paused, Pause when playing; a press that comes just after the run stopped by itself
   * was meant for the Pause button that was showing, so it leaves the run paused.
   */
  toggle(): void {
    if (this.playing) this.pause();
    else if (!this.justStopped()) this.play();
  }

  /** True for a short while after the run stopped by itself (LATE_PAUSE_MS). */
  justStopped(): boolean {
    return performance.now() - this.autoStopAt < LATE_PAUSE_MS;
  }

  setSpeed(hoursPerSecond: number): void {
    this.speed = hoursPerSecond;
  }

  /** Advances one metric interval (paused), or n steps exactly; resolves to the new tick. */
  async stepBy(n = this.stepsPerSample): Promise<number> {
    this.pause();
    await this.recovered();
    await this.idle();
    await this.request(n, Infinity);
    return this.tick;
  }

  /** Waits until Continue has brought the run back to where it was (at once when it is not doing so). */
  async recovered(): Promise<void> {
    while (this.recovering) await this.recovering;
  }

  /** True while a request to the engine is in flight (after Pause, its answer still moves the run on). */
  get requesting(): boolean {
    return this.inflight > 0;
  }

  /** Waits until no request is in flight. */
  async idle(): Promise<void> {
    while (this.inflight > 0) await new Promise((r) => setTimeout(r, 5));
  }

  /** True when the run has been further than now: a change here cuts its later part. */
  private get behind(): boolean {
    const t = this.timeline;
    return t !== null && this.tick < Math.max(t.frontier, t.recordedEnd);
  }

  /**
   * Sends intervention events now; returns the first refusal in plain words, or null. A change
   * at a moment the run has been past cuts the later part of the run: a copy is kept first and
   * offered back.
   */
  async send(events: EventSpec[]): Promise<string | null> {
    await this.recovered();
    const behind = this.behind;
    const kept = behind ? await this.keepRun(false) : null;
    const sent: RunEvent[] = [];
    for (const e of events) {
      const now = { ...e } as EventSpec;
      delete (now as { tick?: number }).tick;
      delete (now as { atHours?: number }).atHours;
      const r = await this.client.call((api) => api.scheduleAt(now));
      const problem = r?.problem;
      if (problem !== null && kept && sent.length === 0) this.forget(kept);
      if (problem === undefined) return t('session.notRunning');
      if (problem) return problem;
      const at = { ...now, tick: r!.tick } as RunEvent;
      this.journal.push(at);
      sent.push(at);
      const path = paramPathOf(now);
      if (path) {
        this.engineScenario = schemaTools().setAtPath(this.engineScenario, path.path, path.value);
        this.scenario = schemaTools().setAtPath(this.scenario, path.path, path.value);
        this.emit('scenario', this.scenario);
      }
    }
    this.emit('sent', sent);
    // A change at a past moment dropped the run's recorded future: the snapshot must not bring it back.
    if (behind) await this.refreshSnapshot();
    if (kept) {
      const t = await this.client.call((api) => api.timelineInfo());
      if (t) this.setTimeline(t);
      this.offer('branch', kept, t?.branches[t.branches.length - 1]);
    }
    // Events apply at the next step boundary: when paused, take one step so a placed cell or an
    // injected cloud shows at once.
    if (!this.playing && events.some((e) => e.kind === 'addCells' || e.kind === 'inject' || e.kind === 'removeCells')) await this.stepBy(1);
    return null;
  }

  /**
   * Changes a parameter. Live ones become a recorded `set` event (and are kept for the next
   * Reset); ones that reshape the scene restart the run with the new value.
   */
  async setParam(path: string, value: number, live: boolean): Promise<string | null> {
    if (!live) return this.restartWith({ ...this.setupNow(), overrides: new Map(this.overrides).set(path, value) }, 'setting');
    const problem = await this.send([{ kind: 'set', path, value }]);
    if (problem) return problem;
    this.overrides.set(path, value);
    return null;
  }

  /** Forces a redraw of the current frame (after a resize or a highlight change). */
  redraw(): void {
    this.needsDraw = true;
    this.wake();
  }

  /**
   * After a failure: a new worker restores the last snapshot, applies again every event sent
   * since (each at its tick), and steps on to the tick the run had reached (reporting progress
   * with `recovering`), so the learner sees the same moment and the same state as the unbroken
   * run; then it plays again if it was playing. Without a snapshot the run starts again.
   * Resolves to null, or to why the run could not be brought back (then the failure is shown again).
   */
  async restart(): Promise<string | null> {
    const done = this.restartNow();
    this.recovering = done;
    try {
      return await done;
    } finally {
      if (this.recovering === done) this.recovering = null;
    }
  }

  private async restartNow(): Promise<string | null> {
    const snap = this.snapshot;
    const journal = [...this.journal];
    const lost = this.lost ?? { tick: this.tick, playing: false };
    this.lost = lost;
    this.client.start();
    if (!snap) {
      this.lost = null;
      if (!this.base) return t('session.noRun');
      // Not recovered again if this fails too: the failure is shown instead.
      const problem = await this.restartWith(this.setupNow(), 'reset', false);
      if (problem !== null) this.emit('failure', problem, null);
      return problem;
    }
    const problem = await this.reload(
      async (api) => {
        const info = await api.restore(snap);
        for (const e of journal) {
          const p = await api.schedule(e);
          if (p) info.warnings.push(t('session.eventLost', { problem: p }));
        }
        return info;
      },
      undefined,
      false,
    );
    if (problem !== null) {
      this.emit('failure', problem, null);
      return problem;
    }
    // Until the first new snapshot arrives, the old one and its journal still describe the run.
    this.snapshot ??= snap;
    if (this.snapshot === snap) this.journal = journal;
    // Step on to where the run was, in batches within a frame's budget so the page keeps
    // answering; a new failure meanwhile (gen changes) ends it and is shown as a failure again.
    const gen = this.gen;
    const from = this.tick;
    const total = Math.max(0, lost.tick - from);
    this.emit('recovering', 0, total);
    while (this.client.alive && gen === this.gen && this.tick < lost.tick) {
      await this.request(Math.min(lost.tick - this.tick, MAX_STEPS), CATCH_UP_MS);
      this.emit('recovering', Math.min(total, this.tick - from), total);
    }
    if (gen !== this.gen || !this.client.alive) return t('session.notRunning');
    this.lost = null;
    this.emit('recovering', total, total);
    if (lost.playing) this.play();
    return null;
  }

  /** Takes a snapshot of the run now (after a seek or a branch), emptying the journal. */
  private async refreshSnapshot(): Promise<void> {
    const gen = this.gen;
    const snap = await this.client.call((api) => api.takeSnapshot());
    if (!snap || gen !== this.gen) return;
    this.snapshot = snap;
    this.journal = [];
  }

  // ── Timeline, run files and links (src/timeline, src/replay, src/share) ──

  /** The run's timeline as of the latest answer from the worker. */
  timeline: TimelineInfo | null = null;

  setTimeline(info: TimelineInfo): void {
    this.timeline = info;
    this.emit('timeline', info);
  }

  /**
   * Opens a run that the worker builds itself (a run file, a link's event log): like open(), with
   * the setup Reset will use, but the model comes from `load`; the run's predictions come with it.
   */
  async openWith(base: ScenarioFile, lessonId: string | null, seed: string, overrides: Overrides, load: (api: Api) => Promise<LoadInfo>, predictions: readonly Prediction[] = []): Promise<string | null> {
    this.lost = null;
    const kept = await this.keepRun();
    const problem = await this.reload(load, () => {
      this.applySetup({ base, lessonId, seed, overrides });
      this.predictions.reset(predictions);
    });
    if (problem !== null) {
      if (kept) this.forget(kept);
      return problem;
    }
    if (kept) this.offer('open', kept);
    return null;
  }

  /** Moves the run to another tick (paused); the series is read again from its start. */
  async seek(tick: number): Promise<void> {
    this.pause();
    await this.recovered();
    await this.idle();
    const gen = this.gen;
    this.inflight++;
    const r = await this.client.call((api) => api.seek(tick, 0));
    if (gen !== this.gen) return;
    this.inflight--;
    if (!r) return;
    this.series.reset(this.series.names, this.series.units);
    if (r.scenario) {
      this.engineScenario = r.scenario;
      this.scenario = localLesson(r.scenario);
      this.emit('scenario', this.scenario);
    }
    this.accept(r);
    // The run may now be at an earlier moment than the snapshot kept for recovery.
    if (!r.snapshot) await this.refreshSnapshot();
  }

  /** Runs up to n steps within a wall-time budget (a replay's chunks); resolves to the new tick. */
  async runFor(n: number, budgetMs: number): Promise<number> {
    await this.idle();
    await this.request(n, budgetMs);
    return this.tick;
  }

  private onFailure(message: string): void {
    // A kept run lived in the worker that failed.
    this.kept = null;
    this.gen++;
    this.inflight = 0;
    this.asked = 0;
    this.workerBound = false;
    const was = this.playing;
    this.playing = false;
    if (was) this.emit('playing', false);
    // Continue steps back to the furthest moment the run had reached (also when it failed again
    // while being brought back there), and plays again if it was playing.
    if (!this.building) this.lost = { tick: Math.max(this.lost?.tick ?? 0, this.tick), playing: was || (this.lost?.playing ?? false) };
    // A new run being built failed: build() says so and brings the current run back.
    if (this.building) {
      this.buildFailure = message;
      return;
    }
    // Recovery comes back to where the run was: the snapshot, every later event queued again (the journal), stepped on.
    this.emit('failure', message, this.snapshot ? ((this.lost?.tick ?? this.tick) * this.dt) / 3600 : null);
  }

  /** Whether the play loop has an animation frame asked for. */
  private looping = false;

  /**
   * Starts the play loop when it has stopped. Paused with nothing to draw it asks for no
   * animation frames: a page left paused costs no CPU, and the first frame after a wake counts
   * no wall time (a pause is not owed as steps).
   */
  private wake(): void {
    if (this.looping) return;
    this.looping = true;
    this.lastNow = 0;
    requestAnimationFrame(this.loop);
  }

  /** The loop has more to do at the next animation frame: playing, a frame or redraw not yet drawn, or a drawing posted. */
  private get busy(): boolean {
    return this.playing || this.undrawn || this.drawPosted || (this.needsDraw && this.frame !== null);
  }

  private loop = (now: number): void => {
    try {
      this.frameTask(now);
    } finally {
      // Asked for again while there is more to do, also when a listener threw.
      if (this.busy) requestAnimationFrame(this.loop);
      else this.looping = false;
    }
  };

  /** One animation frame of the play loop: the steps owed, the drawing, the quality governor, the next request. */
  private frameTask(now: number): void {
    const wall = this.lastNow === 0 ? 0 : Math.min(now - this.lastNow, 250);
    this.lastNow = now;
    this.stats.noteAnimationFrame(now);
    const perMs = (this.speed * 3600) / this.dt / 1000;
    if (this.playing) this.owed = Math.min(this.owed + wall * perMs, perMs * 250 + 1);
    let drawMs = 0;
    if (!this.drawPort) drawMs = this.drawNow(now);
    else {
      // The drawing posted by the last frame, measured in its own task.
      drawMs = this.lastDrawMs;
      this.lastDrawMs = 0;
      if (!this.drawPosted && this.wantsDraw()) {
        this.drawPosted = true;
        this.drawPort.port2.postMessage(0);
      }
    }
    if (this.playing && wall > 0 && this.quality.note(now, wall, drawMs)) this.emit('quality', this.quality.level, this.quality.reduced);
    else if (!this.playing) this.quality.pause();
    this.stats.quality = this.quality.reduced ? 'reduced' : 'full';
    this.maybeRequest();
  }

  /** A new frame, a forced redraw, or (playing at full quality) the same frame under running effects. */
  private wantsDraw(): boolean {
    const f = this.frame;
    return f !== null && (this.undrawn || this.needsDraw || (this.playing && this.redrawAlways && this.quality.level === 'full'));
  }

  /** Draws what wantsDraw() asks for; returns the time it took (ms). */
  private drawNow(now: number): number {
    const f = this.frame;
    if (!f || !this.wantsDraw()) return 0;
    const t0 = performance.now();
    if (this.undrawn || this.needsDraw) {
      this.emit('draw', f, this.undrawn);
      if (this.undrawn) this.drawn(f);
      this.undrawn = false;
      this.needsDraw = false;
    } else this.emit('redraw', f);
    const ms = performance.now() - t0;
    this.stats.noteDraw(now, ms);
    return ms;
  }

  /** `f` is on screen now: the frame it replaced there can give its buffers back to the worker. */
  private drawn(f: Frame): void {
    const before = this.drawnFrame;
    this.drawnFrame = f;
    if (before && before !== f) this.release(before);
  }

  private release(f: Frame): void {
    if (f.vesicles.xy.buffer.byteLength === 0) return;
    this.spare.push(frameStoreOf(f));
    if (this.spare.length > 3) this.spare.shift();
  }

  private maybeRequest(): void {
    if (!this.playing || !this.client.alive) return;
    if (this.inflight > 0 && !(this.inflight === 1 && this.queueAhead())) return;
    let steps = Math.min(Math.floor(this.owed), MAX_STEPS);
    if (steps < 1) return;
    const stop = this.stops.find((t) => t > this.tick);
    // A request waiting behind another stops short of the next stop even if the one ahead does all it asked.
    if (stop !== undefined) steps = Math.min(steps, stop - this.tick - this.asked);
    if (steps < 1) return;
    void this.request(steps, BUDGET_MS);
  }

  /**
   * Whether a second request may wait in the worker's queue behind the one in flight: only for a
   * large run that the worker cannot keep up with (its last answer did fewer steps than asked)
   * (maybeRequest keeps it short of the next stop). The worker then starts the next batch as soon
   * as it has sent a frame, instead of sitting idle until the page, busy drawing, has read that
   * frame and asked again.
   */
  private queueAhead(): boolean {
    return this.workerBound && (this.frame?.vesicles.count ?? 0) >= QUEUE_FROM_PACKETS;
  }

  private async request(steps: number, budgetMs: number): Promise<void> {
    const gen = this.gen;
    this.inflight++;
    this.asked += steps;
    const spare = this.spare;
    this.spare = [];
    const give = spare.length > 0 ? transfer(spare, spare.flatMap(storeBuffers)) : undefined;
    const r = await this.client.call((api) => api.advance(steps, budgetMs, this.series.t.length, give));
    if (gen !== this.gen) return;
    this.inflight--;
    this.asked -= steps;
    if (!r) return;
    this.workerBound = r.steps < steps;
    this.accept(r);
  }

  private accept(r: AdvanceResult): void {
    const f = r.frame;
    this.owed = Math.max(0, this.owed - r.steps);
    // A frame replaced before it was ever drawn is read by nobody: its buffers go back at once.
    if (this.frame && this.undrawn && this.frame !== this.drawnFrame) this.release(this.frame);
    this.frame = f;
    this.undrawn = true;
    this.wake();
    if (r.snapshot) {
      this.snapshot = r.snapshot;
      this.journal = [];
    }
    this.stats.vesicles = f.vesicles.count;
    this.stats.cells = f.cells.count;
    if (r.buffersMade !== undefined) this.stats.buffersMade = r.buffersMade;
    this.stats.noteFrame(performance.now(), f.hours, r.steps > 0 ? r.stepMs / r.steps : 0);
    const grew = this.series.append(f.samples);
    // The next request goes out before the page handles this frame, so the worker steps meanwhile
    // (not at a stop: the run pauses there first).
    if (!this.stops.includes(f.tick)) this.maybeRequest();
    this.emit('frame', f, grew);
    if (r.follow) this.emit('follow', r.follow);
    if (r.timeline) this.setTimeline(r.timeline);
    if (this.playing && this.stops.includes(f.tick)) {
      this.autoStopAt = performance.now();
      this.pause();
      this.emit('stopped', f.tick);
    }
    this.maybeRequest();
  }
}
