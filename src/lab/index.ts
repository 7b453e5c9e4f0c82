// The lab's public surface: host-neutral work on whole runs (run files, sweeps, cohorts, ROC,
// statistics, CSV, share links, event checks) that the browser app, the workers and the command
// line all share. No DOM and no Node APIs here: hosts bring their own files, threads and words.
export { makeRunFile, parseRunFile, parseJsonText, replay, queueRecorded, runFileText, RunFileSchema, Checkpoint, RUN_FORMAT, RUN_VERSION, MAX_RUN_FILE_BYTES, MAX_TICKS, type RunFile, type ReplayResult, type CheckpointReport } from './runfile';
export { parseVary, parseValueList, parseSeeds, parseShard, countRuns, runAt, inShard, sweepId, MAX_SWEEP_RUNS, type VarySpec, type Shard, type SweepParsed } from './sweep/parse';
export { makePlan, comboScenario, combinationCount, combinationAt, checkCombination, runOf, metricsOf, type SweepPlan, type Varied, type Setting, type PlannedRun, type ComboProblem } from './sweep/plan';
export { FIXED_COLUMNS, col, headerFor, repeatedColumn, cell, rowFor, rowProblem, sortedRows, resultsCsv, parseCsv, parseResults, type SweepRow, type ResultsTable } from './sweep/rows';
export { runSweepRun, runTask, sweepWorker } from './sweep/run';
export { startPool, type Port, type PortEvents, type StartWorker, type PoolEnd, type PoolOptions, type PoolHandle } from './sweep/pool';
export { startInline } from './sweep/inline';
export { SweepResults, type RunRow } from './sweep/results';
export type { SweepSetup, SweepTask, SweepRunResult, ToWorker, FromWorker } from './sweep/protocol';
export { auc, rocCurve, areaUnder, fitZ, zScore, splitHalves, evaluate, type RocPoint, type ZModel, type MarkerResult, type Evaluation } from './roc';
export { cohortSeed, groupScenario, prepareCohort, runCohortJob, runCohort, groupRows, evaluateCohort, cohortEvaluation, cohortCsv, type CohortEval, type CohortOptions, type CohortJob, type CohortRun, type PreparedCohort, type CohortResult } from './cohort';
export { meanInterval, tQuantile, tCdf, lnGamma, incompleteBeta, type Interval } from './stats';
export { field, num, csvLine, seriesCsv, seriesHeader, seriesLines, type SeriesLike } from './csv';
export { parseNumber, isNumberText, rangeText, inRange } from './numbers';
export { MAX_HOURS, stepsFor, hoursOverLimit } from './hours';
export { fmtDuration, fmtElapsed, etaText } from './duration';
export { withOverrides, type Overrides } from './settings';
export { quote } from './quote';
export { checkEventLog, badKey, isSetting, FORBIDDEN_KEYS, type EventLogCheck } from './events';
export { decodeLink, encodeLink, checkLinkEvents, HIDEABLE, LOCKABLE, LINK_LIMIT, MAX_QUERY_CHARS, MAX_LINK_EVENTS, MAX_LINK_SETTINGS, type Hideable, type Lockable, type LinkMode, type LinkState, type DecodedLink, type EncodedLink } from './share/link';
export { packEvents, unpackEvents, toBase64Url, fromBase64Url, MAX_LOG_CHARS, MAX_LOG_BYTES } from './share/pack';
export { settingsDiff, sameStart } from './share/diff';
export { LINK_PARAMS, PART_LABELS, PART_MEANINGS, linkParts, type LinkParam } from './share/options';
export { buildTeacherLink, shortLessonLink, type TeacherLinkChoice, type TeacherLink } from './share/builder';
export { cellTable, cellsHeader, cellsLines, cellsCsv, type CellTable, type CellRow } from './cellRows';
export { packetRows, packetsCsv, MAX_PACKET_ROWS, PACKET_COLUMNS, type PacketRows } from './packetRows';
export { describeSample, describeHours, sampleAt, plural, plainNumber, plainLevel, clockWords, MAX_WORDS, type DescribedScenario, type DescribedSeries } from './describe';
export { largerThan, sameShape, LISTABLE_NODES } from './size';
export { estimateMemory, memoryProblem, bytesPerCell, LAPTOP_BUDGET_BYTES, ENGINE_BYTES_PER_PACKET, estimateRunMemory, runMemoryProblem, metricCount, fmtBytes, MEMORY_BUDGET_BYTES, MAX_PLACED_CELLS, type MemoryEstimate, type MemoryHost, type RunMemoryEstimate, type RunMemoryPart, type RunMemoryOptions } from './memory';
