// The run session: owns the engine client and the play loop. One request is in flight at a
// time and only the latest frame is kept for the next animation frame (frames never queue; the
// worker computes the next batch while the page draws this one), wall time turns into engine
// steps at the chosen speed, the latest snapshot is kept for crash recovery, and every change
// is recorded as an engine event.
import type { EventSpec, Frame, Snapshot } from '../../sim/index';
import type { ScenarioFile } from '../../lessons/scenarioFile';
import { setAtPath } from '../../sim/index';
import type { AdvanceResult, FollowReport, LoadInfo } from '../../workers/protocol';
import type { TimelineInfo } from '../../workers/timeline';
import type { LoadSource } from '../../workers/engine.worker';
import { EngineClient } from './engine/client';
import { Emitter } from './emitter';
import { SeriesStore } from './series';
import { Stats } from './stats';
import { withOverrides, type Overrides } from './scenario';

/** Wall time the worker may spend stepping for one frame. */
const BUDGET_MS = 12;
/** Most steps one request asks for. */
const MAX_STEPS = 5000;

export interface SessionEvents {
  /** A new model is ready (lesson opened, reset, restored). */
  load: (info: LoadInfo) => void;
  /** A frame to draw; `fresh` is false for a redraw of the same frame. */
  draw: (frame: Frame, fresh: boolean) => void;
  /** A new frame arrived (after draw); `samples` says whether the series grew. */
  frame: (frame: Frame, samples: boolean) => void;
  playing: (on: boolean) => void;
  /** The engine failed; `resumeHours` is the time of the last snapshot (null: none). */
  failure: (message: string, resumeHours: number | null) => void;
  /** The run reached a stop (a lesson prompt). */
  stopped: (tick: number) => void;
  follow: (report: FollowReport | null) => void;
  /** The run's parameters changed (a setting, a drug, a blocking antibody). */
  scenario: (s: ScenarioFile) => void;
  notice: (text: string) => void;
  /** Events were sent to the engine and accepted (the run's event list changed). */
  sent: (events: EventSpec[]) => void;
  /** The run's timeline changed: how far it has been, hash checks, branches (src/timeline). */
  timeline: (info: TimelineInfo) => void;
}

/** The parameter an event changes, if it changes one (as sim/events.ts applies it). */
function paramPathOf(e: EventSpec): { path: string; value: unknown } | null {
  if (e.kind === 'set') return { path: e.path, value: e.value };
  if (e.kind === 'drug') return { path: `cellTypes.${e.cellType}.releaseInhibition`, value: e.inhibition };
  if (e.kind === 'blockLabel') return { path: `labels.${e.label}.blocked`, value: e.fraction };
  return null;
}

export class Session extends Emitter<SessionEvents> {
  readonly series = new SeriesStore();
  readonly stats = new Stats();
  readonly client: EngineClient;
  /** The lesson (or scenario) as given, before the user's settings. */
  base!: ScenarioFile;
  /** Built-in lesson id, when the base is one (lets the worker load it by id). */
  lessonId: string | null = null;
  overrides: Overrides = new Map();
  /** The scenario of the current run, with settings changed during the run applied. */
  scenario!: ScenarioFile;
  seed = '1';
  info: LoadInfo | null = null;
  frame: Frame | null = null;
  playing = false;
  /** Simulated hours per wall-clock second. */
  speed = 1;
  /** Ticks at which the run pauses by itself (lesson prompts). */
  stops: number[] = [];
  /** Redraw every animation frame even without a new frame (bench mode measures drawing). */
  redrawAlways = false;
  private snapshot: Snapshot | null = null;
  private gen = 0;
  private inflight = 0;
  private undrawn = false;
  private owed = 0;
  private lastNow = 0;
  private needsDraw = false;

