// The worker calls for the timeline, run files and links: seek to any tick (restore the nearest
// snapshot and re-simulate), open a recorded run (a run file or a link's event log) to replay and
// verify, write the run file of the current run, and report what a share link needs.
import { createModel, ENGINE_VERSION } from '../sim/index';
import { makeRunFile, memoryProblem, queueRecorded } from '../src/lab';
import type { Model, RunEvent } from '../sim/index';
import type { RunFile, Checkpoint } from '../src/lab';
import type { AdvanceResult, LoadInfo } from './protocol';
import type { HashSource, StartOptions, Timeline, TimelineInfo } from './timeline';
import { asScenarioFile, type ScenarioFile } from '../lessons/scenarioFile';

/** What the timeline calls need from the worker that owns the model. */
export interface TimelineHost {
  timeline: Timeline;
  current(): Model;
  /** Puts a model in place of the current one within the same run (after a seek). */
  swap(m: Model): void;
  /** Makes a model the current run, with a fresh timeline. */
  fresh(m: Model, opts: StartOptions): void;
  /** One step; false when a known hash differed (replays stop there). */
  oneStep(m: Model): boolean;
  result(m: Model, steps: number, stepMs: number, fromSample: number, extra?: Partial<AdvanceResult>): AdvanceResult;
  info(m: Model, warnings?: string[]): LoadInfo;
}

/** What a share link is built from. */
export interface ShareState {
  /** The scenario the run started from (settings changed during the run are events). */
  initialScenario: ScenarioFile;
  seed: string;
  /** Every event of the run: applied, then waiting. */
  events: RunEvent[];
  /** The latest known state hash of the run, for the receiver to check. */
  check: Checkpoint | null;
}

export function timelineApi(host: TimelineHost) {
  let staged: { m: Model; opts: StartOptions; warnings: string[] } | null = null;
  return {
    /**
     * Moves the run to `tick` (between the timeline's start and the furthest tick reached): from
     * the nearest snapshot at or before it, re-simulated step by step with the recorded events,
     * so the state is exactly what it was. The frame carries the series from `fromSample`.
     */
    seek(tick: number, fromSample: number): AdvanceResult {
      const before = host.current();
      const m = host.timeline.rewind(before, tick);
      if (m !== before) host.swap(m);
      const target = host.timeline.clamp(tick);
      const t0 = performance.now();
      let steps = 0;
      while (m.tick < target) {
        steps++;
        if (!host.oneStep(m)) break;
      }
      return host.result(m, steps, performance.now() - t0, fromSample, { scenario: asScenarioFile(m.scenario) });
    },

    /**
     * Builds the model of a recorded run (a run file from parseRunFile, or a link's events) without
     * touching the current run: its scenario and seed, with every recorded event waiting for its
     * tick. Returns a problem in plain words, or null; openPrepared() then makes it current.
     */
    prepareRun(f: RunFile, source: HashSource = 'file'): string | null {
      staged = null;
      const tooBig = memoryProblem(f.scenario, 'browser');
      if (tooBig) return tooBig;
      try {
        const m = createModel({ ...f.scenario, events: [] }, f.seed);
        queueRecorded(m, f.events);
        const lastEvent = f.events.reduce((a, e) => Math.max(a, e.tick + 1), 0);
        const warnings = f.engineVersion !== ENGINE_VERSION ? [`This run was recorded with engine ${f.engineVersion} and is replayed with engine ${ENGINE_VERSION}: hashes may differ.`] : [];
        staged = { m, warnings, opts: { expected: f.checkpoints, source, recordedEnd: Math.max(f.stopTick, lastEvent) } };
        return null;
      } catch (e) {
        return `this run cannot start: ${e instanceof Error ? e.message : String(e)}`;
      }
    },

    /** Makes the prepared run current; its hashes are checked as the run passes them. */
    openPrepared(): LoadInfo {
      if (!staged) throw new Error('no recorded run was prepared');
      const { m, opts, warnings } = staged;
      staged = null;
      host.fresh(m, opts);
      return host.info(m, warnings);
    },

    /**
     * The run file of the current run, up to the furthest tick reached (also when the model has
     * been moved back): its scenario as it started, seed, every event with its tick, and the
     * hashes at the start, every simulated hour, where the run was left, and now.
     */
    recordedRun(): RunFile {
      const m = host.current();
      const t = host.timeline;
      t.note(m);
      return { ...makeRunFile(m, []), stopTick: t.end, checkpoints: t.checkpoints() };
    },

    shareState(): ShareState {
      const m = host.current();
      return { initialScenario: asScenarioFile(m.initialScenario), seed: m.seed, events: host.timeline.events(m), check: host.timeline.latest() };
    },

    /** Every event of the run (applied, then waiting) and how many have applied. */
    eventLog(): { events: RunEvent[]; applied: number } {
      const m = host.current();
      return { events: host.timeline.events(m), applied: m.log.length };
    },

    timelineInfo(): TimelineInfo {
      return host.timeline.info(host.current());
    },
  };
}
