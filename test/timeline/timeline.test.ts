// The worker's timeline in Node: seeking back and forward lands on exactly the state of the
// unbroken run (same hash), a change at a past moment starts a branch that drops the later
// events, and the run file it writes — also after seeks and branches — replays with its hashes.
import { describe, expect, it } from 'vitest';
import { createModel, stateHash, step, type Model } from '../../sim/index';
import { parseRunFile, replay, runFileText } from '../../src/lab';
import { lesson } from '../../lessons/index';
import { scheduleOnTimeline, Timeline } from '../../workers/timeline';
import { timelineApi, type TimelineHost } from '../../workers/timelineApi';
import type { AdvanceResult, LoadInfo } from '../../workers/protocol';

/** The worker's model, timeline and calls, without the worker (each step "costs" 1 ms, a snapshot nothing). */
function worker(id = 'letters', seed = '3', limits?: { budgetBytes: number; everyMs: number }) {
  const timeline = new Timeline(limits, () => 0);
  let model: Model = createModel(lesson(id)!, seed);
  timeline.start(model, { setupPending: true });
  const host: TimelineHost = {
    timeline,
    current: () => model,
    swap: (m) => {
      model = m;
    },
    fresh: (m, opts) => {
      model = m;
      timeline.start(m, opts);
    },
    oneStep: (m) => {
      step(m, 1);
      return timeline.afterStep(m, 1);
    },
    result: (m, steps) => ({ steps, stepMs: 0, timeline: timeline.info(m), tick: m.tick }) as unknown as AdvanceResult,
    info: (m, warnings = []) => ({ tick: m.tick, warnings }) as unknown as LoadInfo,
  };
  const api = timelineApi(host);
  return {
    api,
    timeline,
    get m() {
      return model;
    },
    run(n: number): void {
      for (let k = 0; k < n; k++) host.oneStep(model);
    },
    send(event: object): string | null {
      return scheduleOnTimeline(timeline, model, event);
    },
  };
}

/** The same run without a timeline: events sent at the given ticks. */
function unbroken(id: string, seed: string, steps: number, sends: { at: number; event: object }[] = []): string {
  const m = createModel(lesson(id)!, seed);
  for (const { at, event } of sends) {
    step(m, at - m.tick);
    const t = new Timeline();
    t.start(m);
    expect(scheduleOnTimeline(t, m, event)).toBeNull();
  }
  step(m, steps - m.tick);
  return stateHash(m);
}

