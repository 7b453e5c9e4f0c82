// The address bar's plain parts outside the share-link codec (src/app/share/): ?bench=N opens
// the speed-test scene (checked: a whole number in range; larger ones are capped, with a note),
// and linkFor builds the simple link for a lesson, seed and settings:
// ?lesson=letters&seed=7&set.tissues.tissue.diffusion=0.8.
import type { Overrides } from './scenario';
import { num, t } from '../i18n/i18n';

/** The speed test's dots when ?bench is given without a number. */
export const BENCH_DEFAULT = 100_000;
/** Fewest dots the speed test spreads over its eight clouds. */
export const BENCH_MIN = 8;
/** Most dots the speed test starts (its capacity, twice this, fits a 4 GB laptop). */
export const BENCH_MAX = 5_000_000;
/** Above this many dots the speed test waits for Play instead of starting by itself. */
export const BENCH_AUTOPLAY_MAX = 1_000_000;

export interface UrlState {
  /** Vesicle packets for the speed test scene, when the page was opened with ?bench. */
  bench: number | null;
  /** What was changed in ?bench (capped, or not a number), in plain words; null when nothing. */
  benchNote: string | null;
}

const SET = 'set.';
const count = (n: number) => num(n);

/** The speed test's dots from the text of ?bench: a whole number between BENCH_MIN and BENCH_MAX. */
export function parseBench(text: string): { packets: number; note: string | null } {
  const typed = text.trim();
  if (typed === '') return { packets: BENCH_DEFAULT, note: null };
  const range = t('url.benchRange', { min: count(BENCH_MIN), max: count(BENCH_MAX) });
  const shown = typed.length > 20 ? `${typed.slice(0, 20)}…` : typed;
  if (!/^\d+$/.test(typed)) return { packets: BENCH_DEFAULT, note: t('url.benchNot', { value: shown, range, used: count(BENCH_DEFAULT) }) };
  const n = Number(typed);
  if (n > BENCH_MAX) return { packets: BENCH_MAX, note: t('url.benchMore', { value: shown, used: count(BENCH_MAX) }) };
  if (n < BENCH_MIN) return { packets: BENCH_MIN, note: t('url.benchFewer', { value: shown, min: count(BENCH_MIN), used: count(BENCH_MIN) }) };
  return { packets: n, note: null };
}

export function readUrl(search = location.search): UrlState {
  const q = new URLSearchParams(search);
  if (!q.has('bench')) return { bench: null, benchNote: null };
  const b = parseBench(q.get('bench') ?? '');
  return { bench: b.packets, benchNote: b.note };
}

/** The link for a lesson, seed and settings (relative to this page). */
export function linkFor(lesson: string, seed: string, overrides: Overrides): string {
  const q = new URLSearchParams();
  q.set('lesson', lesson);
  q.set('seed', seed);
  for (const [k, v] of overrides) q.set(SET + k, String(v));
  return `${location.pathname}?${q.toString()}`;
}