  constructor() {
    super();
    this.client = new EngineClient((msg) => this.onFailure(msg));
    requestAnimationFrame(this.loop);
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

  /** Opens a scenario with a seed and settings, and shows its first frame. */
  async open(base: ScenarioFile, lessonId: string | null, seed: string, overrides: Overrides = new Map()): Promise<string | null> {
    this.base = base;
    this.lessonId = lessonId;
    this.seed = seed;
    this.overrides = overrides;
    return this.reset();
  }

  /** Starts the run again from the same scenario, settings and seed. */
  async reset(): Promise<string | null> {
    const eff = withOverrides(this.base, this.overrides);
    if ('problem' in eff) return eff.problem;
    this.scenario = eff.scenario;
    const source: LoadSource = this.lessonId && this.overrides.size === 0 ? { lesson: this.lessonId } : { scenario: eff.scenario };
    await this.reload((api) => api.load(source, this.seed));
    return null;
  }

  private async reload(fn: (api: NonNullable<EngineClient['api']>) => Promise<LoadInfo>): Promise<void> {
    this.pause();
    this.gen++;
    this.inflight = 0;
    this.undrawn = false;
    this.snapshot = null;
    if (!this.client.alive) this.client.start();
    const info = await this.client.call(fn);
    if (!info) return;
    this.info = info;
    this.scenario = info.scenario;
    this.series.reset(info.seriesNames, info.seriesUnits);
    this.frame = null;
    this.emit('load', info);
    this.emit('follow', null);
    await this.request(0, 0);
  }

  play(): void {
    if (this.playing || !this.client.alive || !this.info) return;
    this.playing = true;
    this.owed = 0;
    this.emit('playing', true);
  }

  pause(): void {
    if (!this.playing) return;
    this.playing = false;
    this.owed = 0;
    this.emit('playing', false);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(hoursPerSecond: number): void {
    this.speed = hoursPerSecond;
  }

  /** Advances one metric interval (paused), or n steps exactly; resolves to the new tick. */
  async stepBy(n = this.stepsPerSample): Promise<number> {
    this.pause();
    await this.idle();
    await this.request(n, Infinity);
    return this.tick;
  }

  /** Waits until no request is in flight. */
  async idle(): Promise<void> {
    while (this.inflight > 0) await new Promise((r) => setTimeout(r, 5));
  }

  /** Sends intervention events now; returns the first refusal in plain words, or null. */
  async send(events: EventSpec[]): Promise<string | null> {
    for (const e of events) {
      const now = { ...e } as EventSpec;
      delete (now as { tick?: number }).tick;
      delete (now as { atHours?: number }).atHours;
      const problem = await this.client.call((api) => api.schedule(now));
      if (problem === undefined) return 'the engine is not running';
      if (problem) return problem;
      const path = paramPathOf(now);
      if (path) {
        this.scenario = setAtPath(this.scenario, path.path, path.value);
        this.emit('scenario', this.scenario);
      }
    }
    this.emit('sent', events);
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
    if (!live) {
      const next = new Map(this.overrides).set(path, value);
      const eff = withOverrides(this.base, next);
      if ('problem' in eff) return eff.problem;
      this.overrides = next;
      return this.reset();
    }
    const problem = await this.send([{ kind: 'set', path, value }]);
    if (problem) return problem;
    this.overrides.set(path, value);
    return null;
  }

  /** Forces a redraw of the current frame (after a resize or a highlight change). */
  redraw(): void {
    this.needsDraw = true;
  }

  /** After a failure: a new worker continues from the last snapshot (or the start). */
  async restart(): Promise<void> {
    this.client.start();
    const snap = this.snapshot;
    if (snap) {
      await this.reload((api) => api.restore(snap));
      this.snapshot = snap;
    } else await this.reset();
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
   * the setup Reset will use, but the model comes from `load`.
   */
  async openWith(base: ScenarioFile, lessonId: string | null, seed: string, overrides: Overrides, load: (api: NonNullable<EngineClient['api']>) => Promise<LoadInfo>): Promise<void> {
    this.base = base;
    this.lessonId = lessonId;
    this.seed = seed;
    this.overrides = overrides;
    await this.reload(load);
  }

  /** Moves the run to another tick (paused); the series is read again from its start. */
  async seek(tick: number): Promise<void> {
    this.pause();
    await this.idle();
    const gen = this.gen;
    this.inflight++;
    const r = await this.client.call((api) => api.seek(tick, 0));
    if (gen !== this.gen) return;
    this.inflight--;
    if (!r) return;
    this.series.reset(this.series.names, this.series.units);
    if (r.scenario) {
      this.scenario = r.scenario;
      this.emit('scenario', r.scenario);
    }
    this.accept(r);
  }

  /** Runs up to n steps within a wall-time budget (a replay's chunks); resolves to the new tick. */
  async runFor(n: number, budgetMs: number): Promise<number> {
    await this.idle();
    await this.request(n, budgetMs);
    return this.tick;
  }

  private onFailure(message: string): void {
    this.gen++;
    this.inflight = 0;
    const was = this.playing;
    this.playing = false;
    if (was) this.emit('playing', false);
    this.emit('failure', message, this.snapshot ? (this.snapshot.tick * this.dt) / 3600 : null);
  }

  private loop = (now: number): void => {
    requestAnimationFrame(this.loop);
    const wall = this.lastNow === 0 ? 0 : Math.min(now - this.lastNow, 250);
    this.lastNow = now;
    const perMs = (this.speed * 3600) / this.dt / 1000;
    if (this.playing) this.owed = Math.min(this.owed + wall * perMs, perMs * 250 + 1);
    if (this.frame && (this.undrawn || this.needsDraw || (this.redrawAlways && this.playing))) {
      const t0 = performance.now();
      this.emit('draw', this.frame, this.undrawn);
      this.stats.noteDraw(now, performance.now() - t0);
      this.undrawn = false;
      this.needsDraw = false;
    }
    this.maybeRequest();
  };

  private maybeRequest(): void {
    if (!this.playing || this.inflight > 0 || !this.client.alive) return;
    let steps = Math.min(Math.floor(this.owed), MAX_STEPS);
    if (steps < 1) return;
    const stop = this.stops.find((t) => t > this.tick);
    if (stop !== undefined) steps = Math.min(steps, stop - this.tick);
    void this.request(steps, BUDGET_MS);
  }

  private async request(steps: number, budgetMs: number): Promise<void> {
    const gen = this.gen;
    this.inflight++;
    const r = await this.client.call((api) => api.advance(steps, budgetMs, this.series.t.length));
    if (gen !== this.gen) return;
    this.inflight--;
    if (r) this.accept(r);
  }

  private accept(r: AdvanceResult): void {
    const f = r.frame;
    this.owed = Math.max(0, this.owed - r.steps);
    this.frame = f;
    this.undrawn = true;
    if (r.snapshot) this.snapshot = r.snapshot;
    this.stats.vesicles = f.vesicles.count;
    this.stats.cells = f.cells.count;
    this.stats.noteFrame(performance.now(), f.hours, r.steps > 0 ? r.stepMs / r.steps : 0);
    const grew = this.series.append(f.samples);
    this.emit('frame', f, grew);
    if (r.follow) this.emit('follow', r.follow);
    if (r.timeline) this.setTimeline(r.timeline);
    if (this.playing && this.stops.includes(f.tick)) {
      this.pause();
      this.emit('stopped', f.tick);
    }
    this.maybeRequest();
  }
}
