// The scenario a run starts from: a built-in lesson with the user's settings (overrides by
// parameter path, applied and validated by the lab's withOverrides), so Reset reproduces the same
// start every time.
import { lesson, lessons } from '../../lessons/index';
import type { ScenarioFile } from '../../lessons/scenarioFile';

export { withOverrides, type Overrides } from '../lab';

export function lessonList(): { id: string; title: string }[] {
  return lessons().map((s) => ({ id: s.id, title: s.title }));
}

/** A built-in lesson by id, or the first lesson when the id is unknown. */
export function lessonOrFirst(id: string | null): ScenarioFile {
  return (id ? lesson(id) : undefined) ?? structuredClone(lessons()[0]);
}
