// One sweep run from a fresh model, and the worker side of the sweep protocol: the same code in
// the command line's worker threads and the browser's sweep workers, so both give identical rows.
// A run of H hours takes stepsFor(H, its own dtSeconds) steps, exactly as `cellpost run --hours H`.
import { createModel } from '../../../sim/engine';
import { stateHash } from '../../../sim/hash';
import { measure } from '../../../sim/metrics';
import type { Model } from '../../../sim/model';
import { step } from '../../../sim/step';
import { runCohortJob } from '../cohort';
import { seriesCsv } from '../csv';
import { stepsFor } from '../hours';
import { comboScenario } from './plan';
import { verifyRun } from '../class/verify';
import type { FromWorker, SweepRunResult, SweepSetup, SweepTask, ToWorker } from './protocol';
import type { ScenarioFile } from '../../../lessons/scenarioFile';

/**
 * Runs `scenario` with `seed` for `hours` simulated hours and reports its final hash and metrics.
 * `onChunk(fraction)` is called after every hundredth of the run (callers decide how often to pass it on).
 */
export function runSweepRun(scenario: ScenarioFile, seed: string, hours: number, onChunk?: (fraction: number) => void): Omit<SweepRunResult, 'run'> & { model: Model } {
  const m = createModel(scenario, seed);
  const steps = stepsFor(hours, m.dt);
  const chunk = Math.max(1, Math.ceil(steps / 100));
  const end = m.tick + steps;
  while (m.tick < end) {
    step(m, Math.min(chunk, end - m.tick));
    onChunk?.(1 - (end - m.tick) / steps);
  }
  const metrics = measure(m);
  const names = m.reporters.map((r) => r.name);
  return { model: m, hash: stateHash(m), names, values: names.map((n) => metrics[n]), warnings: m.warnings.map((w) => `step ${w.tick}: ${w.message}`) };
}

/** Runs one task of a setup: a sweep run (the base with the task's values), a cohort job or a class run to verify. */
export function runTask(setup: SweepSetup, task: SweepTask, onChunk?: (fraction: number) => void): SweepRunResult {
  if (setup.kind === 'class') {
    if (!task.verify) throw new Error('a class run needs its run to verify');
    const o = verifyRun(task.verify, onChunk);
    return { run: task.run, hash: o.finalHash, names: [task.verify.metric], values: [o.value], warnings: o.warnings, verify: o };
  }
  if (setup.kind === 'cohort') {
    if (!task.job) throw new Error('a cohort run needs its job');
    const r = runCohortJob(setup.cohort, task.job);
    return { run: task.run, hash: '', names: setup.cohort.spec.markers.map((m) => m.metric), values: r.values, warnings: [] };
  }
  const parsed = comboScenario(setup.base, task.sets);
  if (!parsed.ok) throw new Error(`its scenario is invalid: ${parsed.problems[0].path}: ${parsed.problems[0].message}`);
  const r = runSweepRun(parsed.value, task.seed, setup.hours, onChunk);
  return { run: task.run, hash: r.hash, names: r.names, values: r.values, warnings: r.warnings, ...(setup.series ? { series: seriesCsv(r.model.series) } : {}) };
}

/**
 * The worker side of the protocol: returns the handler for messages from the pool; `send` posts
 * a message back. Progress goes out at most every `progressMs` milliseconds of wall-clock time.
 */
export function sweepWorker(send: (msg: FromWorker) => void, progressMs = 250): (msg: ToWorker) => void {
  let setup: SweepSetup | null = null;
  return (msg) => {
    if (msg.kind === 'setup') {
      setup = msg.setup;
      return send({ kind: 'ready' });
    }
    const { task } = msg;
    try {
      if (!setup) throw new Error('the sweep worker got a run before its setup');
      let last = Date.now();
      const r = runTask(setup, task, (fraction) => {
        if (Date.now() - last <= progressMs) return;
        last = Date.now();
        send({ kind: 'progress', run: task.run, fraction });
      });
      send({ kind: 'done', ...r });
    } catch (e) {
      send({ kind: 'failed', run: task.run, message: e instanceof Error ? e.message : String(e) });
    }
  };
}
