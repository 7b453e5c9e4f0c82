// The second run of a side-by-side pair on the Learn screen: a copy of the session's run (same
// scenario, settings and seed) in its own engine worker with the lesson's declared paired change
// (paired/spec pairSetup), that follows the session. It steps to the session's tick after every
// frame, so the one Play/Pause/Step/Reset drives both; the session's own events (buttons pressed,
// settings changed) are copied to it at their ticks, but for those that set what the paired change
// sets. When the session's run goes anywhere a copy cannot follow by stepping on (Reset, undo, a
// seek back), the copy starts again and catches up.
// Like the session, it hands the buffers of frames no longer on screen back to its worker.
import type { EventSpec, Frame, FrameStore } from '../../../sim/index';
import { frameStoreOf, storeBuffers } from '../../../sim/frame';
import { transfer } from 'comlink';
import type { LoadSource } from '../../../workers/engine.worker';
import { EngineClient } from '../engine/client';
import { Emitter } from '../emitter';
import { SeriesStore } from '../series';
import { paramPathOf, pathsSetBy, type Session } from '../session';
import type { PairedDecl } from '../paired/spec';
import { schemaTools } from '../schemaTools';
import { t } from '../../i18n/i18n';

/** Most steps one catch-up request asks for, and the wall time it may take. */
const CHUNK_STEPS = 2000;
const CHUNK_MS = 40;

export interface TwinEvents {
  frame: (f: Frame) => void;
  failure: (message: string) => void;
}

type TimedEvent = EventSpec & { tick: number };

/** The session's run events that its scenario did not bring: each as JSON, in the run's order. */
function ownEvents(all: TimedEvent[], scenarioEvents: string[]): string[] {
  const left = new Map<string, number>();
  for (const e of scenarioEvents) left.set(e, (left.get(e) ?? 0) + 1);
  const out: string[] = [];
  for (const e of all.map((x) => JSON.stringify(x))) {
    const k = left.get(e) ?? 0;
    if (k > 0) left.set(e, k - 1);
    else out.push(e);
  }
  return out;
}

export class TwinRun extends Emitter<TwinEvents> {
  readonly client: EngineClient;
  frame: Frame | null = null;
  /** The copy's metric series (for the run's description in words). */
  readonly series = new SeriesStore();
  private decl: PairedDecl | null = null;
  private active = false;
  private busy = false;
  private again = false;
  /** The setup the copy was loaded with (scenario, settings, seed), as a key; '' = none. */
  private loadedKey = '';
  /** The events the scenario itself schedules (JSON), as the copy saw them at load. */
  private scenarioEvents: string[] = [];
  /** The session's events copied so far (JSON, in order). */
  private copied: string[] = [];
  private eventsDirty = true;
  private failed = false;
  /** The frame on screen (drawn()), and buffers of frames off screen for the worker to reuse. */
  private shown: Frame | null = null;
  private spare: FrameStore[] = [];

  constructor(private readonly session: Session) {
    super();
    this.client = new EngineClient((msg) => {
      this.failed = true;
      this.emit('failure', msg);
    });
    session.on('frame', () => this.kick());
    session.on('sent', () => {
      this.eventsDirty = true;
      this.kick();
    });
    session.on('load', () => {
      this.loadedKey = '';
      this.frame = null;
      this.kick();
    });
  }

  /** False after the copy's engine failed (until it is started again). */
  get ok(): boolean {
    return !this.failed;
  }

  get tick(): number {
    return this.frame?.tick ?? -1;
  }

  /** Starts following with this paired change (null stops and ends the worker). */
  setActive(decl: PairedDecl | null): void {
    const same = decl !== null && JSON.stringify(decl) === JSON.stringify(this.decl);
    this.decl = decl;
    this.active = decl !== null;
    if (!same) this.loadedKey = '';
    if (!this.active) {
      this.client.stop();
      this.frame = null;
      this.loadedKey = '';
      return;
    }
    this.kick();
  }

  /** The copy's state hash, once it has caught up with the session (for the browser tests). */
  async hash(): Promise<string> {
    return (await this.client.call((api) => api.hash())) ?? '';
  }

  /** `f` is on screen now: the frame it replaced there can give its buffers back to the worker. */
  drawn(f: Frame): void {
    const before = this.shown;
    this.shown = f;
    if (before && before !== f) this.release(before);
  }

  /** A frame nobody will read again (drawn over, or passed over before it was drawn). */
  release(f: Frame): void {
    if (f === this.frame || f === this.shown || f.vesicles.xy.buffer.byteLength === 0) return;
    this.spare.push(frameStoreOf(f));
    if (this.spare.length > 3) this.spare.shift();
  }

  /** The spare buffers for the next request, moved to the worker. */
  private give(): FrameStore[] | undefined {
    const spare = this.spare;
    this.spare = [];
    return spare.length > 0 ? transfer(spare, spare.flatMap(storeBuffers)) : undefined;
  }

