// A learner's predictions: the answer committed to a lesson prompt before observing (one of the
// prompt's choices, and/or a sketch of the expected curve), the shape run files and share links
// carry, and one validating parser for anything that claims to be a list of them. Predictions
// are not engine events: they never reach the model, so they never change a state hash. Pure.
import { z } from '../../sim/zod';
import type { PromptSpec } from '../../lessons/schema';
import { badKey } from './events';

/** A committed answer to the lesson prompt with index `prompt` (its place in lesson.prompts). */
export type Prediction = {
  prompt: number;
  /** The run's time (h) when the answer was committed: at most the prompt's own time. */
  atHours: number;
  /** The id of one of the prompt's choices. */
  choice?: string;
  /** The expected curve of the prompt's watched metric: values at increasing hours. */
  sketch?: { hours: number[]; values: number[] };
};

/** Most predictions a run holds (a lesson has at most 6 prompts) and most points in a sketch. */
export const MAX_PREDICTIONS = 6;
export const MAX_SKETCH_POINTS = 12;
/** Largest value a sketch point may have (far above any metric a lesson charts). */
export const MAX_SKETCH_VALUE = 1e15;
/** Largest time (h) a prediction may name, as for prompts. */
const MAX_HOURS = 1e5;

const Hours = z.number().min(0).max(MAX_HOURS);
const SketchSchema = z.strictObject({
  hours: z.array(Hours).min(2).max(MAX_SKETCH_POINTS),
  values: z.array(z.number().min(0).max(MAX_SKETCH_VALUE)).min(2).max(MAX_SKETCH_POINTS),
});

/** One prediction as a run file holds it (unknown keys are refused). */
export const PredictionSchema = z
  .strictObject({
    prompt: z.number().int().min(0).max(MAX_PREDICTIONS - 1),
    atHours: Hours,
    choice: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,23}$/, { error: 'a choice id is a letter and then letters or digits (24 at most)' }).optional(),
    sketch: SketchSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.choice === undefined && p.sketch === undefined) ctx.addIssue({ code: 'custom', message: 'a prediction has a choice, a sketch or both' });
    const s = p.sketch;
    if (!s) return;
    if (s.hours.length !== s.values.length) ctx.addIssue({ code: 'custom', path: ['sketch', 'values'], message: `a sketch has as many values as hours (${s.hours.length})` });
    if (s.hours.some((h, i) => i > 0 && h <= s.hours[i - 1])) ctx.addIssue({ code: 'custom', path: ['sketch', 'hours'], message: 'sketch hours must increase' });
  });

/** A list of predictions, each prompt at most once (the run file's top-level `predictions`). */
export const PredictionsSchema = z
  .array(PredictionSchema)
  .max(MAX_PREDICTIONS)
  .superRefine((list, ctx) => {
    list.forEach((p, i) => {
      if (list.findIndex((q) => q.prompt === p.prompt) !== i) ctx.addIssue({ code: 'custom', path: [i, 'prompt'], message: `prompt ${p.prompt + 1} has two predictions; a run keeps one answer per prompt` });
    });
  });

export type PredictionsCheck = { ok: true; value: Prediction[] } | { ok: false; problem: string };

/**
 * Whether predictions fit a lesson's prompts: each names a prompt the lesson has, one of that
 * prompt's choices, a sketch only where the prompt asks for one, and a time no later than the
 * prompt's (an answer given after the run passed the prompt would not be a prediction).
 */
export function predictionsProblem(list: readonly Prediction[], prompts: readonly PromptSpec[]): string | null {
  for (const p of list) {
    const n = `prediction for prompt ${p.prompt + 1}`;
    const spec = prompts[p.prompt];
    if (!spec) return `${n}: the lesson has ${prompts.length === 0 ? 'no prompts' : `only ${prompts.length} prompt${prompts.length === 1 ? '' : 's'}`}`;
    if (p.choice !== undefined) {
      const ids = (spec.choices ?? []).map((c) => c.id);
      if (!ids.includes(p.choice)) return `${n}: "${p.choice}" is not one of its choices${ids.length > 0 ? ` (${ids.join(', ')})` : ' (it has none)'}`;
    }
    if (p.sketch && !spec.watch?.sketch) return `${n}: this prompt asks for no sketch`;
    if (p.atHours > spec.atHours + 1e-9) return `${n}: committed at ${p.atHours} h, after the prompt's own time (${spec.atHours} h)`;
  }
  return null;
}

/** The first problem of a zod error, with its place in words. */
function firstIssue(error: z.ZodError): string {
  const i = error.issues[0];
  const [k, ...rest] = i.path;
  const where = typeof k === 'number' ? `prediction ${k + 1}${rest.length > 0 ? ` (${rest.join('.')})` : ''}` : i.path.join('.') || 'the list';
  return `${where}: ${i.message}`;
}

/**
 * Reads a list of predictions from anything (a run file's field, a link's decoded text): never
 * throws; with `prompts`, also checks them against the lesson (predictionsProblem).
 */
export function parsePredictions(raw: unknown, prompts?: readonly PromptSpec[]): PredictionsCheck {
  try {
    if (!Array.isArray(raw)) return { ok: false, problem: 'predictions must be a list' };
    if (raw.length > MAX_PREDICTIONS) return { ok: false, problem: `there are ${raw.length} predictions; at most ${MAX_PREDICTIONS}` };
    const bad = badKey(raw);
    if (bad) return { ok: false, problem: `predictions: ${bad}` };
    const r = PredictionsSchema.safeParse(raw);
    if (!r.success) return { ok: false, problem: firstIssue(r.error) };
    const value = r.data.map(normalizePrediction);
    const problem = prompts ? predictionsProblem(value, prompts) : null;
    return problem ? { ok: false, problem } : { ok: true, value };
  } catch (e) {
    return { ok: false, problem: `the predictions could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** A sketch value as links and files keep it: three significant digits, tiny values as 0. */
export function roundSketchValue(v: number): number {
  if (!(v >= 1e-6)) return 0;
  return Math.min(MAX_SKETCH_VALUE, Number(v.toPrecision(3)));
}

/** Hours kept to the thousandth (3.6 s); a commit time is rounded down so it never passes its prompt. */
const roundHours = (h: number) => Math.round(h * 1000) / 1000;
const floorHours = (h: number) => Math.floor(h * 1000 + 1e-6) / 1000;

/** A prediction in its kept form (what a link and a run file give back exactly). */
export function normalizePrediction(p: Prediction): Prediction {
  const out: Prediction = { prompt: p.prompt, atHours: floorHours(p.atHours) };
  if (p.choice !== undefined) out.choice = p.choice;
  if (p.sketch) out.sketch = { hours: p.sketch.hours.map(roundHours), values: p.sketch.values.map(roundSketchValue) };
  return out;
}

/** The list with `p` in place of any earlier answer to the same prompt, in prompt order. */
export function withPrediction(list: readonly Prediction[], p: Prediction): Prediction[] {
  return [...list.filter((q) => q.prompt !== p.prompt), normalizePrediction(p)].sort((a, b) => a.prompt - b.prompt);
}
