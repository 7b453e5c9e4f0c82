// Run files: the versioned JSON record of one run (scenario, seed, every intervention with its
// tick, checkpoint state hashes) — reading it without ever throwing, writing it from a model,
// and replaying it to check the hashes. Pure: used by the CLI (Node) and the app (browser).
import { z } from '../../sim/zod';
import { createModel } from '../../sim/engine';
import { EventSpec, type Scenario as ScenarioT } from '../../sim/schema';
import { ScenarioFile } from '../../lessons/scenarioFile';
import type { RunEvent } from '../../sim/events';
import { stateHash } from '../../sim/hash';
import { step } from '../../sim/step';
import { ENGINE_VERSION } from '../../sim/version';
import type { Model } from '../../sim/model';
import { oversized, type Parsed, type Problem } from '../../sim/validate';
import { PredictionsSchema, predictionsProblem } from './predictions';
import { t } from './fileWords';

export { RUN_FORMAT, RUN_VERSION, MAX_RUN_FILE_BYTES, MAX_TICKS, runFileText } from './runFormat';
import { MAX_RUN_FILE_BYTES, MAX_TICKS, RUN_FORMAT, RUN_VERSION } from './runFormat';

const Tick = z.number().int().min(0).max(MAX_TICKS);
const Hash = z.string().regex(/^[0-9a-f]{16}$/, { error: () => t('files.runfile.hash') });

/** A recorded intervention: any scenario event, with the step at which it applied (or applies). */
const RecordedEvent = z.intersection(EventSpec, z.object({ tick: Tick })).transform((e) => {
  const out = { ...e } as RunEvent & { atHours?: number };
  delete out.atHours;
  return out as RunEvent;
});

export const Checkpoint = z.object({ tick: Tick, hash: Hash });
export type Checkpoint = z.infer<typeof Checkpoint>;

export const RunFileSchema = z
  .object({
    format: z.literal(RUN_FORMAT),
    version: z.literal(RUN_VERSION),
    engineVersion: z.string().min(1).max(40),
    scenario: ScenarioFile,
    seed: z.string().max(100),
    events: z.array(RecordedEvent).max(100_000),
    stopTick: Tick,
    checkpoints: z.array(Checkpoint).max(1_000_000),
    /** The learner's committed answers to the lesson's prompts (src/lab/predictions.ts); not engine events, so no hash covers them. */
    predictions: PredictionsSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.scenario.events.length > 0)
      ctx.addIssue({ code: 'custom', path: ['scenario', 'events'], message: t('files.runfile.scenarioEvents') });
    f.checkpoints.forEach((c, i) => {
      if (c.tick > f.stopTick) ctx.addIssue({ code: 'custom', path: ['checkpoints', i, 'tick'], message: t('files.runfile.checkpointAfterEnd', { tick: String(c.tick), stopTick: String(f.stopTick) }) });
      if (i > 0 && c.tick <= f.checkpoints[i - 1].tick) ctx.addIssue({ code: 'custom', path: ['checkpoints', i, 'tick'], message: t('files.runfile.checkpointOrder') });
    });
    f.events.forEach((e, i) => {
      if (i > 0 && e.tick < f.events[i - 1].tick) ctx.addIssue({ code: 'custom', path: ['events', i, 'tick'], message: t('files.runfile.eventOrder') });
    });
    const wrong = f.predictions ? predictionsProblem(f.predictions, f.scenario.lesson?.prompts ?? []) : null;
    if (wrong) ctx.addIssue({ code: 'custom', path: ['predictions'], message: wrong });
  });

export type RunFile = z.output<typeof RunFileSchema>;

/** The path of a problem with the whole file (sim/validate.ts writes the same; hosts leave it out of messages). */
// i18n-exempt: a path marker that readers compare against, never shown
const TOP = '(top level)';

const problem = (path: string, message: string): { ok: false; problems: Problem[] } => ({ ok: false, problems: [{ path, message }] });

/** Parses JSON text, turning syntax errors into one problem with line and column. */
export function parseJsonText(text: string, maxBytes = MAX_RUN_FILE_BYTES): Parsed<unknown> {
  if (text.length > maxBytes) return problem('(file)', t('files.runfile.tooLarge', { size: Math.round(text.length / 104857.6) / 10, limit: maxBytes / 1048576 }));
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return problem('(file)', t('files.runfile.empty'));
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (e) {
    const msg = String((e as Error).message);
    const at = /position (\d+)/.exec(msg);
    const pos = at ? Number(at[1]) : -1;
    if (/end of (JSON )?input/i.test(msg) || pos >= body.trimEnd().length || (/Unterminated string/.test(msg) && !body.slice(pos).includes('\n')))
      return problem('(file)', t('files.runfile.truncated'));
    if (!at) return problem('(file)', t('files.runfile.notJson'));
    const before = body.slice(0, pos).split('\n');
    return problem('(file)', t('files.runfile.notJsonAt', { line: before.length, column: before[before.length - 1].length + 1, char: shownChar(body[pos]) }));
  }
}

