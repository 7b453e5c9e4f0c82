// The browser sweep's plan (pure): reads the panel's fields — one or two parameters with values
// (a list or start:end:step), replicates, first seed, hours — through sim/sweep.ts, the same plan
// `cellpost sweep` uses, so run numbers, seeds and the sweep id agree with the CLI exactly.
import { createModel, ENGINE_VERSION, listParameters, setAtPath, type ParamInfo } from '../../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../../lessons/scenarioFile';
import { countRuns, parseSeeds, parseVary, runAt, sweepId } from '../../lab';

/** Most runs one sweep may have in the browser (the CLI allows 100 000 and shards). */
export const BROWSER_MAX_RUNS = 2000;
/** Simulated hours per run: as `cellpost run --hours`. */
export const MAX_HOURS = 10_000;

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

export interface Varied {
  path: string;
  info: ParamInfo;
  values: number[];
  /** The field as typed (for the command line, when it spells the same values). */
  text: string;
}

export interface SweepPlan {
  scenarioId: string;
  base: ScenarioFile;
  vary: Varied[];
  seeds: string[];
  /** The seeds as `--seeds` takes them, e.g. "1-20". */
  seedsText: string;
  hours: number;
  steps: number;
  runs: number;
  id: string;
  metricNames: string[];
  metricUnits: string[];
}

/** Which field a refusal is about (so the panel can mark it). */
export type PlanField = 'vary0' | 'vary1' | 'replicates' | 'firstSeed' | 'hours' | 'size';

export type PlanResult = { ok: true; plan: SweepPlan } | { ok: false; field: PlanField; message: string };

/** Strict numbers: no "12abc", NaN or Infinity (as the CLI's parseNumber). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const x = Number(t);
  return Number.isFinite(x) ? x : undefined;
}

/** "between 0 and 50 µm²/s", leaving out units that say nothing in a sentence. */
export function rangeText(p: Pick<ParamInfo, 'min' | 'max' | 'unit' | 'integer'>): string {
  const unit = ['', '0–1', 'fraction'].includes(p.unit) ? '' : ` ${p.unit}`;
  return `${p.integer ? 'a whole number ' : ''}between ${p.min} and ${p.max}${unit}`;
}

/**
 * A values field as numbers for parameter `info`: list items and ranges expanded by the CLI's
 * parser, each checked against the parameter's range; a message naming the problem otherwise.
 */
