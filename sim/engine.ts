// The engine's front door (Mesa's vocabulary): createModel(scenario, seed), step(model, n),
// snapshot(model) / restore(snapshot), plus hours ↔ steps helpers.
import type { Model } from './model';
import { buildIndex, makeStreams, newStores } from './model';
import type { Scenario } from './schema';
import { buildTables } from './tables';
import { setScene } from './setup';
import { emptyLedger, type Ledger } from './ledger';
import { emptySeries, reporters, sample, type Series } from './metrics';
import { schedule, tickOf, type RunEvent } from './events';
import type { StreamState } from './random';
import { CellStore, DEATH_CAUSES, VesicleStore, type VesicleColumnName } from './state';
import { ENGINE_VERSION } from './version';

export interface CreateOptions {
  /** Check the vesicle ledger after every step (tests, debug). */
  checkLedger?: boolean;
  /** Told how many of the scenario's cells are placed so far (every 1024 cells and after each placement). */
  onPlacing?: (done: number, total: number) => void;
}

/** Builds a model from a validated scenario and a seed (defaults to the scenario's own). */
export function createModel(scenario: Scenario, seed: string = scenario.seed, opts: CreateOptions = {}): Model {
  const index = buildIndex(scenario);
  const { vesicles, cells } = newStores(scenario, index);
  // Scheduled events move into the pending queue; the model's scenario keeps none, so a replay
  // that schedules the same events from a run file has the same scenario and the same hashes.
  const start = { ...scenario, events: [] };
  const m = {
    scenario: start,
    initialScenario: start,
    seed,
    index,
    tick: 0,
    dt: scenario.dtSeconds,
    vesicles,
    cells,
    blood: new Float64Array(index.vesicleTypes.length * index.tissues.length),
    rng: makeStreams(seed),
    ledger: emptyLedger(),
    log: [],
    pending: [],
    warnings: [],
    pausedSteps: { release: 0, division: 0 },
    deaths: new Float64Array(index.cellTypes.length * DEATH_CAUSES),
    uptakeTotals: new Float64Array(index.cellTypes.length * index.vesicleTypes.length),
    checkLedger: opts.checkLedger ?? false,
  } as unknown as Model;
  buildTables(m);
  for (const note of setScene(m, opts.onPlacing)) m.warnings.push({ tick: 0, code: 'cellCapacity', message: note });
  m.reporters = reporters(m);
  m.series = emptySeries(m.reporters);
  for (const e of scenario.events) {
    const problem = schedule(m, { ...e, tick: tickOf(e, m.dt) });
    if (problem) m.warnings.push({ tick: 0, code: 'event', message: problem });
  }
  sample(m);
  return m;
}

export function hoursToSteps(m: Model, hours: number): number {
  return Math.round((hours * 3600) / m.dt);
}

/** Everything needed to continue a run exactly; plain data with typed arrays (structured-cloneable). */
export interface Snapshot {
  engineVersion: string;
  scenario: Scenario;
  initialScenario: Scenario;
  seed: string;
  tick: number;
  /** The vesicle columns (sim/state.ts VESICLE_COLUMNS), trimmed to the count. */
  vesicles: { count: number } & { [K in VesicleColumnName]: VesicleStore[K] };
  cells: { count: number; nextId: number; columns: Record<string, ArrayBufferView> };
  blood: Float64Array;
  rng: Record<string, StreamState>;
  ledger: Ledger;
  series: Series;
  log: RunEvent[];
  pending: RunEvent[];
  warnings: Model['warnings'];
  pausedSteps: Model['pausedSteps'];
  deaths: Float64Array;
  uptakeTotals: Float64Array;
}

export function snapshot(m: Model): Snapshot {
  const v = m.vesicles;
  // The columns are copied once, by slice (fresh buffers the model does not hold); only the
  // small plain parts go through structuredClone, which would copy every column a second time
  // (at 1M packets tens of MB per snapshot).
  const vesicles: Record<string, number | ArrayBufferView> = { count: v.count };
  for (const col of v.columns()) vesicles[col.name] = col.array.slice(0, v.count);
  const columns: Record<string, ArrayBufferView> = {};
  for (const col of m.cells.columns()) columns[col.name] = col.array.slice(0, m.cells.count * col.stride);
  const rng: Record<string, StreamState> = {};
  for (const [k, s] of Object.entries(m.rng)) rng[k] = s.getState();
  const plain = structuredClone({
    scenario: m.scenario,
    initialScenario: m.initialScenario,
    series: m.series,
    log: m.log,
    pending: m.pending,
    warnings: m.warnings,
  });
  return {
    engineVersion: ENGINE_VERSION,
    scenario: plain.scenario,
    initialScenario: plain.initialScenario,
    seed: m.seed,
    tick: m.tick,
    vesicles: vesicles as unknown as Snapshot['vesicles'],
    cells: { count: m.cells.count, nextId: m.cells.nextId, columns },
    blood: m.blood.slice(),
    rng,
    ledger: { ...m.ledger },
    series: plain.series,
    log: plain.log,
    pending: plain.pending,
    warnings: plain.warnings,
    pausedSteps: { ...m.pausedSteps },
    deaths: m.deaths.slice(),
    uptakeTotals: m.uptakeTotals.slice(),
  };
}

export function restore(snap: Snapshot, opts: CreateOptions = {}): Model {
  const s = structuredClone(snap);
  const index = buildIndex(s.scenario);
  const vesicles = new VesicleStore(Math.max(s.vesicles.count, 1024), s.scenario.limits.vesicleCapacity);
  vesicles.reserve(s.vesicles.count);
  for (const col of vesicles.columns()) col.array.set(s.vesicles[col.name]);
  vesicles.count = s.vesicles.count;
  const cells = new CellStore(Math.max(s.cells.count, 16), s.scenario.limits.cellCapacity, index.vesicleTypes.length, index.signals.length);
  for (const col of cells.columns()) col.array.set(s.cells.columns[col.name] as unknown as ArrayLike<number>);
  cells.count = s.cells.count;
  cells.nextId = s.cells.nextId;
  const rng = makeStreams(s.seed);
  for (const [k, st] of Object.entries(s.rng)) rng[k as keyof typeof rng].setState(st as StreamState);
  const m = {
    scenario: s.scenario,
    initialScenario: s.initialScenario ?? s.scenario,
    seed: s.seed,
    index,
    tick: s.tick,
    dt: s.scenario.dtSeconds,
    vesicles,
    cells,
    blood: s.blood,
    rng,
    ledger: s.ledger,
    series: s.series,
    log: s.log,
    pending: s.pending,
    warnings: s.warnings,
    pausedSteps: s.pausedSteps,
    deaths: s.deaths,
    uptakeTotals: s.uptakeTotals,
    checkLedger: opts.checkLedger ?? false,
  } as unknown as Model;
  buildTables(m);
  m.reporters = reporters(m);
  return m;
}
