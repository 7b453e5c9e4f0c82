// The scenario a run starts from: a built-in lesson (loaded on demand, lessons/library.ts) with the
// user's settings (overrides by parameter path, applied and validated by the lab's withOverrides,
// which the page loads with its scenario tools, schemaTools.ts), so Reset reproduces the same start.
import { firstLessonId, loadLesson } from '../../lessons/library';
import type { ScenarioFile } from '../../lessons/scenarioFile';

export type { Overrides } from '../lab';

/** A built-in lesson by id, or the first lesson when the id is unknown. */
export async function lessonOrFirst(id: string | null): Promise<ScenarioFile> {
  const s = (id ? await loadLesson(id) : undefined) ?? (await loadLesson(firstLessonId()));
  if (!s) throw new Error('the built-in lessons are missing');
  return s;
}