/** A character of a JSON file as a message shows it: itself when printable, else its code (U+000A). */
function shownChar(c: string | undefined): string {
  if (c === undefined) return '';
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? c : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A zod issue in the reader's language; the engine's own checks (sim/) keep their English. */
function humanMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'kind')
    // i18n-exempt: the event kinds as a run file spells them
    return t('files.runfile.unknownKind', { kinds: (issue as { options?: unknown[] }).options?.join(', ') ?? 'set, addCells, removeCells, drug, blockLabel, inject' });
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
  if (type) return type[2] === 'undefined' ? t('files.runfile.missing', { expected: type[1] }) : t('files.runfile.wrongType', { expected: type[1], got: type[2] });
  if (issue.code === 'too_big' || issue.code === 'too_small') {
    const big = issue.code === 'too_big';
    const limit = Number(big ? issue.maximum : issue.minimum);
    const what = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : 'number';
    if (/^Too (big|small)/.test(issue.message)) return t(big ? 'files.runfile.atMost' : 'files.runfile.atLeast', { limit, what });
  }
  if (issue.code === 'invalid_value' && /^Invalid (input|option): expected /.test(issue.message)) return t('files.runfile.notOneOf', { values: issue.values.map((v) => JSON.stringify(v)).join(', ') });
  if (issue.code === 'unrecognized_keys') return t('files.runfile.unknownKeys', { n: issue.keys.length, keys: issue.keys.map((k) => JSON.stringify(k).slice(0, 40)).join(', ') });
  return issue.message;
}

/** Zod issues as path + message, without duplicates. */
function problemsFrom(error: z.ZodError): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const i of error.issues) {
    const p = { path: i.path.map(String).join('.') || TOP, message: humanMessage(i) };
    const key = `${p.path}\u0000${p.message}`;
    if (!seen.has(key)) out.push(p);
    seen.add(key);
  }
  return out;
}

/**
 * `parsed` with the key order of `raw`, recursively; keys only in `parsed` (defaults) follow.
 * Key order matters: the state hash covers JSON.stringify of the scenario and of the event log,
 * and the engine logs an event scheduled without a tick with `tick` as its last key.
 */
