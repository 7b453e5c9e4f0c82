// What a lesson or scenario JSON file is: the engine's part (sim/schema.ts) and the lesson's part
// (lessons/schema.ts) composed into one schema, with the engine's cross-reference checks. The app,
// the command line and run files validate whole files here; the engine reads only its own part.
import type { z } from 'zod';
import { checkReferences, ScenarioShape, type Scenario } from '../sim/schema';
import { problemsOf, type Parsed } from '../sim/validate';
import { LessonText } from './schema';

export const ScenarioFileShape = ScenarioShape.extend({ lesson: LessonText.optional() });

/** A whole scenario file: the engine's fields plus an optional validated `lesson`. */
export const ScenarioFile = ScenarioFileShape.superRefine(checkReferences);
export type ScenarioFile = z.infer<typeof ScenarioFileShape>;
export type ScenarioFileInput = z.input<typeof ScenarioFileShape>;

/** Validates a whole scenario file (for example parsed JSON), filling in defaults. Never throws. */
export function parseScenarioFile(input: unknown): Parsed<ScenarioFile> {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, problems: [{ path: '(top level)', message: 'a scenario must be a JSON object' }] };
  try {
    const r = ScenarioFile.safeParse(input);
    return r.success ? { ok: true, value: r.data } : { ok: false, problems: problemsOf(r.error) };
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
