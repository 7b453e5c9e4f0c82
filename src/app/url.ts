// The run's setup in the address bar, so a teacher can share the exact lesson, seed and settings
// by link: ?lesson=letters&seed=7&set.tissues.tissue.diffusion=0.8 (and ?bench=100000 for speed tests).
import type { Overrides } from './scenario';

export interface UrlState {
  lesson: string | null;
  seed: string | null;
  overrides: Overrides;
  /** Vesicle packets for the speed test scene, when the page was opened with ?bench. */
  bench: number | null;
}

const SET = 'set.';

export function readUrl(search = location.search): UrlState {
  const q = new URLSearchParams(search);
  const overrides: Overrides = new Map();
  for (const [k, v] of q) {
    if (!k.startsWith(SET)) continue;
    const n = Number(v);
    if (v.trim() !== '' && Number.isFinite(n)) overrides.set(k.slice(SET.length), n);
  }
  const bench = q.has('bench') ? Number(q.get('bench') || 100000) : null;
  return { lesson: q.get('lesson'), seed: q.get('seed'), overrides, bench: bench !== null && Number.isFinite(bench) ? bench : null };
}

/** The link for a lesson, seed and settings (relative to this page). */
export function linkFor(lesson: string, seed: string, overrides: Overrides): string {
  const q = new URLSearchParams();
  q.set('lesson', lesson);
  q.set('seed', seed);
  for (const [k, v] of overrides) q.set(SET + k, String(v));
  return `${location.pathname}?${q.toString()}`;
}

export function writeUrl(lesson: string, seed: string, overrides: Overrides): void {
  history.replaceState(null, '', linkFor(lesson, seed, overrides));
}
