// The scenario a run starts from: a built-in lesson with the user's settings (overrides by
// parameter path) applied and validated, so Reset reproduces the same start every time.
import { describeProblems, setAtPath } from '../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';
import { lesson, lessons } from '../../lessons/index';

export type Overrides = Map<string, number>;

export function lessonList(): { id: string; title: string }[] {
  return lessons().map((s) => ({ id: s.id, title: s.title }));
}

/** The lesson with overrides applied; an error message instead when they do not validate. */
export function withOverrides(base: ScenarioFile, overrides: Overrides): { scenario: ScenarioFile } | { problem: string } {
  if (overrides.size === 0) return { scenario: base };
  let raw: unknown = base;
  try {
    for (const [path, value] of overrides) raw = setAtPath(raw, path, value);
  } catch (e) {
    return { problem: (e as Error).message };
  }
  const parsed = parseScenarioFile(raw);
  return parsed.ok ? { scenario: parsed.value } : { problem: describeProblems(parsed.problems) };
}

/** A built-in lesson by id, or the first lesson when the id is unknown. */
export function lessonOrFirst(id: string | null): ScenarioFile {
  return (id ? lesson(id) : undefined) ?? structuredClone(lessons()[0]);
}
