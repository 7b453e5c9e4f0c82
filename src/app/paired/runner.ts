// Two engine workers in lockstep for a paired comparison: both load the same scenario and seed
// (the second gets the one change), and every request advances both by the same number of
// steps, so their frames always show the same tick. A play loop turns wall time into steps at
// the chosen speed (it runs only while playing); one request pair is in flight at a time and only
// the latest frames are kept.
import type { Frame, Snapshot } from '../../../sim/index';
import type { LoadSource } from '../../../workers/engine.worker';
import type { AdvanceResult, LoadInfo } from '../../../workers/protocol';
import { EngineClient } from '../engine/client';
import { Emitter } from '../emitter';
import { SeriesStore } from '../series';
import type { PairSetup } from './spec';
import { t } from './messages';

export interface PairedEvents {
  /** New frames of both runs (same tick); `grew` says whether the series grew. */
  frames: (a: Frame, b: Frame, grew: boolean) => void;
  playing: (on: boolean) => void;
  failure: (message: string) => void;
}

/** Where both runs start: from tick 0 (the setup's scenarios), or both from one snapshot. */
export type PairStart = { kind: 'start'; lessonId: string | null } | { kind: 'snapshot'; snapshot: Snapshot };

/** Most steps one request pair asks for. */
const MAX_STEPS = 2000;

export class PairedRunner extends Emitter<PairedEvents> {
  readonly series: [SeriesStore, SeriesStore] = [new SeriesStore(), new SeriesStore()];
  readonly clients: [EngineClient, EngineClient];
  frames: [Frame, Frame] | null = null;
  info: LoadInfo | null = null;
  playing = false;
  /** Simulated hours per wall-clock second. */
  speed = 1;
  private gen = 0;
  private inflight = false;
  private owed = 0;
  private lastNow = 0;
  private raf = 0;
  private failed = false;

  constructor() {
    super();
    const fail = (msg: string) => {
      if (this.failed) return;
      this.failed = true;
      this.pause();
      this.emit('failure', msg);
    };
    this.clients = [new EngineClient(fail), new EngineClient(fail)];
  }

  get tick(): number {
    return this.frames?.[0].tick ?? 0;
  }

  get dt(): number {
    return this.info?.dtSeconds ?? 10;
  }

  /** Loads both runs; resolves to the first run's info (null when an engine failed). */
  async start(setup: PairSetup, from: PairStart): Promise<LoadInfo | null> {
    this.pause();
    this.gen++;
    this.inflight = false;
    this.failed = false;
    this.frames = null;
    const apis = this.clients.map((c) => c.start());
    const sources: [LoadSource, LoadSource] = [
      from.kind === 'start' && from.lessonId ? { lesson: from.lessonId } : { scenario: setup.a },
      from.kind === 'start' && from.lessonId && setup.b === setup.a ? { lesson: from.lessonId } : { scenario: setup.b },
    ];
    const infos = await Promise.all(
      this.clients.map((c, k) => c.call(() => (from.kind === 'snapshot' ? apis[k].restore(from.snapshot) : apis[k].load(sources[k], setup.seed)))),
    );
    if (!infos[0] || !infos[1]) return null;
    for (const e of setup.eventsB) {
      const problem = await this.clients[1].call((api) => api.schedule(e));
      if (problem) {
        this.emit('failure', t('labtools.paired.changeFailed', { problem }));
        return null;
      }
    }
    this.info = infos[0];
    this.series.forEach((s, k) => s.reset(infos[k]!.seriesNames, infos[k]!.seriesUnits));
    await this.request(0);
    return this.info;
  }

  play(): void {
    if (this.playing || !this.frames || this.failed) return;
    this.playing = true;
    this.owed = 0;
    // The loop runs only while playing: paused, the comparison asks for no animation frames.
    if (!this.raf) {
      this.lastNow = 0;
      this.raf = requestAnimationFrame(this.loop);
    }
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

  /** Advances both runs by exactly n steps (paused); resolves to the new tick. */
  async stepBy(n: number): Promise<number> {
    this.pause();
    while (this.inflight) await new Promise((r) => setTimeout(r, 5));
    await this.request(n);
    return this.tick;
  }

  /** The state hashes of both runs. */
  async hashes(): Promise<[string, string]> {
    while (this.inflight) await new Promise((r) => setTimeout(r, 5));
    const h = await Promise.all(this.clients.map((c) => c.call((api) => api.hash())));
    return [h[0] ?? '', h[1] ?? ''];
  }

  /** Ends both workers. */
  stop(): void {
    this.pause();
    this.gen++;
    this.inflight = false;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    for (const c of this.clients) c.stop();
    this.frames = null;
  }

  private loop = (now: number): void => {
    this.raf = this.playing ? requestAnimationFrame(this.loop) : 0;
    const wall = this.lastNow === 0 ? 0 : Math.min(now - this.lastNow, 250);
    this.lastNow = now;
    if (!this.playing || this.inflight) return;
    const perMs = (this.speed * 3600) / this.dt / 1000;
    this.owed = Math.min(this.owed + wall * perMs, perMs * 250 + 1);
    const steps = Math.min(Math.floor(this.owed), MAX_STEPS);
    if (steps >= 1) void this.request(steps);
  };

  /** One request pair: both workers advance the same number of steps. */
  private async request(steps: number): Promise<void> {
    const gen = this.gen;
    this.inflight = true;
    const rs = await Promise.all(this.clients.map((c, k) => c.call((api) => api.advance(steps, Infinity, this.series[k].t.length))));
    if (gen !== this.gen) return;
    this.inflight = false;
    const [a, b] = rs as [AdvanceResult | undefined, AdvanceResult | undefined];
    if (!a || !b) return;
    if (a.frame.tick !== b.frame.tick) {
      this.emit('failure', t('labtools.paired.outOfStep', { a: a.frame.tick, b: b.frame.tick }));
      this.pause();
      return;
    }
    this.owed = Math.max(0, this.owed - steps);
    const grewA = this.series[0].append(a.frame.samples);
    const grewB = this.series[1].append(b.frame.samples);
    this.frames = [a.frame, b.frame];
    this.emit('frames', a.frame, b.frame, grewA || grewB);
  }
}
