// Where a lesson's prompts stop the run, in ticks (from the lesson's file, read in Node): for the
// browser tests that step a page to just before a stop.
import { lesson } from '../../lessons/index';

/** The tick of a lesson's prompt `k` (in time order). */
export function promptTick(id: string, k: number): number {
  const s = lesson(id)!;
  const prompts = [...(s.lesson?.prompts ?? [])].sort((a, b) => a.atHours - b.atHours);
  return Math.round((prompts[k].atHours * 3600) / s.dtSeconds);
}
