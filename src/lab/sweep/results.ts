// A sweep's finished runs, kept by run number: the results table as CSV (the very rows and lines
// `cellpost sweep` writes) and, per combination of varied values, the mean and 95 % interval over
// the seeds for the plots. Pure; the app keeps one while a sweep runs.
import { meanInterval, type Interval } from '../stats';
import { runOf, type SweepPlan } from './plan';
import type { SweepRunResult } from './protocol';
import { headerFor, resultsCsv, rowFor, type SweepRow } from './rows';

export interface RunRow {
  run: number;
  seed: string;
  /** Index of each varied parameter's value. */
  index: number[];
  /** Final metrics, in the plan's metric order. */
  values: number[];
  hash: string;
  warnings: string[];
  /** The row as the results table holds it. */
  row: SweepRow;
}

export class SweepResults {
  readonly rows = new Map<number, RunRow>();

  constructor(readonly plan: SweepPlan) {}

  /** Adds a finished run; refuses one whose metrics are not the plan's. */
  add(r: Pick<SweepRunResult, 'run' | 'names' | 'values' | 'hash'> & { warnings?: string[] }): RunRow {
    const task = runOf(this.plan, r.run);
    const row: RunRow = { run: r.run, seed: task.seed, index: task.index, values: [...r.values], hash: r.hash, warnings: r.warnings ?? [], row: rowFor(this.plan, task, r) };
    this.rows.set(r.run, row);
    return row;
  }

  get size(): number {
    return this.rows.size;
  }

  /** The results table: a header line, then one line per finished run sorted by run. */
  csv(): string {
    return resultsCsv(headerFor(this.plan), [...this.rows.values()].map((r) => r.row));
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