  /**
   * True when the copy is at the session's tick and no work is waiting, here or in the session (a
   * request sent before Pause still moves the session on when it is answered, and the copy after it).
   */
  get settled(): boolean {
    return !this.busy && !this.session.requesting && this.frame !== null && this.frame.tick === this.session.tick;
  }

  private kick(): void {
    if (!this.active) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    void this.sync().finally(() => {
      this.busy = false;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private setupKey(): string {
    const s = this.session;
    return JSON.stringify([s.lessonId, s.base?.id, [...s.overrides], s.seed, this.decl]);
  }

  /** Brings the copy to the session's tick: (re)loads it when needed, copies new events, steps. */
  private async sync(): Promise<void> {
    const s = this.session;
    if (!s.info || !s.frame || !this.decl) return;
    if (this.failed) {
      this.failed = false;
      this.loadedKey = '';
    }
    let own: string[] | null = null;
    if (this.eventsDirty || this.loadedKey === '') {
      const ev = await s.client.call((api) => api.events());
      if (!ev) return;
      this.eventsDirty = false;
      own = [...ev.applied, ...ev.pending].map((e) => JSON.stringify(e));
    }
    const key = this.setupKey();
    const behind = this.frame !== null && this.frame.tick > s.tick;
    if (this.loadedKey !== key || behind) {
      if (!(await this.load(key))) return;
      own = own ?? this.copied;
    }
    if (own) {
      const fresh = ownEvents(own.map((e) => JSON.parse(e) as TimedEvent), this.scenarioEvents);
      const prefix = this.copied.every((e, i) => fresh[i] === e);
      const added = fresh.slice(this.copied.length);
      const late = added.some((e) => (JSON.parse(e) as TimedEvent).tick < this.tick);
      if (!prefix || late) {
        // The session's history changed under the copy (undo, a branch): start it again.
        if (!(await this.load(key))) return;
        await this.copy(fresh);
      } else await this.copy(added);
    }
    while (this.active && this.frame && this.frame.tick < s.tick && this.loadedKey === key) {
      const give = this.give();
      const r = await this.client.call((api) => api.advance(Math.min(CHUNK_STEPS, s.tick - this.tick), CHUNK_MS, this.series.t.length, give));
      if (!r) return;
      this.series.append(r.frame.samples);
      this.frame = r.frame;
      this.emit('frame', r.frame);
    }
  }

  /** Loads the copy with the paired change; false when it could not be loaded. */
  private async load(key: string): Promise<boolean> {
    const s = this.session;
    if (!this.decl) return false;
    const { withOverrides, pairSetup } = schemaTools();
    const eff = withOverrides(s.base, s.overrides);
    if ('problem' in eff) return false;
    const setup = pairSetup(eff.scenario, s.seed, { kind: 'events', label: this.decl.label, events: this.decl.events, atHours: this.decl.atHours });
    if ('problem' in setup) return false;
    if (!this.client.alive) this.client.start();
    const source: LoadSource = s.lessonId && s.overrides.size === 0 ? { lesson: s.lessonId } : { scenario: setup.b };
    const info = await this.client.call((a) => a.load(source, setup.seed));
    if (!info) return false;
    const ev = await this.client.call((a) => a.events());
    this.scenarioEvents = ev ? [...ev.applied, ...ev.pending].map((e) => JSON.stringify(e)) : [];
    for (const e of setup.eventsB) {
      const problem = await this.client.call((a) => a.schedule(e));
      if (problem !== null) {
        this.emit('failure', t('sideBySide.changeFailed', { problem: problem ?? t('sideBySide.engineStopped') }));
        return false;
      }
    }
    this.copied = [];
    this.loadedKey = key;
    // Buffers of the run before belong to its worker's old stores: none go back.
    this.spare = [];
    this.shown = null;
    this.series.reset(info.seriesNames, info.seriesUnits);
    const r = await this.client.call((a) => a.advance(0, 0, 0));
    if (!r) return false;
    this.series.append(r.frame.samples);
    this.frame = r.frame;
    this.emit('frame', r.frame);
    return true;
  }

  /**
   * Schedules the session's events (JSON, with their ticks) in the copy, but for those that set
   * what the paired change sets (block-release's drug buttons): the copy keeps its change, so its
   * pane's title stays true.
   */
  private async copy(events: string[]): Promise<void> {
    const paired = pathsSetBy(this.decl?.events ?? []);
    for (const e of events) {
      const event = JSON.parse(e) as TimedEvent;
      const path = paramPathOf(event)?.path;
      if (path === undefined || !paired.includes(path)) {
        const problem = await this.client.call((a) => a.schedule(event));
        if (problem) this.emit('failure', t('sideBySide.copyFailed', { problem }));
      }
      this.copied.push(e);
    }
  }
}
