// The model: the validated scenario, its compiled indices, the state stores, the random
// streams, the ledger and the metric series. createModel() builds one from a scenario and seed.
import type { Scenario } from './schema';
import { CellStore, VesicleStore } from './state';
import { Stream } from './random';
import type { Tables } from './tables';
import type { Ledger } from './ledger';
import type { Reporter, Series } from './metrics';
import type { RunEvent } from './events';

/** Names of the random streams, one per rule (see docs/implementation-notes.md). */
export const STREAMS = ['setup', 'release', 'diffusion', 'fate', 'blood', 'uptake', 'signalling', 'cells', 'events'] as const;
export type StreamName = (typeof STREAMS)[number];

/** Ids in a fixed order: the scenario's key order, which is the order of its JSON text. */
export interface Index {
  cellTypes: string[];
  vesicleTypes: string[];
  tissues: string[];
  signals: string[];
  labels: string[];
  receptors: string[];
  /** states[cellType] = that type's state ids. */
  states: string[][];
}

export interface Warning {
  tick: number;
  code: 'vesicleCapacity' | 'cellCapacity' | 'event';
  message: string;
}

export interface Model {
  /** The scenario as it is now (parameter changes replace it). */
  scenario: Scenario;
  /** The scenario the run started from (with its scheduled events moved to `pending`). */
  initialScenario: Scenario;
  seed: string;
  index: Index;
  tick: number;
  dt: number;
  vesicles: VesicleStore;
  cells: CellStore;
  /** Blood packets: [vesicleType * nTissues + originTissue]. */
  blood: Float64Array;
  rng: Record<StreamName, Stream>;
  tables: Tables;
  ledger: Ledger;
  series: Series;
  /** Events already applied, in order. */
  log: RunEvent[];
  /** Events waiting for their tick, in order of tick then arrival. */
  pending: RunEvent[];
  warnings: Warning[];
  /** Steps in which release or division had to pause because a capacity was full. */
  pausedSteps: { release: number; division: number };
  /** Cells that died this run: [cellType * DEATH_CAUSES + DeathCause] (sim/state.ts). */
  deaths: Float64Array;
  /** Packets internalised over the run: [cellType * nVesicleTypes + vesicleType]. */
  uptakeTotals: Float64Array;
  reporters: Reporter[];
  /** Check the ledger after every step (tests and debug builds). */
  checkLedger: boolean;
}

export function buildIndex(s: Scenario): Index {
  const cellTypes = Object.keys(s.cellTypes);
  return {
    cellTypes,
    vesicleTypes: Object.keys(s.vesicleTypes),
    tissues: Object.keys(s.tissues),
    signals: Object.keys(s.signals),
    labels: Object.keys(s.labels),
    receptors: Object.keys(s.receptors),
    states: cellTypes.map((t) => s.cellTypes[t].states),
  };
}

export function makeStreams(seed: string): Record<StreamName, Stream> {
  const out = {} as Record<StreamName, Stream>;
  for (const name of STREAMS) out[name] = new Stream(seed, name);
  return out;
}

export function newStores(s: Scenario, index: Index): { vesicles: VesicleStore; cells: CellStore } {
  const vesicles = new VesicleStore(65536, s.limits.vesicleCapacity);
  const cells = new CellStore(256, s.limits.cellCapacity, index.vesicleTypes.length, index.signals.length);
  return { vesicles, cells };
}
