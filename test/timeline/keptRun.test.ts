// A run put aside for undo (workers/keptRun.ts): the copy is untouched by what the live run does
// next, taking it back gives exactly the run as it was (tick, hash, events, seek history), and
// the run it replaces is kept in turn, so an undo can be undone.
import { describe, expect, it } from 'vitest';
import { createModel, stateHash, step, type Model } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { scheduleOnTimeline, Timeline } from '../../workers/timeline';
import { timelineApi, type TimelineHost } from '../../workers/timelineApi';
import { copyRun, Shelf } from '../../workers/keptRun';
import type { AdvanceResult, LoadInfo } from '../../workers/protocol';

const D = 'tissues.tissue.diffusion';

/** The worker's current run (model and timeline) with its seek call, without the worker. */
function worker(id: string, seed: string) {
  let run = { model: createModel(lesson(id)!, seed) as Model, timeline: new Timeline() };
  run.timeline.start(run.model, { setupPending: true });
  const host: TimelineHost = {
    get timeline() {
      return run.timeline;
    },
    current: () => run.model,
    swap: (m) => {
      run.model = m;
    },
    fresh: (m, opts) => {
      run = { model: m, timeline: new Timeline() };
      run.timeline.start(m, opts);
    },
    oneStep: (m) => {
      step(m, 1);
      return run.timeline.afterStep(m, 1);
    },
    result: (m, steps) => ({ steps, stepMs: 0, tick: m.tick }) as unknown as AdvanceResult,
    info: (m) => ({ tick: m.tick }) as unknown as LoadInfo,
  };
  const api = timelineApi(host);
  return {
    api,
    get run() {
      return run;
    },
    set run(r) {
      run = r;
    },
    steps(n: number): void {
      for (let k = 0; k < n; k++) host.oneStep(run.model);
    },
    send(event: object): string | null {
      return scheduleOnTimeline(run.timeline, run.model, event);
    },
  };
}

describe('a run kept for undo', () => {
  it('a copy is not touched by stepping, changing or branching the live run', () => {
    const w = worker('letters', '3');
    w.steps(120);
    const before = stateHash(w.run.model);
    const copy = copyRun(w.run);
    expect(stateHash(copy.model)).toBe(before);
    w.send({ kind: 'set', path: D, value: 3 });
    w.steps(80);
    expect(stateHash(copy.model)).toBe(before);
    expect(copy.model.tick).toBe(120);
    expect(copy.timeline.info(copy.model).frontier).toBe(120);
    expect(w.run.timeline.info(w.run.model).frontier).toBe(200);
  });

  it('undo of a change after going back gives the later run back, hash for hash', () => {
    const w = worker('immune-suppression', '5');
    w.steps(90);
    expect(w.send({ kind: 'set', path: D, value: 1.5 })).toBeNull();
    w.steps(180);
    expect(w.send({ kind: 'blockLabel', label: 'PDL1', fraction: 1 })).toBeNull();
    w.steps(90);
    const end = stateHash(w.run.model);
    w.api.seek(200, 0);
    const at200 = stateHash(w.run.model);

    const shelf = new Shelf();
    const id = shelf.keep(w.run);
    // The change at 33 min cuts the recorded later part of the run.
    expect(w.send({ kind: 'set', path: D, value: 0.5 })).toBeNull();
    expect(w.run.timeline.info(w.run.model).branches.map((x) => x.dropped)).toEqual([1]);
    w.steps(160);
    const branched = stateHash(w.run.model);
    expect(branched).not.toBe(end);

    // Undo: the run is back at 200 with its old future; going to the end gives the old hash.
    const back = shelf.swap(id, w.run);
    expect(back).not.toBeNull();
    w.run = back!.run;
    expect(w.run.model.tick).toBe(200);
    expect(stateHash(w.run.model)).toBe(at200);
    const info = w.run.timeline.info(w.run.model);
    expect(info.frontier).toBe(360);
    expect(info.branches).toEqual([]);
    expect(w.api.eventLog().events.map((e) => e.kind)).toEqual(['set', 'blockLabel']);
    w.api.seek(360, 0);
    expect(stateHash(w.run.model)).toBe(end);
    // Stepping there instead of seeking replays the same recorded future.
    w.api.seek(200, 0);
    w.steps(160);
    expect(stateHash(w.run.model)).toBe(end);

    // Redo: the branched run (kept by the undo) comes back as it was left.
    expect(shelf.swap(id, w.run)).toBeNull();
    const redo = shelf.swap(back!.id, w.run);
    expect(redo).not.toBeNull();
    expect(stateHash(redo!.run.model)).toBe(branched);
  });

  it('keeps one run: keeping another ends the first offer, and drop forgets it', () => {
    const w = worker('letters', '1');
    w.steps(10);
    const shelf = new Shelf();
    const a = shelf.keep(w.run);
    const b = shelf.keep(w.run);
    expect(shelf.swap(a, w.run)).toBeNull();
    shelf.drop(a);
    expect(shelf.id).toBe(b);
    shelf.drop(b);
    expect(shelf.id).toBeNull();
    expect(shelf.swap(b, w.run)).toBeNull();
  });
});
