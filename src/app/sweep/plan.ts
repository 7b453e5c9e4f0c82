// The browser sweep's plan (pure): reads the panel's fields — one or two parameters with values
// (a list or start:end:step), replicates, first seed, hours — into the lab's sweep plan, the same
// plan `cellpost sweep` builds, so run numbers, seeds, the sweep id and every row agree with the
// command line exactly. Problems are worded for the form and name the field they are about.
import { listParameters, type ParamInfo } from '../../../sim/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { checkCombination, countRuns, inRange, makePlan, MAX_HOURS, parseNumber, parseSeeds, parseValueList, rangeText, stepsFor, type SweepPlan as LabPlan } from '../../lab';

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
export function parseValues(text: string, info: ParamInfo, limit = BROWSER_MAX_RUNS): { ok: true; values: number[] } | { ok: false; message: string } {
  const name = info.label;
  const example = `a list like ${info.min}, ${info.max} or a range start:end:step like ${info.min}:${info.max}:${Number(((info.max - info.min) / 4).toPrecision(3)) || 1}`;
  if (text.trim() === '') return { ok: false, message: `Give the values of ${name}: ${example}.` };
  const parsed = parseValueList(text, limit);
  if (!parsed.ok) return { ok: false, message: `${name}: ${parsed.message}.` };
  const values: number[] = [];
  for (const item of parsed.value) {
    const x = parseNumber(item);
    if (x === undefined) {
      const hint = item.includes(':') ? ' (a range needs three numbers, start:end:step)' : '';
      return { ok: false, message: `${name}: "${item.trim()}" is not a number${hint}; give ${example}.` };
    }
    if (!inRange(info, x)) return { ok: false, message: `${name}: ${item.trim()} is out of range; it must be ${rangeText(info)}.` };
    if (values.includes(x)) return { ok: false, message: `${name}: the value ${x} is listed twice.` };
    values.push(x);
  }
  return { ok: true, values };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "cell capacity = 10 with …", naming the values of a combination by their labels. */
function comboName(plan: SweepPlan, sets: readonly { path: string; value: unknown }[]): string {
  return sets.map((o) => `${plan.vary.find((v) => v.path === o.path)?.info.label ?? o.path} = ${String(o.value)}`).join(' with ');
}

/** Combination c (0-based) checked as the lab checks it, worded for the form; null when it can run. */
export function combinationProblem(plan: SweepPlan, c: number): string | null {
  const p = checkCombination(plan, c);
  if (!p) return null;
  const names = comboName(plan, p.sets);
  if (p.kind === 'invalid') return `${names} makes the scenario invalid: ${p.problems[0].path}: ${p.problems[0].message}.`;
  if (p.kind === 'tooShort') return `${plan.hours} h is shorter than one time step with ${names} (${p.dtSeconds} s).`;
  if (p.kind === 'memory') return `with ${names}, ${p.message}.`;
  return `${names} changes the scenario's metrics.`;
}

/**
 * Reads and checks every field. Each parameter's lowest and highest values are checked here (cheap
 * enough for every keystroke); combinationProblem() checks every combination before the runs start.
 */
export function readPlan(input: SweepInput, limit = BROWSER_MAX_RUNS): PlanResult {
  const { base } = input;
  const params = new Map(listParameters(base).map((p) => [p.path, p]));
  const vary: FormVaried[] = [];
  for (const [k, v] of input.vary.entries()) {
    const field: PlanField = k === 0 ? 'vary0' : 'vary1';
    const info = params.get(v.path);
    if (!info) return { ok: false, field, message: `"${v.path}" is not an adjustable parameter of this scenario.` };
    if (vary.some((x) => x.path === v.path)) return { ok: false, field, message: `${info.label} is chosen twice; choose another second parameter, or none.` };
    const r = parseValues(v.text, info, limit);
    if (!r.ok) return { ok: false, field, message: r.message };
    vary.push({ path: v.path, info, values: r.values, text: v.text });
  }
  const reps = parseNumber(input.replicates);
  if (reps === undefined || !Number.isInteger(reps) || reps < 1) return { ok: false, field: 'replicates', message: `Replicates must be a whole number from 1 to ${limit}; got "${input.replicates.trim()}".` };
  const first = parseNumber(input.firstSeed);
  if (first === undefined || !Number.isInteger(first) || first < 0 || first > 1e12) return { ok: false, field: 'firstSeed', message: `The first seed must be a whole number from 0 to 10¹²; got "${input.firstSeed.trim()}".` };
  const counts = vary.map((v) => v.values.length);
  if (reps > limit || countRuns(counts, reps, limit) === undefined) {
    const size = [...counts, reps].reduce((a, b) => a * b, 1);
    const parts = [...vary.map((v) => `${plural(v.values.length, 'value')} of ${v.info.label}`), plural(reps, 'replicate')].join(' × ');
    return { ok: false, field: 'size', message: `This sweep would have ${size < 1e15 ? size : size.toExponential(1)} runs (${parts}); the browser runs at most ${limit} in one sweep. Use fewer values or replicates, or run it on the command line (cellpost sweep: up to 100 000 runs, and shards for a cluster).` };
  }
  const seedsText = reps === 1 ? String(first) : `${first}-${first + reps - 1}`;
  const seeds = parseSeeds(seedsText, limit);
  if (!seeds.ok) return { ok: false, field: 'replicates', message: `Seeds ${seedsText}: ${seeds.message}.` };
  const hours = parseNumber(input.hours);
  if (hours === undefined || hours <= 0 || hours > MAX_HOURS) return { ok: false, field: 'hours', message: `Hours must be a number of simulated hours, more than 0 and at most ${MAX_HOURS}; got "${input.hours.trim()}".` };
  if (stepsFor(hours, base.dtSeconds) < 1) return { ok: false, field: 'hours', message: `${hours} h is shorter than one time step (${base.dtSeconds} s).` };
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
