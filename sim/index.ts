// The public surface of the engine: what the worker, the app and the CLI may import.
export { createModel, restore, snapshot, hoursToSteps, type Snapshot, type CreateOptions } from './engine';
export { step, sampleEvery, RULES } from './step';
export { schedule, checkEvent, type RunEvent } from './events';
export { measure, type Series } from './metrics';
export { stateHash } from './hash';
export { imbalance, assertBalanced, holdings } from './ledger';
export { listParameters, parameterAt, getAtPath, setAtPath, type ParamInfo } from './params';
export { parseScenario, describeProblems, type Problem, type Parsed } from './validate';
export { Scenario, EventSpec, type ScenarioInput, type ParamMeta } from './schema';
export type { Model, Index, Warning } from './model';
export { ENGINE_VERSION } from './version';
export { VesicleStore } from './state';
export { makeFrame, frameBuffers, type Frame } from './frame';
export { makeRunFile, parseRunFile, parseJsonText, replay, queueRecorded, runFileText, RunFileSchema, Checkpoint, RUN_FORMAT, RUN_VERSION, MAX_RUN_FILE_BYTES, MAX_TICKS, type RunFile, type ReplayResult, type CheckpointReport } from './runfile';
export { parseVary, parseSeeds, parseShard, countRuns, runAt, inShard, sweepId, MAX_SWEEP_RUNS, runSweepRun, type SweepRunResult, type VarySpec, type Shard, type SweepParsed } from './sweep';
export { auc, rocCurve, areaUnder, fitZ, zScore, splitHalves, evaluate, type RocPoint, type ZModel, type MarkerResult, type Evaluation } from './roc';
export { cohortSeed, groupScenario, prepareCohort, runCohortJob, runCohort, groupRows, evaluateCohort, type CohortOptions, type CohortJob, type CohortRun, type PreparedCohort, type CohortResult } from './cohort';
export { field, num, seriesCsv, type SeriesLike } from './csv';
