// Precomputed per-parameter tables, one per rule, rebuilt whenever a parameter changes, so
// the hot loops only read arrays (and transcendental functions run only here). Each table is
// built by its rule's init, in the rule registry's order (sim/rules/index.ts).
import type { Model } from './model';
import type { TissueTable } from './rules/tissues';
import type { ReleaseTable } from './rules/release';
import type { DiffusionTable } from './rules/diffusion';
import type { BindingTable } from './rules/binding';
import type { FateTable } from './rules/fate';
import type { BloodTable } from './rules/blood';
import type { UptakeTable } from './rules/uptake';
import type { SignallingTable } from './rules/signalling';
import type { CellTable } from './rules/cellBehaviour';
import type { DosingTable } from './rules/dosing';
import type { Grid } from './grid';
import { RULES } from './rules/index';

/** Every rule's table, under the rule's name. */
export interface Tables {
  tissues: TissueTable;
  grid: Grid;
  dosing: DosingTable;
  release: ReleaseTable;
  diffusion: DiffusionTable;
  binding: BindingTable;
  fate: FateTable;
  blood: BloodTable;
  uptake: UptakeTable;
  signalling: SignallingTable;
  cells: CellTable;
}

/** Builds every table from the model's scenario, each rule's init in registry order. */
export function buildTables(m: Model): void {
  const t = (m.tables ?? {}) as Record<keyof Tables, unknown>;
  m.tables = t as Tables;
  for (const rule of RULES) t[rule.name] = rule.init(m);
}
