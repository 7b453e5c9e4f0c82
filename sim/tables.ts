// Precomputed per-parameter tables, one per rule, rebuilt whenever a parameter changes, so
// the hot loops only read arrays (and transcendental functions run only here).
import type { Model } from './model';
import { initRelease, type ReleaseTable } from './rules/release';
import { initDiffusion, type DiffusionTable } from './rules/diffusion';
import { initBinding, type BindingTable } from './rules/binding';
import { initFate, type FateTable } from './rules/fate';
import { initBlood, type BloodTable } from './rules/blood';
import { initUptake, type UptakeTable } from './rules/uptake';
import { initSignalling, type SignallingTable } from './rules/signalling';
import { initCells, type CellTable } from './rules/cellBehaviour';
import { initDosing, type DosingTable } from './rules/dosing';
import { createGrid, type Grid } from './grid';

export interface Tables {
  tissues: { width: Float64Array; height: Float64Array };
  grid: Grid;
  release: ReleaseTable;
  diffusion: DiffusionTable;
  binding: BindingTable;
  fate: FateTable;
  blood: BloodTable;
  uptake: UptakeTable;
  signalling: SignallingTable;
  cells: CellTable;
  dosing: DosingTable;
}

/** Builds every table from the model's scenario (order matters: binding reads diffusion). */
export function buildTables(m: Model): void {
  const t = (m.tables ?? {}) as Partial<Tables>;
  m.tables = t as Tables;
  t.diffusion = initDiffusion(m);
  t.tissues = { width: t.diffusion.width, height: t.diffusion.height };
  t.grid = createGrid(m);
  t.release = initRelease(m);
  t.binding = initBinding(m);
  t.fate = initFate(m);
  t.blood = initBlood(m);
  t.uptake = initUptake(m);
  t.signalling = initSignalling(m);
  t.cells = initCells(m);
  t.dosing = initDosing(m);
}
