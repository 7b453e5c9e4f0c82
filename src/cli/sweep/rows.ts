// The columns and rows of a sweep's results.csv: run, runs, sweep id, scenario, engine version,
// hours, seed, one column per varied parameter, every final metric, and the final state hash.
import { ENGINE_VERSION } from '../../../sim/index';
import { CliError } from '../errors';
import { num } from '../csv';
import type { SweepPlan } from './plan';
import type { RunResult, RunTask } from './protocol';
import { FIXED_COLUMNS, type ResultRow } from './table';

export function headerFor(plan: SweepPlan): string[] {
  const header = [...FIXED_COLUMNS, ...plan.vary.map((v) => v.path), ...plan.metricNames, 'state_hash'];
  const twice = header.find((h, k) => header.indexOf(h) !== k);
  if (twice !== undefined) throw new CliError(`--vary ${twice} has the name of a results column; it cannot be varied in a sweep`);
  return header;
}

/** A varied value as a CSV cell: numbers as numbers, text as it is, anything else as JSON. */
export function cell(value: unknown): string {
  if (typeof value === 'number') return num(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function rowFor(plan: SweepPlan, task: RunTask, r: RunResult): ResultRow {
  if (r.names.join() !== plan.metricNames.join()) throw new Error(`run ${r.run} reported other metrics than the plan`);
  const fields = [
    String(r.run),
    String(plan.runs),
    plan.id,
    plan.scenarioId,
    ENGINE_VERSION,
    String(plan.hours),
    task.seed,
    ...task.sets.map((o) => cell(o.value)),
    ...r.values.map(num),
    r.hash,
  ];
  return { run: r.run, fields };
}
