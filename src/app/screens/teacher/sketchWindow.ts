// Where a prompt's observe step ends, as the lesson screen has it (src/app/ui/prompts.ts): at the
// next prompt in time, or at the lesson's end. The worksheet draws a sketch prompt's empty axes
// over this window, the same span the app lets a student sketch over. Pure.
import type { PromptSpec } from '../../../../lessons/schema';

/** The hours at which prompt `k`'s observe step ends (null: nothing follows it). */
export function observeEnd(prompts: readonly PromptSpec[], k: number, lessonHours: number | undefined): number | null {
  const at = prompts[k].atHours;
  const later = prompts.map((p) => p.atHours).filter((x, i) => i !== k && x > at);
  if (later.length > 0) return Math.min(...later);
  return lessonHours !== undefined && lessonHours > at ? lessonHours : null;
}

/** The window a student can sketch prompt `k`'s curve over, or null when the app offers no sketch. */
export function sketchWindow(prompts: readonly PromptSpec[], k: number, lessonHours: number | undefined): { from: number; to: number } | null {
  const p = prompts[k];
  const end = observeEnd(prompts, k, lessonHours);
  return p.watch?.sketch === true && end !== null && end > p.atHours ? { from: p.atHours, to: end } : null;
}
