// The public surface of the engine: what the worker, the app and the CLI may import.
export { createModel, restore, snapshot, hoursToSteps, type Snapshot, type CreateOptions } from './engine';
export { step, sampleEvery } from './step';
export { RULES } from './rules/index';
export type { Rule, AnyRule } from './rule';
export { schedule, checkEvent, type RunEvent } from './events';
export { measure, type Series } from './metrics';
export { stateHash } from './hash';
export { imbalance, assertBalanced, holdings } from './ledger';
export { listParameters, listSettings, parameterAt, getAtPath, setAtPath, resolveSetting, type ParamInfo, type IdListInfo, type EventListInfo, type Setting, type Resolved } from './params';
export { parseScenario, describeProblems, type Problem, type Parsed } from './validate';
export { Scenario, EventSpec, type ScenarioInput, type ParamMeta, type IdsMeta, type EventsMeta } from './schema';
export type { Model, Index, Warning } from './model';
export { ENGINE_VERSION } from './version';
export { VesicleStore, NO_CELL, NEVER, DONOR_RING, NO_LAST_DOSE, inLastSteps } from './state';
export { makeFrame, frameBuffers, frameStoreOf, storeBuffers, storeFits, densityGrids, densityLength, DENSITY_BINS, type Frame, type FrameStore, type DensityGrid } from './frame';
