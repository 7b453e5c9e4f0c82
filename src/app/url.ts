// The address bar's plain parts outside the share-link codec (src/app/share/): ?bench=N opens
// the speed-test scene, and linkFor builds the simple link for a lesson, seed and settings:
// ?lesson=letters&seed=7&set.tissues.tissue.diffusion=0.8.
import type { Overrides } from './scenario';

export interface UrlState {
  /** Vesicle packets for the speed test scene, when the page was opened with ?bench. */
  bench: number | null;
}

const SET = 'set.';

export function readUrl(search = location.search): UrlState {
  const q = new URLSearchParams(search);
  const bench = q.has('bench') ? Number(q.get('bench') || 100000) : null;
  return { bench: bench !== null && Number.isFinite(bench) ? bench : null };
}

/** The link for a lesson, seed and settings (relative to this page). */
export function linkFor(lesson: string, seed: string, overrides: Overrides): string {
  const q = new URLSearchParams();
  q.set('lesson', lesson);
  q.set('seed', seed);
  for (const [k, v] of overrides) q.set(SET + k, String(v));
  return `${location.pathname}?${q.toString()}`;
}