function inRawOrder(parsed: unknown, raw: unknown): unknown {
  if (Array.isArray(parsed)) return Array.isArray(raw) ? parsed.map((v, i) => inRawOrder(v, raw[i])) : parsed;
  if (parsed === null || typeof parsed !== 'object' || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return parsed;
  const p = parsed as Record<string, unknown>;
  const r = raw as Record<string, unknown>;
  const keys = [...Object.keys(r).filter((k) => Object.hasOwn(p, k)), ...Object.keys(p).filter((k) => !Object.hasOwn(r, k))];
  return Object.fromEntries(keys.map((k) => [k, inRawOrder(p[k], r[k])]));
}

/** Reads a run file from JSON text or an already parsed value. Never throws; every problem has a path. */
export function parseRunFile(input: unknown): Parsed<RunFile> {
  try {
    let value = input;
    if (typeof input === 'string') {
      const json = parseJsonText(input);
      if (!json.ok) return json;
      value = json.value;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return problem(TOP, t('files.runfile.notObject'));
    const o = value as Record<string, unknown>;
    if (o.format !== RUN_FORMAT) {
      if (o.format === undefined && ('tissues' in o || 'cellTypes' in o)) return problem('format', t('files.runfile.scenarioNotRun', { format: RUN_FORMAT }));
      if (o.format === undefined) return problem('format', t('files.runfile.formatMissing', { format: RUN_FORMAT }));
      return problem('format', t('files.runfile.formatWrong', { found: JSON.stringify(o.format).slice(0, 60), format: RUN_FORMAT }));
    }
    if (o.version !== RUN_VERSION) {
      const v = o.version;
      if (typeof v === 'number' && Number.isInteger(v) && v > RUN_VERSION) return problem('version', t('files.runfile.versionNewer', { v, reads: RUN_VERSION }));
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return problem('version', t('files.runfile.versionOlder', { v, reads: RUN_VERSION }));
      return problem('version', t('files.runfile.versionNotWhole', { reads: RUN_VERSION }));
    }
    const inner = (value as Record<string, unknown>).scenario;
    const big = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? oversized(inner as Record<string, unknown>) : null;
    if (big) return problem(`scenario.${big.path}`, big.message);
    const r = RunFileSchema.safeParse(value);
    return r.success ? { ok: true, value: inRawOrder(r.data, value) as RunFile } : { ok: false, problems: problemsFrom(r.error) };
  } catch (e) {
    return problem(TOP, t('files.runfile.unreadable', { detail: (e as Error).message }));
  }
}

/**
 * The run file of a model: its scenario as created (pass `initial` if `set`, `drug` or
 * `blockLabel` events have changed model.scenario since), seed, every applied and pending event,
 * and the checkpoints, plus one at the current tick if the last is earlier.
 */
export function makeRunFile(m: Model, checkpoints: readonly Checkpoint[], initial: ScenarioT = m.initialScenario): RunFile {
  const cps = [...checkpoints].filter((c) => c.tick <= m.tick).sort((a, b) => a.tick - b.tick);
  const unique = cps.filter((c, i) => i === 0 || c.tick !== cps[i - 1].tick);
  if (unique.length === 0 || unique[unique.length - 1].tick < m.tick) unique.push({ tick: m.tick, hash: stateHash(m) });
  return structuredClone({
    format: RUN_FORMAT,
    version: RUN_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: { ...initial, events: [] },
    seed: m.seed,
    events: [...m.log, ...m.pending],
    stopTick: m.tick,
    checkpoints: unique,
  }) as RunFile;
}

export interface CheckpointReport {
  tick: number;
  hours: number;
  expected: string;
  actual: string;
  /** Position of this checkpoint in the file, and how many it has. */
  index: number;
  total: number;
}

export interface ReplayResult {
  /** True when every checkpoint reached matched. */
  ok: boolean;
  /** Checkpoints compared. */
  checked: number;
  firstMismatch?: { tick: number; hours: number; expected: string; actual: string };
  /** The state hash at the last tick reached (stopTick unless stopped at a mismatch). */
  finalHash: string;
  tick: number;
  /** Notes such as a different engine version. */
  warnings: string[];
  /** The replayed model, for metrics and series. */
  model: Model;
}

/**
 * Queues the recorded events exactly as recorded (same order, same keys), so that the replay's
 * event log — which the state hash covers — matches the recording. Each is checked again when
 * it applies and, if refused then, logged as skipped with a warning, as in the recorded run.
 */
export function queueRecorded(m: Model, events: readonly RunEvent[]): void {
  for (const e of events) {
    let k = m.pending.length;
    while (k > 0 && m.pending[k - 1].tick > e.tick) k--;
    m.pending.splice(k, 0, structuredClone(e));
  }
}

/**
 * Re-runs a run file from its scenario, seed and events, comparing the state hash at every
 * checkpoint. onCheckpoint hears each comparison (for progress); stopAtMismatch ends early.
 */
export function replay(
  f: RunFile,
  onCheckpoint?: (c: CheckpointReport) => void,
  opts: { stopAtMismatch?: boolean; /** Called every `chunk` steps at most (to write out and empty the series as it grows). */ onSteps?: (m: Model) => void; chunk?: number } = {},
): ReplayResult {
  const warnings: string[] = [];
  if (f.engineVersion !== ENGINE_VERSION)
    warnings.push(t('files.runfile.otherEngine', { recorded: f.engineVersion, engine: ENGINE_VERSION }));
  const m = createModel({ ...f.scenario, events: [] }, f.seed);
  queueRecorded(m, f.events);
  const hours = (tick: number) => (tick * m.dt) / 3600;
  let firstMismatch: ReplayResult['firstMismatch'];
  let checked = 0;
  const chunk = Math.max(1, opts.chunk ?? Infinity);
  const stepTo = (tick: number) => {
    while (m.tick < tick) {
      step(m, Math.min(chunk, tick - m.tick));
      opts.onSteps?.(m);
    }
  };
  for (const [index, c] of f.checkpoints.entries()) {
    stepTo(c.tick);
    const actual = stateHash(m);
    checked++;
    onCheckpoint?.({ tick: c.tick, hours: hours(c.tick), expected: c.hash, actual, index, total: f.checkpoints.length });
    if (actual !== c.hash && !firstMismatch) {
      firstMismatch = { tick: c.tick, hours: hours(c.tick), expected: c.hash, actual };
      if (opts.stopAtMismatch) break;
    }
  }
  if (!(firstMismatch && opts.stopAtMismatch)) stepTo(f.stopTick);
  return { ok: !firstMismatch, checked, firstMismatch, finalHash: stateHash(m), tick: m.tick, warnings, model: m };
}
