// One run of a class verified: replayed in the real engine from its scenario, seed and events,
// the state hash compared at every hash it carries, then run on to its end, where the lesson's
// main metric is read. Pure: the same function in the app's sweep workers and `cellpost class`.
import { createModel } from '../../../sim/engine';
import { canonicalJson, stateHash } from '../../../sim/hash';
import { measure } from '../../../sim/metrics';
import { step } from '../../../sim/step';
import { ENGINE_VERSION } from '../../../sim/version';
import { hoursOverLimit, MAX_HOURS } from '../hours';
import { queueRecorded } from '../runfile';
import { runMemoryProblem } from '../memory';
import type { VerifyJob } from './inputs';
import { t, type ClassMessage } from './messages';

export interface VerifyOutcome {
  /** The run could be replayed (else `problem` says why). */
  ran: boolean;
  /** Why not, as a message the page says in its language (this may run in a worker). */
  problem?: ClassMessage;
  /** Every hash carried matched (true when none was carried). */
  ok: boolean;
  /** Hashes compared. */
  checked: number;
  mismatch?: { tick: number; hours: number; expected: string; actual: string };
  /** State hash at the end of the run. */
  finalHash: string;
  /** The main metric at the end, and its unit. */
  value: number;
  unit: string;
  /** Every event of the run (applied and waiting) as canonical JSON: duplicates share it. */
  eventsKey: string;
  /** Notes such as a different engine version. */
  warnings: string[];
  /** The engine that recorded the run, when it differs from this one (hashes may then differ). */
  otherEngine?: string;
}

const failed = (problem: ClassMessage): VerifyOutcome => ({ ran: false, problem, ok: false, checked: 0, finalHash: '', value: NaN, unit: '', eventsKey: '', warnings: [] });

/** Replays `job` and reads its main metric; never throws. `onChunk(fraction)` hears progress. */
export function verifyRun(job: VerifyJob, onChunk?: (fraction: number) => void): VerifyOutcome {
  try {
    const hours = (job.stopTick * job.scenario.dtSeconds) / 3600;
    const over = hoursOverLimit(hours);
    if (over !== null) return failed({ key: 'class.verify.tooLong', params: { hours: over, max: MAX_HOURS } });
    const tooBig = runMemoryProblem(job.scenario, { hours, keepSeries: false });
    if (tooBig) return failed({ key: 'class.verify.tooBig', params: { problem: tooBig } });
    const warnings: string[] = [];
    const otherEngine = job.engineVersion !== undefined && job.engineVersion !== ENGINE_VERSION ? job.engineVersion : undefined;
    // In English here (a worker has no language); the class table says it from otherEngine.
    if (otherEngine !== undefined) warnings.push(t('class.verify.otherEngine', { recorded: otherEngine, current: ENGINE_VERSION }));
    const m = createModel(job.scenario, job.seed);
    queueRecorded(m, job.events);
    const chunk = Math.max(1, Math.ceil(job.stopTick / 100));
    const stepTo = (tick: number) => {
      while (m.tick < tick) {
        step(m, Math.min(chunk, tick - m.tick));
        onChunk?.(job.stopTick > 0 ? m.tick / job.stopTick : 1);
      }
    };
    let mismatch: VerifyOutcome['mismatch'];
    let checked = 0;
    for (const c of job.checkpoints) {
      stepTo(c.tick);
      const actual = stateHash(m);
      checked++;
      if (actual !== c.hash) {
        mismatch = { tick: c.tick, hours: (c.tick * m.dt) / 3600, expected: c.hash, actual };
        break;
      }
    }
    if (mismatch) return { ran: true, ok: false, checked, mismatch, finalHash: '', value: NaN, unit: '', eventsKey: '', warnings, otherEngine };
    stepTo(job.stopTick);
    const reporter = m.reporters.find((r) => r.name === job.metric);
    if (!reporter) return { ...failed({ key: 'class.verify.noMetric', params: { metric: job.metric } }), ran: true };
    const value = measure(m)[job.metric];
    return { ran: true, ok: true, checked, finalHash: stateHash(m), value, unit: reporter.unit, eventsKey: canonicalJson([...m.log, ...m.pending]), warnings, otherEngine };
  } catch (e) {
    return failed({ key: 'class.verify.crashed', params: { error: e instanceof Error ? e.message : String(e) } });
  }
}
