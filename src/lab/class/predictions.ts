// Students' committed predictions as a run carries them, read tolerantly (a run file's top-level
// `predictions`: { prompt, atHours, choice?, sketch?: { hours, values } }[]; anything malformed is
// skipped, never an error), and their spread over a group of runs: per prompt, how many chose
// each answer and how far the sketched curves' end values range. Pure.
import type { PromptSpec } from '../../../lessons/schema';
import { readPredictionsText } from '../share/predictionParam';
import type { Prediction } from '../predictionList';

/** A prediction as a run carries it (the shape of src/lab/predictionList.ts; atHours is NaN when unreadable). */
export type ClassPrediction = Prediction;

/** Most predictions read from one run. */
export const MAX_RUN_PREDICTIONS = 50;
const MAX_SKETCH_POINTS = 2000;

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function readOne(raw: unknown): ClassPrediction | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  if (!finite(o.prompt) || !Number.isInteger(o.prompt) || o.prompt < 0 || o.prompt > 100) return null;
  const out: ClassPrediction = { prompt: o.prompt, atHours: finite(o.atHours) ? o.atHours : NaN };
  if (typeof o.choice === 'string' && o.choice.trim() !== '') out.choice = o.choice.trim().slice(0, 200);
  const s = o.sketch as Record<string, unknown> | null | undefined;
  if (s && typeof s === 'object' && Array.isArray(s.hours) && Array.isArray(s.values)) {
    const n = Math.min(s.hours.length, s.values.length, MAX_SKETCH_POINTS);
    const hours: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < n; i++)
      if (finite(s.hours[i]) && finite(s.values[i])) {
        hours.push(s.hours[i] as number);
        values.push(s.values[i] as number);
      }
    if (values.length > 0) out.sketch = { hours, values };
  }
  return out.choice !== undefined || out.sketch !== undefined ? out : null;
}

/** The predictions of a run file's parsed JSON (its top-level `predictions`), or none. */
export function predictionsFromRunJson(json: unknown): ClassPrediction[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return [];
  const list = (json as Record<string, unknown>).predictions;
  if (!Array.isArray(list)) return [];
  const out: ClassPrediction[] = [];
  for (const raw of list.slice(0, MAX_RUN_PREDICTIONS)) {
    const p = readOne(raw);
    if (p) out.push(p);
  }
  return out;
}

/**
 * The predictions a share link carries (its `p` parameter, src/lab/share/predictionParam.ts),
 * checked against the lesson's prompts; none when the link has none or they do not fit.
 */
export function predictionsFromLink(search: string, prompts: readonly PromptSpec[]): ClassPrediction[] {
  let text: string | null;
  try {
    text = new URLSearchParams(search).get('p');
  } catch {
    return [];
  }
  if (text === null || text === '') return [];
  const r = readPredictionsText(text, prompts);
  return r.ok ? r.value : [];
}

export interface PromptSpread {
  prompt: number;
  /** Runs that committed an answer to this prompt. */
  runs: number;
  /** Each chosen answer and how many chose it, most chosen first (ties in order of the text). */
  choices: { choice: string; count: number }[];
  /** Sketched curves: how many, and the lowest and highest value at their last point. */
  sketches: number;
  sketchEnd: { lo: number; hi: number } | null;
}

/** The spread of predictions over runs (each run's list), per prompt, in prompt order. */
export function predictionSpread(runs: readonly (readonly ClassPrediction[])[]): PromptSpread[] {
  const by = new Map<number, { runs: number; choices: Map<string, number>; ends: number[] }>();
  for (const list of runs) {
    // One answer per prompt and run: the last one committed counts.
    const last = new Map<number, ClassPrediction>();
    for (const p of list) last.set(p.prompt, p);
    for (const [prompt, p] of last) {
      const s = by.get(prompt) ?? { runs: 0, choices: new Map<string, number>(), ends: [] };
      s.runs++;
      if (p.choice !== undefined) s.choices.set(p.choice, (s.choices.get(p.choice) ?? 0) + 1);
      if (p.sketch) s.ends.push(p.sketch.values[p.sketch.values.length - 1]);
      by.set(prompt, s);
    }
  }
  return [...by.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([prompt, s]) => ({
      prompt,
      runs: s.runs,
      choices: [...s.choices.entries()].map(([choice, count]) => ({ choice, count })).sort((a, b) => b.count - a.count || (a.choice < b.choice ? -1 : a.choice > b.choice ? 1 : 0)),
      sketches: s.ends.length,
      sketchEnd: s.ends.length > 0 ? { lo: Math.min(...s.ends), hi: Math.max(...s.ends) } : null,
    }));
}
