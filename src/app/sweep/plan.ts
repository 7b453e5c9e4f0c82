// The browser sweep's plan (pure): reads the panel's fields — one or two parameters with values
// (a list or start:end:step), replicates, first seed, hours — into the lab's sweep plan, the same
// plan `cellpost sweep` builds, so run numbers, seeds, the sweep id and every row agree with the
// command line exactly. Problems are worded for the form and name the field they are about.
import { listParameters, type ParamInfo } from '../../../sim/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { checkCombination, countRuns, inRange, makePlan, MAX_HOURS, parseNumber, parseSeeds, parseValueList, stepsFor, type SweepPlan as LabPlan } from '../../lab';
import { localLesson } from '../../lab/i18n/lessonOverlays';
import { nameParam } from '../paramNames';
import { t } from './messages';
import { readField } from '../../i18n/i18n';

/** Most runs one sweep may have in the browser (the CLI allows 100 000 and shards). */
export const BROWSER_MAX_RUNS = 2000;

export interface VaryInput {
  path: string;
  /** "0.5, 1, 2", "0.5:2:0.5", or a mix ("0,1:3:1,10"). */
  text: string;
}

export interface SweepInput {
  base: ScenarioFile;
  vary: VaryInput[];
  replicates: string;
  firstSeed: string;
  hours: string;
}

/** A varied parameter as the form chose it: numbers, with the parameter's description and the field's text. */
export interface FormVaried {
  path: string;
  info: ParamInfo;
  /** Its name for people, in the reader's language ("vesicle diffusion"). */
  name: string;
  values: number[];
  /** The field as typed (for the command line, when it spells the same values). */
  text: string;
}

/** The lab's plan, with what the form knows about each varied parameter and the seeds as `--seeds` takes them. */
export interface SweepPlan extends LabPlan {
  vary: FormVaried[];
  /** The seeds as `--seeds` takes them, e.g. "1-20". */
  seedsText: string;
}

/** Which field a refusal is about (so the panel can mark it). */
export type PlanField = 'vary0' | 'vary1' | 'replicates' | 'firstSeed' | 'hours' | 'size';

export type PlanResult = { ok: true; plan: SweepPlan } | { ok: false; field: PlanField; message: string };

/**
 * A values field as numbers for parameter `info`: list items and ranges expanded by the lab's
 * parser (as `--vary` reads them), each checked against the parameter's range.
 */
export function parseValues(text: string, info: ParamInfo, limit = BROWSER_MAX_RUNS, name = info.label): { ok: true; values: number[] } | { ok: false; message: string } {
  // Values are typed as the command line takes them (a decimal point, commas between values).
  const example = t('labtools.plan.example', { min: String(info.min), max: String(info.max), step: String(Number(((info.max - info.min) / 4).toPrecision(3)) || 1) });
  if (text.trim() === '') return { ok: false, message: t('labtools.plan.giveValues', { name, example }) };
  const parsed = parseValueList(text, limit);
  if (!parsed.ok) return { ok: false, message: `${name}: ${parsed.message}.` };
  const values: number[] = [];
  for (const item of parsed.value) {
    const x = parseNumber(item);
    if (x === undefined) {
      return { ok: false, message: t('labtools.plan.notNumber', { name, item: item.trim(), range: item.includes(':') ? 'yes' : 'no', example }) };
    }
    if (!inRange(info, x)) return { ok: false, message: t('labtools.plan.outOfRange', { name, item: item.trim(), range: rangeWords(info) }) };
    if (values.includes(x)) return { ok: false, message: t('labtools.plan.valueTwice', { name, value: String(x) }) };
    values.push(x);
  }
  return { ok: true, values };
}

/**
 * One number typed in a field of its own (hours), as every field reads it (src/i18n/fieldNumbers.ts:
 * "0,5" or "0.5"). Lists of values keep the point, as the command line reads them: their commas separate values.
 */
export function readOneNumber(text: string): number | undefined {
  return readField(text);
}

/** "between 0 and 50 µm²/s" (or "a whole number between …"), leaving out units that say nothing in a sentence. */
function rangeWords(p: ParamInfo): string {
  const unit = ['', '0–1', 'fraction'].includes(p.unit) ? '' : ` ${p.unit}`;
  return t('labtools.plan.range', { whole: p.integer ? 'yes' : 'no', min: String(p.min), max: String(p.max), unit });
}

/** "cell capacity = 10 with …", naming the values of a combination by their labels (one or two). */
function comboName(plan: SweepPlan, sets: readonly { path: string; value: unknown }[]): string {
  const named = sets.map((o) => `${plan.vary.find((v) => v.path === o.path)?.name ?? o.path} = ${String(o.value)}`);
  return named.length === 2 ? t('labtools.plan.comboPair', { first: named[0], second: named[1] }) : named.join('; ');
}

