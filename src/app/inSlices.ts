// One-off work cut into short tasks: runs a list of steps in order and hands the page back
// (yieldToPage) whenever the steps since the last hand-back took `budgetMs` of wall time, so that
// building something after the first picture (the Lab's settings, the key's legend) is a few short
// tasks instead of one long one while the lesson plays. A wall-time budget holds on a slow laptop
// too: there every step takes longer, so fewer go into one task.
import { yieldToPage } from './loadMilestones';

/** Wall time (ms) of steps run in one task before the page gets its turn. */
export const SLICE_MS = 8;

/**
 * Runs `steps` in order, yielding to the page after every `budgetMs` of them. Stops early (and
 * resolves false) once `stale()` says a newer build took over; else resolves true after the last.
 */
export async function inSlices(steps: readonly (() => void)[], stale: () => boolean = () => false, budgetMs = SLICE_MS): Promise<boolean> {
  let start = performance.now();
  for (const step of steps) {
    if (stale()) return false;
    step();
    if (performance.now() - start >= budgetMs) {
      await yieldToPage();
      start = performance.now();
    }
  }
  return !stale();
}
