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

export interface VerifyOutcome {
  /** The run could be replayed (else `problem` says why). */
  ran: boolean;
  problem?: string;
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
}

const failed = (problem: string): VerifyOutcome => ({ ran: false, problem, ok: false, checked: 0, finalHash: '', value: NaN, unit: '', eventsKey: '', warnings: [] });

/** Replays `job` and reads its main metric; never throws. `onChunk(fraction)` hears progress. */
export function verifyRun(job: VerifyJob, onChunk?: (fraction: number) => void): VerifyOutcome {
  try {
    const hours = (job.stopTick * job.scenario.dtSeconds) / 3600;
    const over = hoursOverLimit(hours);
    if (over !== null) return failed(`it covers ${over} simulated hours, more than the ${MAX_HOURS} Cellpost replays`);
    const tooBig = runMemoryProblem(job.scenario, { hours, keepSeries: false });
    if (tooBig) return failed(tooBig);
    const warnings: string[] = [];
    if (job.engineVersion !== undefined && job.engineVersion !== ENGINE_VERSION) warnings.push(`recorded with engine ${job.engineVersion}, replayed with engine ${ENGINE_VERSION}: hashes may differ`);
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
    if (mismatch) return { ran: true, ok: false, checked, mismatch, finalHash: '', value: NaN, unit: '', eventsKey: '', warnings };
    stepTo(job.stopTick);
    const reporter = m.reporters.find((r) => r.name === job.metric);
    if (!reporter) return { ...failed(`the lesson's main metric ${job.metric} is not measured in this run`), ran: true };
    const value = measure(m)[job.metric];
    return { ran: true, ok: true, checked, finalHash: stateHash(m), value, unit: reporter.unit, eventsKey: canonicalJson([...m.log, ...m.pending]), warnings };
  } catch (e) {
    return failed(`it cannot be replayed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
