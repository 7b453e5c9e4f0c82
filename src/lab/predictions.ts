// A learner's predictions: the answer committed to a lesson prompt before observing (one of the
// prompt's choices, and/or a sketch of the expected curve), the shape run files and share links
// carry, and one validating parser for anything that claims to be a list of them. Predictions
// are not engine events: they never reach the model, so they never change a state hash. Pure.
import { z } from '../../sim/zod';
import type { PromptSpec } from '../../lessons/schema';
import { badKey } from './events';
import { t } from './fileWords';
import { MAX_PREDICTIONS, MAX_SKETCH_POINTS, MAX_SKETCH_VALUE, normalizePrediction, type Prediction } from './predictionList';

export { MAX_PREDICTIONS, MAX_SKETCH_POINTS, MAX_SKETCH_VALUE, normalizePrediction, roundSketchValue, withPrediction, type Prediction } from './predictionList';

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
    choice: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,23}$/, { error: () => t('files.predictions.choiceId') }).optional(),
    sketch: SketchSchema.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.choice === undefined && p.sketch === undefined) ctx.addIssue({ code: 'custom', message: t('files.predictions.empty') });
    const s = p.sketch;
    if (!s) return;
    if (s.hours.length !== s.values.length) ctx.addIssue({ code: 'custom', path: ['sketch', 'values'], message: t('files.predictions.sketchLengths', { n: s.hours.length }) });
    if (s.hours.some((h, i) => i > 0 && h <= s.hours[i - 1])) ctx.addIssue({ code: 'custom', path: ['sketch', 'hours'], message: t('files.predictions.sketchOrder') });
  });

/** A list of predictions, each prompt at most once (the run file's top-level `predictions`). */
export const PredictionsSchema = z
  .array(PredictionSchema)
  .max(MAX_PREDICTIONS)
  .superRefine((list, ctx) => {
    list.forEach((p, i) => {
      if (list.findIndex((q) => q.prompt === p.prompt) !== i) ctx.addIssue({ code: 'custom', path: [i, 'prompt'], message: t('files.predictions.twice', { prompt: p.prompt + 1 }) });
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
    const prompt = p.prompt + 1;
    const spec = prompts[p.prompt];
    if (!spec) return t('files.predictions.noPrompt', { prompt, n: prompts.length });
    if (p.choice !== undefined) {
      const ids = (spec.choices ?? []).map((c) => c.id);
      if (!ids.includes(p.choice)) return ids.length > 0 ? t('files.predictions.notAChoice', { prompt, choice: p.choice, choices: ids.join(', ') }) : t('files.predictions.noChoices', { prompt, choice: p.choice });
    }
    if (p.sketch && !spec.watch?.sketch) return t('files.predictions.noSketch', { prompt });
    if (p.atHours > spec.atHours + 1e-9) return t('files.predictions.tooLate', { prompt, at: p.atHours, own: spec.atHours });
  }
  return null;
}

/** The first problem of a zod error, with its place in words. */
function firstIssue(error: z.ZodError): string {
  const i = error.issues[0];
  const [k, ...rest] = i.path;
  if (typeof k === 'number') return rest.length > 0 ? t('files.predictions.issueAtField', { n: k + 1, field: rest.join('.'), message: i.message }) : t('files.predictions.issueAt', { n: k + 1, message: i.message });
  return i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : t('files.predictions.issueList', { message: i.message });
}

/**
 * Reads a list of predictions from anything (a run file's field, a link's decoded text): never
 * throws; with `prompts`, also checks them against the lesson (predictionsProblem).
 */
export function parsePredictions(raw: unknown, prompts?: readonly PromptSpec[]): PredictionsCheck {
  try {
    if (!Array.isArray(raw)) return { ok: false, problem: t('files.predictions.notList') };
    if (raw.length > MAX_PREDICTIONS) return { ok: false, problem: t('files.predictions.tooMany', { n: raw.length, max: MAX_PREDICTIONS }) };
    const bad = badKey(raw);
    if (bad) return { ok: false, problem: t('files.predictions.badKey', { problem: bad }) };
    const r = PredictionsSchema.safeParse(raw);
    if (!r.success) return { ok: false, problem: firstIssue(r.error) };
    const value = r.data.map(normalizePrediction);
    const problem = prompts ? predictionsProblem(value, prompts) : null;
    return problem ? { ok: false, problem } : { ok: true, value };
  } catch (e) {
    return { ok: false, problem: t('files.predictions.unreadable', { detail: e instanceof Error ? e.message : String(e) }) };
  }
}
