// A learner's predictions as plain data: the shape run files and share links carry, their limits,
// and the kept form (rounded as a link and a file give them back). No schema here, so the page's
// first load can hold a prediction without the validator (src/lab/predictions.ts parses). Pure.

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
