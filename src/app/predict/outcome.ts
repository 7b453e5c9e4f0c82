// What a prediction is set against once the run has been observed, in kind plain words: the
// learner's answer, what the lesson's test runs show, and how the watched metric changed in this
// run ("You predicted: Grow. … This run: tumour cells rose from 40 to 52 between 0 min and 12 h."),
// with a peak or a low on the way when the chart shows one the two ends hide ("… stayed at about 0
// between 0 min and 6 h, with a peak of 5×10⁶ at 4 h 30 min."). Pure (no DOM): tested in Node.
import type { PromptSpec } from '../../../lessons/schema';
import type { Prediction } from '../../lab';
import { formatClock, formatNumber } from '../../../viz/format';
import { t } from '../../i18n/i18n';

/** A change smaller than this share of the larger value reads as "stayed about the same". */
const SAME_SHARE = 0.05;

/** A peak or low beyond both ends by more than this share of the largest value is named. */
const TURN_SHARE = 0.25;

/** The label of a choice id, or the id itself when the prompt has no such choice. */
export function choiceLabel(p: PromptSpec, id: string): string {
  return p.choices?.find((c) => c.id === id)?.label ?? id;
}

/** The highest or lowest value of a series in a window, and when (in hours). */
export interface Extreme {
  value: number;
  hours: number;
}

/** How a value went from a to b, in words: "rose from 40 to 52", "fell from 120 to 40", "stayed at about 12". */
export function changeWords(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return t('predict.unreadable');
  const big = Math.max(Math.abs(a), Math.abs(b));
  if (big === 0 || Math.abs(b - a) <= SAME_SHARE * big) return t('predict.stayed', { value: formatNumber(b) });
  return t(b > a ? 'predict.rose' : 'predict.fell', { from: formatNumber(a), to: formatNumber(b) });
}

/**
 * A peak or a low on the way from a to b that the two ends hide, in words ("with a peak of 5×10⁶
 * at 4 h 30 min"): the window's `high` or `low` (the one that departs further) when it
 * departs from both ends by more than a quarter of the largest value; '' when neither does.
 */
export function turnWords(a: number, b: number, high?: Extreme, low?: Extreme): string {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return '';
  // An extreme that is missing or unreadable stands at the nearer end: it departs by nothing.
  const hi = high && Number.isFinite(high.value) ? high.value : Math.max(a, b);
  const lo = low && Number.isFinite(low.value) ? low.value : Math.min(a, b);
  const up = hi - Math.max(a, b);
  const down = Math.min(a, b) - lo;
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(hi), Math.abs(lo));
  if (scale === 0 || Math.max(up, down) <= TURN_SHARE * scale) return '';
  const [key, turn] = up >= down ? (['predict.withPeak', high!] as const) : (['predict.withLow', low!] as const);
  return t(key, { value: formatNumber(turn.value), when: formatClock(turn.hours) });
}

/** The highest and lowest finite values of a series between two times (inclusive); null when none. */
export function extremesIn(t: readonly number[], v: readonly number[], fromHours: number, toHours: number): { high: Extreme; low: Extreme } | null {
  let high: Extreme | null = null;
  let low: Extreme | null = null;
  for (let i = 0; i < t.length; i++) {
    const x = v[i];
    if (t[i] < fromHours || t[i] > toHours || x === undefined || !Number.isFinite(x)) continue;
    if (!high || x > high.value) high = { value: x, hours: t[i] };
    if (!low || x < low.value) low = { value: x, hours: t[i] };
  }
  return high && low ? { high, low } : null;
}

/** The value of a series at the sample nearest `hours` (NaN when there is none). */
export function valueAt(t: readonly number[], v: readonly number[], hours: number): number {
  let best = -1;
  let dist = Infinity;
  for (let i = 0; i < t.length; i++) {
    const d = Math.abs(t[i] - hours);
    if (d < dist) {
      dist = d;
      best = i;
    }
  }
  return best >= 0 && dist <= 0.5 ? (v[best] ?? NaN) : NaN;
}

export interface Observed {
  /** The watched metric at the start and the end of the observe step. */
  from: number;
  to: number;
  fromHours: number;
  toHours: number;
  /** The highest and lowest values between the two (`extremesIn`), when read. */
  high?: Extreme;
  low?: Extreme;
}

/**
 * The sentences set beside an observed prediction: what the learner predicted, what the lesson's
 * test runs show (the choice its claim checks, with a kind word either way), and how this run's
 * watched metric changed over the observe step.
 */
export function outcomeLines(p: PromptSpec, pred: Prediction | undefined, seen: Observed | null): string[] {
  const lines: string[] = [];
  const shows = p.shows !== undefined ? choiceLabel(p, p.shows) : null;
  if (pred?.choice !== undefined) {
    const mine = choiceLabel(p, pred.choice);
    if (shows === null) lines.push(t('predict.youPredicted', { answer: mine }));
    else if (pred.choice === p.shows) lines.push(t('predict.agree', { answer: mine }));
    else lines.push(t('predict.surprise', { answer: mine, shows }));
  } else if (shows !== null) lines.push(t('predict.noAnswer', { shows }));
  if (seen && p.watch) {
    const words = { what: p.watch.label, change: changeWords(seen.from, seen.to), from: formatClock(seen.fromHours), to: formatClock(seen.toHours) };
    const turn = turnWords(seen.from, seen.to, seen.high, seen.low);
    lines.push(turn === '' ? t('predict.thisRun', words) : t('predict.thisRunTurn', { ...words, turn }));
    const s = pred?.sketch;
    if (s && s.values.length > 0) lines.push(t('predict.sketchEnded', { sketch: formatNumber(s.values[s.values.length - 1]), run: formatNumber(seen.to) }));
  }
  return lines;
}

/** What a screen reader hears when an answer is committed. */
export function committedWords(p: PromptSpec, pred: Prediction, watchLabel?: string): string {
  return t('predict.saved', { answer: answerWords(p, pred, watchLabel) });
}

/** A committed answer in words: the choice's label, a sketch's end value, or both ("rises, and a sketch of … ending at 52"). */
export function answerWords(p: PromptSpec, pred: Prediction, watchLabel?: string): string {
  const parts: string[] = [];
  if (pred.choice !== undefined) parts.push(choiceLabel(p, pred.choice));
  const s = pred.sketch;
  if (s && s.values.length > 0) parts.push(t('predict.sketchOf', { what: watchLabel ?? t('predict.theCurve'), value: formatNumber(s.values[s.values.length - 1]) }));
  return parts.length === 2 ? t('predict.both', { first: parts[0], second: parts[1] }) : (parts[0] ?? '');
}