describe('timeline', () => {
  it('seeking back and forward again gives exactly the unbroken run, events included', () => {
    const w = worker('immune-suppression', '5');
    w.run(100);
    expect(w.send({ kind: 'set', path: 'tissues.tissue.diffusion', value: 1.5 })).toBeNull();
    w.run(150);
    expect(w.send({ kind: 'inject', vesicleType: Object.keys(lesson('immune-suppression')!.vesicleTypes)[0], packets: 200, tissue: 'tissue', x: 300, y: 200, radius: 15 })).toBeNull();
    w.run(250);
    const end = stateHash(w.m);
    const sends = [
      { at: 100, event: { kind: 'set', path: 'tissues.tissue.diffusion', value: 1.5 } },
      { at: 250, event: { kind: 'inject', vesicleType: Object.keys(lesson('immune-suppression')!.vesicleTypes)[0], packets: 200, tissue: 'tissue', x: 300, y: 200, radius: 15 } },
    ];
    expect(end).toBe(unbroken('immune-suppression', '5', 500, sends));
    expect(w.timeline.info(w.m).snapshots).toBeGreaterThan(3);

    for (const target of [120, 7, 499, 250, 0, 333]) {
      w.api.seek(target, 0);
      expect(w.m.tick).toBe(target);
      expect(stateHash(w.m)).toBe(unbroken('immune-suppression', '5', target, sends.filter((s) => s.at <= target)));
    }
    w.api.seek(500, 0);
    expect(stateHash(w.m)).toBe(end);
    // Stepping forward from a past moment (not seeking) also replays the recorded future.
    w.api.seek(60, 0);
    w.run(440);
    expect(stateHash(w.m)).toBe(end);
    expect(w.timeline.info(w.m).selfMismatch).toBeNull();
    // The series is the run's own, sample for sample.
    w.api.seek(200, 0);
    const again = createModel(lesson('immune-suppression')!, '5');
    const t = new Timeline();
    t.start(again);
    step(again, 100);
    scheduleOnTimeline(t, again, sends[0].event);
    step(again, 100);
    expect(w.m.series.t).toEqual(again.series.t);
    expect(w.m.series.values).toEqual(again.series.values);
  });

  it('a change at a past moment starts a branch: later events are dropped and the run file says only what happened', () => {
    const w = worker('letters', '8');
    w.run(50);
    expect(w.send({ kind: 'set', path: 'tissues.tissue.diffusion', value: 2 })).toBeNull();
    w.run(50);
    expect(w.send({ kind: 'set', path: 'tissues.tissue.diffusion', value: 4 })).toBeNull();
    w.run(100);
    expect(w.timeline.info(w.m).frontier).toBe(200);
    w.api.seek(70, 0);
    // A refused change does not branch.
    expect(w.send({ kind: 'set', path: 'tissues.tissue.diffusion', value: 9999 })).not.toBeNull();
    expect(w.timeline.info(w.m).branches).toEqual([]);
    expect(w.send({ kind: 'set', path: 'tissues.tissue.diffusion', value: 0.25 })).toBeNull();
    const info = w.timeline.info(w.m);
    expect(info.branches).toEqual([{ tick: 70, hours: (70 * 10) / 3600, dropped: 1, oldEnd: 200 }]);
    expect(info.frontier).toBe(70);
    expect(w.api.eventLog().events.map((e) => [e.tick, (e as { value: number }).value])).toEqual([
      [50, 2],
      [70, 0.25],
    ]);
    w.run(130);
    const branched = stateHash(w.m);
    expect(branched).toBe(
      unbroken('letters', '8', 200, [
        { at: 50, event: { kind: 'set', path: 'tissues.tissue.diffusion', value: 2 } },
        { at: 70, event: { kind: 'set', path: 'tissues.tissue.diffusion', value: 0.25 } },
      ]),
    );
    // Its run file (saved from a moment in the past) replays to the same hashes.
    w.api.seek(30, 0);
    const text = runFileText(w.api.recordedRun());
    const parsed = parseRunFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.stopTick).toBe(200);
    expect(parsed.value.checkpoints.map((c) => c.tick)).toEqual([0, 30, 200]);
    const r = replay(parsed.value);
    expect(r.ok).toBe(true);
    expect(r.finalHash).toBe(branched);
  });

  it('opens a recorded run, verifies its hashes as it passes them, and names the first difference', () => {
    const w = worker('letters', '2');
    w.run(720);
    expect(w.send({ kind: 'inject', vesicleType: 'letter', packets: 100, tissue: 'tissue' })).toBeNull();
    w.run(100);
    const file = w.api.recordedRun();
    expect(file.checkpoints.map((c) => c.tick)).toEqual([0, 360, 720, 820]);

    const o = worker('gut-messages', '1');
    expect(o.api.prepareRun(file)).toBeNull();
    o.api.openPrepared();
    expect(o.m.tick).toBe(0);
    o.run(820);
    const v = o.timeline.info(o.m).verify;
    expect(v).toEqual({ source: 'file', checked: 4, total: 4, mismatch: null, stopped: false });

    const bad = structuredClone(file);
    bad.checkpoints[2].hash = '0123456789abcdef';
    const b = worker();
    b.api.prepareRun(bad);
    b.api.openPrepared();
    while (b.m.tick < 820 && !b.timeline.info(b.m).verify?.mismatch) b.run(1);
    const mm = b.timeline.info(b.m).verify!;
    expect(mm.mismatch).toEqual({ tick: 720, hours: 2, expected: '0123456789abcdef', actual: file.checkpoints[2].hash });
    expect(mm.checked).toBe(2);
    expect(b.m.tick).toBe(720);
  });

  it('a change before the end of an opened recording branches it', () => {
    const w = worker('letters', '4');
    w.run(30);
    w.send({ kind: 'inject', vesicleType: 'letter', packets: 10, tissue: 'tissue' });
    w.run(30);
    w.send({ kind: 'inject', vesicleType: 'letter', packets: 20, tissue: 'tissue' });
    w.run(30);
    const o = worker();
    o.api.prepareRun(w.api.recordedRun());
    o.api.openPrepared();
    o.run(40);
    expect(o.send({ kind: 'set', path: 'tissues.tissue.diffusion', value: 3 })).toBeNull();
    const info = o.timeline.info(o.m);
    expect(info.branches.map((b) => [b.tick, b.dropped, b.oldEnd])).toEqual([[40, 1, 90]]);
    expect(info.verify?.stopped).toBe(true);
    expect(o.api.eventLog().events.map((e) => e.kind)).toEqual(['inject', 'set']);
  });

  it('keeps snapshots within its memory budget by thinning them, and still seeks exactly', () => {
    const w = worker('gut-messages', '1', { budgetBytes: 400_000, everyMs: 20 });
    w.run(2000);
    const info = w.timeline.info(w.m);
    expect(info.snapshots).toBeGreaterThan(3);
    expect(info.snapshotBytes).toBeLessThanOrEqual(400_000);
    w.api.seek(1234, 0);
    expect(stateHash(w.m)).toBe(unbroken('gut-messages', '1', 1234));
    w.api.seek(17, 0);
    expect(stateHash(w.m)).toBe(unbroken('gut-messages', '1', 17));
  });
});
