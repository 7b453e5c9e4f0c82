// The lab's public surface: host-neutral work on whole runs (run files, sweeps, cohorts, ROC,
// CSV) that the browser app, the workers and the command line all share.
export { makeRunFile, parseRunFile, parseJsonText, replay, queueRecorded, runFileText, RunFileSchema, Checkpoint, RUN_FORMAT, RUN_VERSION, MAX_RUN_FILE_BYTES, MAX_TICKS, type RunFile, type ReplayResult, type CheckpointReport } from './runfile';
export { parseVary, parseSeeds, parseShard, countRuns, runAt, inShard, sweepId, MAX_SWEEP_RUNS, runSweepRun, type SweepRunResult, type VarySpec, type Shard, type SweepParsed } from './sweep';
export { auc, rocCurve, areaUnder, fitZ, zScore, splitHalves, evaluate, type RocPoint, type ZModel, type MarkerResult, type Evaluation } from './roc';
export { cohortSeed, groupScenario, prepareCohort, runCohortJob, runCohort, groupRows, evaluateCohort, type CohortOptions, type CohortJob, type CohortRun, type PreparedCohort, type CohortResult } from './cohort';
export { field, num, seriesCsv, type SeriesLike } from './csv';
export { cellTable, cellsHeader, cellsLines, cellsCsv, type CellTable, type CellRow } from './cellRows';
export { packetRows, packetsCsv, MAX_PACKET_ROWS, PACKET_COLUMNS, type PacketRows } from './packetRows';