export function parseValues(text: string, info: ParamInfo, limit = BROWSER_MAX_RUNS): { ok: true; values: number[] } | { ok: false; message: string } {
  const name = info.label;
  const example = `a list like ${info.min}, ${info.max} or a range start:end:step like ${info.min}:${info.max}:${Number(((info.max - info.min) / 4).toPrecision(3)) || 1}`;
  if (text.trim() === '') return { ok: false, message: `Give the values of ${name}: ${example}.` };
  const parsed = parseVary(`${info.path}=${text}`, limit);
  if (!parsed.ok) return { ok: false, message: `${name}: ${parsed.message.replace(`--vary ${info.path}: `, '').replace(`--vary ${info.path} `, '')}.` };
  const values: number[] = [];
  for (const item of parsed.value.values) {
    const x = parseNumber(item);
    if (x === undefined) {
      const hint = item.includes(':') ? ' (a range needs three numbers, start:end:step)' : '';
      return { ok: false, message: `${name}: "${item.trim()}" is not a number${hint}; give ${example}.` };
    }
    if (x < info.min || x > info.max || (info.integer && !Number.isInteger(x))) return { ok: false, message: `${name}: ${item.trim()} is out of range; it must be ${rangeText(info)}.` };
    if (values.includes(x)) return { ok: false, message: `${name}: the value ${x} is listed twice.` };
    values.push(x);
  }
  return { ok: true, values };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The first problem of a scenario with these values, or null when it is valid. */
export function comboProblem(base: ScenarioFile, sets: readonly { path: string; value: unknown }[]): string | null {
  let s: unknown = base;
  try {
    for (const o of sets) s = setAtPath(s, o.path, o.value);
  } catch (e) {
    return (e as Error).message;
  }
  const p = parseScenarioFile(s);
  return p.ok ? null : `${p.problems[0].path}: ${p.problems[0].message}`;
}

const metricCache = new WeakMap<ScenarioFile, { names: string[]; units: string[] }>();

/** The scenario's metric names and units (the same for every run of a numeric sweep). */
function metricsOf(base: ScenarioFile): { names: string[]; units: string[] } {
  let hit = metricCache.get(base);
  if (!hit) {
    const reporters = createModel(base).reporters;
    hit = { names: reporters.map((r) => r.name), units: reporters.map((r) => r.unit) };
    metricCache.set(base, hit);
  }
  return hit;
}

/**
 * Reads and checks every field. Each parameter's lowest and highest values are validated in the
 * scenario here; combinationProblem() checks every combination before the runs start.
 */
export function readPlan(input: SweepInput, limit = BROWSER_MAX_RUNS): PlanResult {
  const { base } = input;
  const params = new Map(listParameters(base).map((p) => [p.path, p]));
  const vary: Varied[] = [];
  for (const [k, v] of input.vary.entries()) {
    const field: PlanField = k === 0 ? 'vary0' : 'vary1';
    const info = params.get(v.path);
    if (!info) return { ok: false, field, message: `"${v.path}" is not an adjustable parameter of this scenario.` };
    if (vary.some((x) => x.path === v.path)) return { ok: false, field, message: `${info.label} is chosen twice; choose another second parameter, or none.` };
    const r = parseValues(v.text, info, limit);
    if (!r.ok) return { ok: false, field, message: r.message };
    // The lowest and highest values here (cheap enough for every keystroke); every combination
    // is checked before the runs start (combinationProblem, in slices).
    const ends = [...new Set([Math.min(...r.values), Math.max(...r.values)])];
    for (const x of ends) {
      const problem = comboProblem(base, [{ path: v.path, value: x }]);
      if (problem) return { ok: false, field, message: `${info.label} = ${x} makes the scenario invalid: ${problem}.` };
    }
    vary.push({ path: v.path, info, values: r.values, text: v.text });
  }
  const reps = parseNumber(input.replicates);
  if (reps === undefined || !Number.isInteger(reps) || reps < 1) return { ok: false, field: 'replicates', message: `Replicates must be a whole number from 1 to ${limit}; got "${input.replicates.trim()}".` };
  const first = parseNumber(input.firstSeed);
  if (first === undefined || !Number.isInteger(first) || first < 0 || first > 1e12) return { ok: false, field: 'firstSeed', message: `The first seed must be a whole number from 0 to 10¹²; got "${input.firstSeed.trim()}".` };
  const counts = vary.map((v) => v.values.length);
  const runs = reps > limit ? undefined : countRuns(counts, reps, limit);
  if (runs === undefined) {
    const size = [...counts, reps].reduce((a, b) => a * b, 1);
    const parts = [...vary.map((v) => `${plural(v.values.length, 'value')} of ${v.info.label}`), plural(reps, 'replicate')].join(' × ');
    return { ok: false, field: 'size', message: `This sweep would have ${size < 1e15 ? size : size.toExponential(1)} runs (${parts}); the browser runs at most ${limit} in one sweep. Use fewer values or replicates, or run it on the command line (cellpost sweep: up to 100 000 runs, and shards for a cluster).` };
  }
  const seedsText = reps === 1 ? String(first) : `${first}-${first + reps - 1}`;
  const seeds = parseSeeds(seedsText, limit);
  if (!seeds.ok) return { ok: false, field: 'replicates', message: seeds.message };
  const hours = parseNumber(input.hours);
  const hoursRange = `more than 0 and at most ${MAX_HOURS}`;
  if (hours === undefined || hours <= 0 || hours > MAX_HOURS) return { ok: false, field: 'hours', message: `Hours must be a number of simulated hours, ${hoursRange}; got "${input.hours.trim()}".` };
  const steps = Math.round((hours * 3600) / base.dtSeconds);
  if (steps < 1) return { ok: false, field: 'hours', message: `${hours} h is shorter than one time step (${base.dtSeconds} s).` };
  const { names: metricNames, units: metricUnits } = metricsOf(base);
  const idVary = vary.map((v) => ({ path: v.path, values: v.values }));
  const id = sweepId({ format: 'cellpost-sweep', engine: ENGINE_VERSION, scenario: base, vary: idVary, seeds: seeds.value, hours, steps });
  return { ok: true, plan: { scenarioId: base.id, base, vary, seeds: seeds.value, seedsText, hours, steps, runs, id, metricNames, metricUnits } };
}

/** The first combination c (0-based) that makes an invalid scenario, with its problem, or null. */
export function combinationProblem(plan: SweepPlan, c: number): string | null {
  const sets = combinationAt(plan, c);
  const problem = comboProblem(plan.base, sets);
  if (!problem) return null;
  const names = sets.map((o) => `${plan.vary.find((v) => v.path === o.path)!.info.label} = ${o.value}`).join(' with ');
  return `${names} makes the scenario invalid: ${problem}.`;
}

/** Combinations of varied values (first parameter slowest), as `path = value` lists. */
export function combinationCount(plan: SweepPlan): number {
  return plan.vary.reduce((n, v) => n * v.values.length, 1);
}

/** The values of combination c (0-based) in the plan's order. */
export function combinationAt(plan: SweepPlan, c: number): { path: string; value: number }[] {
  const { values } = runAt(c + 1, plan.vary.map((v) => v.values.length), 1);
  return plan.vary.map((v, k) => ({ path: v.path, value: v.values[values[k]] }));
}

/** What run r (1…N) runs: its seed, the index of each varied value, and the values. */
export function runOf(plan: SweepPlan, run: number): { run: number; seed: string; index: number[]; sets: { path: string; value: number }[] } {
  const { values, seed } = runAt(run, plan.vary.map((v) => v.values.length), plan.seeds.length);
  return { run, seed: plan.seeds[seed], index: values, sets: plan.vary.map((v, k) => ({ path: v.path, value: v.values[values[k]] })) };
}

/** The same sweep on the command line (each user setting as --set; values as the panel expanded them). */
export function cliCommand(plan: SweepPlan, o: { lessonId: string | null; overrides: ReadonlyMap<string, number> }): string {
  const parts = ['npx cellpost sweep', o.lessonId ? `--scenario ${o.lessonId}` : '--scenario-file scenario.json'];
  if (o.lessonId) for (const [path, value] of o.overrides) parts.push(`--set ${path}=${value}`);
  for (const v of plan.vary) {
    const compact = v.text.replace(/\s+/g, '');
    const same = parseValues(compact, v.info);
    parts.push(`--vary ${v.path}=${same.ok && same.values.join() === v.values.join() ? compact : v.values.join(',')}`);
  }
  parts.push(`--seeds ${plan.seedsText}`, `--hours ${plan.hours}`, '--out results.csv');
  return parts.join(' ');
}
