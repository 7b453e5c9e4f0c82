// A browser sweep's results (pure): one small row per finished run, kept by run number, turned
// into the same tidy CSV as `cellpost sweep` (same columns, sim/csv.ts's fields and numbers, sorted by run)
// and summarised per combination of varied values (mean and 95 % interval over the seeds).
import { ENGINE_VERSION } from '../../../sim/index';
import { field, num } from '../../lab';
import { runOf, type SweepPlan } from './plan';
import { meanInterval, type Interval } from './stats';

/** The columns before the varied parameters (as src/cli/sweep/table.ts); metrics and state_hash follow. */
export const FIXED_COLUMNS = ['run', 'runs', 'sweep', 'scenario', 'engine_version', 'hours', 'seed'] as const;

export interface RunRow {
  run: number;
  seed: string;
  /** Index of each varied parameter's value. */
  index: number[];
  /** Final metrics, in the plan's metric order. */
  values: number[];
  hash: string;
  warnings: string[];
}

export function headerFor(plan: SweepPlan): string[] {
  return [...FIXED_COLUMNS, ...plan.vary.map((v) => v.path), ...plan.metricNames, 'state_hash'];
}

export class SweepResults {
  readonly rows = new Map<number, RunRow>();

  constructor(readonly plan: SweepPlan) {}

  /** Adds a finished run; refuses one whose metrics are not the plan's. */
  add(run: number, names: readonly string[], values: readonly number[], hash: string, warnings: string[] = []): RunRow {
    if (names.join() !== this.plan.metricNames.join()) throw new Error(`run ${run} reported other metrics than the plan`);
    const r = runOf(this.plan, run);
    const row: RunRow = { run, seed: r.seed, index: r.index, values: [...values], hash, warnings };
    this.rows.set(run, row);
    return row;
  }

  get size(): number {
    return this.rows.size;
  }

  /** The tidy table: a header row, then one row per finished run sorted by run; `\n` line ends. */
  csv(): string {
    const p = this.plan;
    const lines = [headerFor(p).map(field).join(',')];
    for (const row of [...this.rows.values()].sort((a, b) => a.run - b.run)) {
      const fields = [String(row.run), String(p.runs), p.id, p.scenarioId, ENGINE_VERSION, String(p.hours), row.seed, ...p.vary.map((v, k) => num(v.values[row.index[k]])), ...row.values.map(num), row.hash];
      lines.push(fields.map(field).join(','));
    }
    return `${lines.join('\n')}\n`;
  }

  /**
   * Mean and interval of one metric for every combination of varied values, as a grid
   * [i][j] (i: first parameter's value, j: second's, or 0 with one parameter).
   */
  summary(metric: number, alpha = 0.05): Interval[][] {
    const p = this.plan;
    const n1 = p.vary[0]?.values.length ?? 1;
    const n2 = p.vary[1]?.values.length ?? 1;
    const cells: number[][][] = Array.from({ length: n1 }, () => Array.from({ length: n2 }, () => []));
    for (const row of this.rows.values()) cells[row.index[0] ?? 0][row.index[1] ?? 0].push(row.values[metric]);
    return cells.map((col) => col.map((xs) => meanInterval(xs, alpha)));
  }

  /** Every run's value of one metric with its value indices (for the dots behind the means). */
  points(metric: number): { i: number; j: number; value: number; run: number; seed: string }[] {
    return [...this.rows.values()].map((r) => ({ i: r.index[0] ?? 0, j: r.index[1] ?? 0, value: r.values[metric], run: r.run, seed: r.seed }));
  }
}
