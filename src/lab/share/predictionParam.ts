// A share link's predictions (the `p` parameter): compact, readable text made only of characters
// an address keeps as they are. Entries are joined by "*", an entry's fields by "_":
//   prompt_atHours_choice[_sketchHours_sketchValues]   e.g. 0_0_grow*2_24__24-30-36_40-55-70
// with list items joined by "-" (values are never negative). Reading checks every character
// before anything else, then hands the list to the one parser (src/lab/predictions.ts). Pure.
import { MAX_PREDICTIONS, normalizePrediction, parsePredictions, type Prediction, type PredictionsCheck } from '../predictions';
import type { PromptSpec } from '../../../lessons/schema';
import { t } from '../fileWords';

/** Longest `p` parameter read. */
export const MAX_PREDICTIONS_CHARS = 1200;

const NUMBER = /^\d{1,16}(\.\d{1,10})?$/;
const CHOICE = /^[A-Za-z][A-Za-z0-9]{0,23}$/;

/** A number as the link writes it (plain decimals, never an exponent: kept values lie in [1e-6, 1e15] or are 0). */
function num(x: number): string {
  const s = String(x);
  return /e/i.test(s) ? x.toFixed(10).replace(/\.?0+$/, '') : s;
}

/** The `p` parameter for a list of predictions ('' when there are none). */
export function predictionsText(list: readonly Prediction[]): string {
  return list
    .map(normalizePrediction)
    .map((p) => {
      const head = `${p.prompt}_${num(p.atHours)}_${p.choice ?? ''}`;
      return p.sketch ? `${head}_${p.sketch.hours.map(num).join('-')}_${p.sketch.values.map(num).join('-')}` : head;
    })
    .join('*');
}

/** Reads a `p` parameter: the predictions, or why they were refused (in words). Never throws. */
export function readPredictionsText(text: string, prompts: readonly PromptSpec[]): PredictionsCheck {
  if (typeof text !== 'string') return { ok: false, problem: t('files.link.p.unreadable') };
  if (text.length > MAX_PREDICTIONS_CHARS) return { ok: false, problem: t('files.link.p.tooLong', { n: text.length, max: MAX_PREDICTIONS_CHARS }) };
  if (!/^[A-Za-z0-9_.*-]*$/.test(text)) return { ok: false, problem: t('files.link.p.characters') };
  const entries = text === '' ? [] : text.split('*');
  if (entries.length > MAX_PREDICTIONS) return { ok: false, problem: t('files.link.p.tooMany', { n: entries.length, max: MAX_PREDICTIONS }) };
  const list: Prediction[] = [];
  for (const [i, e] of entries.entries()) {
    const n = i + 1;
    const f = e.split('_');
    if (f.length !== 3 && f.length !== 5) return { ok: false, problem: t('files.link.p.shape', { n }) };
    const [prompt, at, choice, hours, values] = f;
    if (!/^\d$/.test(prompt)) return { ok: false, problem: t('files.link.p.prompt', { n }) };
    if (!NUMBER.test(at)) return { ok: false, problem: t('files.link.p.time', { n }) };
    if (choice !== '' && !CHOICE.test(choice)) return { ok: false, problem: t('files.link.p.choice', { n }) };
    const p: Prediction = { prompt: Number(prompt), atHours: Number(at) };
    if (choice !== '') p.choice = choice;
    if (hours !== undefined && values !== undefined) {
      const h = hours.split('-');
      const v = values.split('-');
      if (![...h, ...v].every((x) => NUMBER.test(x))) return { ok: false, problem: t('files.link.p.sketch', { n }) };
      p.sketch = { hours: h.map(Number), values: v.map(Number) };
    }
    list.push(p);
  }
  return parsePredictions(list, prompts);
}
