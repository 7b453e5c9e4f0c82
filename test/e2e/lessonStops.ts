// Where a lesson's prompts stop the run, in ticks (from the lesson's file, read in Node): for the
// browser tests that step a page to just before a stop.
import { lesson } from '../../lessons/index';

/** The hour of a lesson's prompt `k` (in time order). */
export function promptHours(id: string, k: number): number {
  return [...(lesson(id)!.lesson?.prompts ?? [])].map((q) => q.atHours).sort((a, b) => a - b)[k];
}

/** The tick of a lesson's prompt `k` (in time order). */
export function promptTick(id: string, k: number): number {
  return Math.round((promptHours(id, k) * 3600) / lesson(id)!.dtSeconds);
}