/** Combination c (0-based) checked as the lab checks it, worded for the form; null when it can run. */
export function combinationProblem(plan: SweepPlan, c: number): string | null {
  const p = checkCombination(plan, c);
  if (!p) return null;
  const names = comboName(plan, p.sets);
  if (p.kind === 'invalid') return t('labtools.plan.comboInvalid', { names, path: p.problems[0].path, problem: p.problems[0].message });
  if (p.kind === 'tooShort') return t('labtools.plan.comboTooShort', { hours: plan.hours, names, dt: p.dtSeconds });
  if (p.kind === 'memory') return t('labtools.plan.comboMemory', { names, problem: p.message });
  return t('labtools.plan.comboMetrics', { names });
}

/**
 * Reads and checks every field. Each parameter's lowest and highest values are checked here (cheap
 * enough for every keystroke); combinationProblem() checks every combination before the runs start.
 */
export function readPlan(input: SweepInput, limit = BROWSER_MAX_RUNS): PlanResult {
  const { base } = input;
  const params = new Map(listParameters(base).map((p) => [p.path, p]));
  // Names as the page shows them: the lesson's own names in the reader's language.
  const shown = localLesson(base);
  const vary: FormVaried[] = [];
  for (const [k, v] of input.vary.entries()) {
    const field: PlanField = k === 0 ? 'vary0' : 'vary1';
    const info = params.get(v.path);
    if (!info) return { ok: false, field, message: t('labtools.plan.notParam', { path: v.path }) };
    const name = nameParam(shown, info).name;
    if (vary.some((x) => x.path === v.path)) return { ok: false, field, message: t('labtools.plan.chosenTwice', { name }) };
    const r = parseValues(v.text, info, limit, name);
    if (!r.ok) return { ok: false, field, message: r.message };
    vary.push({ path: v.path, info, name, values: r.values, text: v.text });
  }
  const reps = parseNumber(input.replicates);
  if (reps === undefined || !Number.isInteger(reps) || reps < 1) return { ok: false, field: 'replicates', message: t('labtools.plan.replicates', { limit, got: input.replicates.trim() }) };
  const first = parseNumber(input.firstSeed);
  if (first === undefined || !Number.isInteger(first) || first < 0 || first > 1e12) return { ok: false, field: 'firstSeed', message: t('labtools.plan.firstSeed', { got: input.firstSeed.trim() }) };
  const counts = vary.map((v) => v.values.length);
  if (reps > limit || countRuns(counts, reps, limit) === undefined) {
    const size = [...counts, reps].reduce((a, b) => a * b, 1);
    const parts = [...vary.map((v) => t('labtools.plan.valuesOf', { n: v.values.length, name: v.name })), t('labtools.plan.replicateCount', { n: reps })].join(' × ');
    return { ok: false, field: 'size', message: t('labtools.plan.tooBig', { size: size < 1e15 ? size : size.toExponential(1), parts, limit, cliMax: 100_000 }) };
  }
  const seedsText = reps === 1 ? String(first) : `${first}-${first + reps - 1}`;
  const seeds = parseSeeds(seedsText, limit);
  if (!seeds.ok) return { ok: false, field: 'replicates', message: t('labtools.plan.seeds', { seeds: seedsText, problem: seeds.message }) };
  const hours = readOneNumber(input.hours);
  if (hours === undefined || hours <= 0 || hours > MAX_HOURS) return { ok: false, field: 'hours', message: t('labtools.plan.hours', { max: MAX_HOURS, got: input.hours.trim() }) };
  if (stepsFor(hours, base.dtSeconds) < 1) return { ok: false, field: 'hours', message: t('labtools.plan.hoursShort', { hours, dt: base.dtSeconds }) };
  const plan: SweepPlan = { ...makePlan({ scenarioId: base.id, base, vary: vary.map((v) => ({ path: v.path, values: v.values })), seeds: seeds.value, hours }), vary, seedsText };
  // The lowest and highest values of each parameter, with the others as in the base scenario.
  for (const [k, v] of vary.entries()) {
    for (const x of new Set([Math.min(...v.values), Math.max(...v.values)])) {
      const one: SweepPlan = { ...plan, vary: [{ ...v, values: [x] }] };
      const problem = combinationProblem(one, 0);
      if (problem) return { ok: false, field: k === 0 ? 'vary0' : 'vary1', message: problem };
    }
  }
  return { ok: true, plan };
}

/** The same sweep on the command line (each user setting as --set; values as the panel expanded them). */
export function cliCommand(plan: SweepPlan, o: { lessonId: string | null; overrides: ReadonlyMap<string, number> }): string {
  // i18n-exempt: a command to type, written as the command line takes it in every language
  const parts = ['npx cellpost sweep', o.lessonId ? `--scenario ${o.lessonId}` : '--scenario-file scenario.json'];
  if (o.lessonId) for (const [path, value] of o.overrides) parts.push(`--set ${path}=${value}`);
  for (const v of plan.vary) {
    const compact = v.text.replace(/\s+/g, '');
    const same = parseValues(compact, v.info);
    parts.push(`--vary ${v.path}=${same.ok && same.values.join() === v.values.join() ? compact : v.values.join(',')}`);
  }
  // i18n-exempt: command-line options and a file name
  parts.push(`--seeds ${plan.seedsText}`, `--hours ${plan.hours}`, '--out results.csv');
  return parts.join(' ');
}
