// What a lesson or scenario JSON file is: the engine's part (sim/schema.ts) and the lesson's part
// (lessons/schema.ts) composed into one schema, with the engine's and the lesson's name checks. The app,
// the command line and run files validate whole files here; the engine reads only its own part.
import type { z } from 'zod';
import { ScenarioShape, type Scenario } from '../sim/schema';
import { checkReferences } from '../sim/references';
import { checkUses } from '../sim/uses';
import { substepProblems } from '../sim/rules/diffusion';
import { formatPath, oversized, problemsOf, type Parsed } from '../sim/validate';
import { LessonText } from './schema';
import { checkLessonReferences, checkLessonUses } from './references';

export const ScenarioFileShape = ScenarioShape.extend({ lesson: LessonText.optional() });

/** A whole scenario file: the engine's fields plus an optional validated `lesson`. */
export const ScenarioFile = ScenarioFileShape.superRefine((s, ctx) => {
  const bad = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  checkReferences(s, bad);
  checkLessonReferences(s, bad);
});
export type ScenarioFile = z.infer<typeof ScenarioFileShape>;
export type ScenarioFileInput = z.input<typeof ScenarioFileShape>;

/** Validates a whole scenario file (for example parsed JSON), filling in defaults. Never throws. */
export function parseScenarioFile(input: unknown): Parsed<ScenarioFile> {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, problems: [{ path: '(top level)', message: 'a scenario must be a JSON object' }] };
  try {
    const big = oversized(input as Record<string, unknown>);
    if (big) return { ok: false, problems: [big] };
    const r = ScenarioFile.safeParse(input);
    if (!r.success) return { ok: false, problems: problemsOf(r.error) };
    const uses = [...substepProblems(r.data), ...checkUses(r.data), ...checkLessonUses(r.data)];
    return uses.length === 0 ? { ok: true, value: r.data } : { ok: false, problems: uses.map((p) => ({ path: formatPath(p.path), message: p.message })) };
  } catch (e) {
    return { ok: false, problems: [{ path: '(top level)', message: `could not read the scenario: ${(e as Error).message}` }] };
  }
}

/**
 * The lesson part put back on a scenario that went through the engine (which keeps `lesson` as
 * given but types only its detection limit): validated again, so the result is a typed file.
 */
export function asScenarioFile(s: Scenario): ScenarioFile {
  const lesson = s.lesson === undefined ? undefined : LessonText.safeParse(s.lesson);
  return { ...s, lesson: lesson?.success ? lesson.data : undefined };
}
