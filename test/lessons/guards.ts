// Shared helpers for the tumour-and-guards lesson tests (immune-suppression, block-release,
// letters): load a lesson with edits, coarsen its vesicle packets for speed, run to an hour,
// profile states against distance from a cell type, and a paired t statistic over seeds.
import { createModel, setAtPath, step, type Model } from '../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';
import { lesson } from '../../lessons/index';

/** A built-in lesson with parameter edits (path → value), validated again. */
export function lessonWith(id: string, edits: [string, unknown][] = []): ScenarioFile {
  let s = lesson(id);
  if (!s) throw new Error(`lesson ${id} missing`);
  for (const [path, value] of edits) s = setAtPath(s, path, value);
  const p = parseScenarioFile(s);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('; '));
  return p.value;
}

/**
 * The same scene with f× fewer, f× bigger packets: vesiclesPerDot and every onBind/cargo amount
 * times f, every binding capacity divided by f. Mean fluxes, signals and capacities in real
 * vesicles are unchanged; only the packet noise grows (by √f). Used to keep test files fast.
 */
export function coarsen(s: ScenarioFile, f: number): ScenarioFile {
  const c = structuredClone(s);
  c.vesiclesPerDot *= f;
  for (const vt of Object.values(c.vesicleTypes)) {
    for (const k of Object.keys(vt.onBind)) vt.onBind[k] *= f;
    for (const k of Object.keys(vt.cargo)) vt.cargo[k] *= f;
  }
  for (const ct of Object.values(c.cellTypes)) ct.maxBound = Math.max(1, ct.maxBound / f);
  const p = parseScenarioFile(c);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.path}: ${x.message}`).join('; '));
  return p.value;
}

export function newModel(s: ScenarioFile, seed: string): Model {
  return createModel(s, seed, { checkLedger: true });
}

/** Steps the model until it reaches the given hour (no-op if already there). */
export function runTo(m: Model, hours: number): Model {
  const target = Math.round((hours * 3600) / m.dt);
  if (target > m.tick) step(m, target - m.tick);
  return m;
}

/** Distance (µm, centre to centre) from each live cell of `type` to the nearest live cell of `from`. */
export function distances(m: Model, type: string, from: string): { index: number; d: number }[] {
  const c = m.cells;
  const t = m.index.cellTypes.indexOf(type);
  const f = m.index.cellTypes.indexOf(from);
  const fx: number[] = [];
  const fy: number[] = [];
  for (let i = 0; i < c.count; i++) {
    if (c.dead[i] || c.type[i] !== f) continue;
    fx.push(c.x[i]);
    fy.push(c.y[i]);
  }
  const out: { index: number; d: number }[] = [];
  for (let i = 0; i < c.count; i++) {
    if (c.dead[i] || c.type[i] !== t) continue;
    let d2 = Infinity;
    for (let k = 0; k < fx.length; k++) d2 = Math.min(d2, (c.x[i] - fx[k]) ** 2 + (c.y[i] - fy[k]) ** 2);
    out.push({ index: i, d: Math.sqrt(d2) });
  }
  return out;
}

/** Cells of `type` in state `state`, and all cells of `type`, with distance from `from` in [lo, hi). */
export function stateCount(m: Model, type: string, state: string, from: string, lo = 0, hi = Infinity): { n: number; k: number } {
  const st = m.index.states[m.index.cellTypes.indexOf(type)].indexOf(state);
  let n = 0;
  let k = 0;
  for (const { index, d } of distances(m, type, from)) {
    if (d < lo || d >= hi) continue;
    n++;
    if (m.cells.state[index] === st) k++;
  }
  return { n, k };
}

/** Paired t statistic of (a − b) over seeds; +Infinity when every difference is equal and positive. */
export function pairedT(a: number[], b: number[]): number {
  const d = a.map((x, i) => x - b[i]);
  const n = d.length;
  const mean = d.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  return sd === 0 ? (mean > 0 ? Infinity : mean < 0 ? -Infinity : 0) : mean / (sd / Math.sqrt(n));
}

/** One-sided 95 % critical value of Student's t with 4 degrees of freedom (5 paired seeds). */
export const T95_DF4 = 2.132;

export const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
