// The data that crosses the worker boundary besides frames: what a load returns, what one
// step batch returns, and the reports on an inspected cell and a followed vesicle packet.
// Plain, structured-cloneable objects; the app imports these types only.
import type { Frame, Index, Snapshot } from '../sim/index';
import type { ScenarioFile } from '../lessons/scenarioFile';
import type { TimelineInfo } from './timeline';

/** What the app needs to know about a freshly loaded (or restored) model. */
export interface LoadInfo {
  scenario: ScenarioFile;
  seed: string;
  tick: number;
  dtSeconds: number;
  index: Index;
  seriesNames: string[];
  seriesUnits: string[];
  /** Problems found while loading (bad scheduled events, cells without room). */
  warnings: string[];
}

/** The result of one advance() call: the latest frame, and now and then a snapshot for recovery. */
export interface AdvanceResult {
  frame: Frame;
  steps: number;
  /** Wall-clock milliseconds the worker spent stepping. */
  stepMs: number;
  /** Frame buffer stores the worker has had to make for this run (the rest were handed back and reused). */
  buffersMade?: number;
  snapshot?: Snapshot;
  follow?: FollowReport;
  /** The run's timeline: how far it has been, hash checks, branches (workers/timeline.ts). */
  timeline?: TimelineInfo;
  /** The run's current scenario, when a seek moved it to another moment (settings may differ). */
  scenario?: ScenarioFile;
}

export interface Amount {
  id: string;
  name: string;
  value: number;
}

/** Everything the inspector shows about one cell. */
export interface CellReport {
  id: number;
  type: string;
  typeName: string;
  state: string;
  states: string[];
  tissue: string;
  x: number;
  y: number;
  radius: number;
  receptors: { id: string; name: string }[];
  signals: Amount[];
  /** Packets bound to the surface now, by vesicle type. */
  bound: Amount[];
  /** Packets taken up over the cell's life, by vesicle type (origin). */
  uptake: Amount[];
  /** The last donor cell ids, newest first, with their type names. */
  donors: { id: number; typeName: string }[];
  ageHours: number;
}

export type Fate = 'free' | 'taken up' | 'entered the blood' | 'broken down' | 'lost';

/** A followed vesicle packet: what it is, where it came from and the path it took. */
export interface FollowReport {
  vesicleType: string;
  typeName: string;
  labels: string[];
  cargo: Amount[];
  onBind: Amount[];
  originCell: number;
  originTypeName: string;
  bornHours: number;
  tissue: string;
  tissueIndex: number;
  /** Positions (µm), interleaved x, y, one per step it was seen (thinned when long). */
  path: number[];
  /** Straight-line distance from where it was first seen to where it is (or was last seen), µm. */
  distanceFromStartUm: number;
  /** Length of the whole zig-zag path, step by step (not shortened when the drawn path is thinned), µm. */
  pathLengthUm: number;
  fate: Fate;
  /** Plain words on the fate, e.g. "taken up by reader cell #17". */
  fateText: string;
  /** The cell that took it up, when known. */
  takenBy?: number;
  endHours?: number;
}
