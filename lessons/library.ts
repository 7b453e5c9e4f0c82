// The built-in lessons on demand, for the page (and anyone who wants only what they open):
// `lessonIndex`, a small catalogue of every lesson (id, title, question, seed) read up front, and
// `loadLesson(id)`, which fetches that one lesson's file and validates it when it is first asked for.
//
// The catalogue is lessons/catalogue.json, generated from the lesson files by `npm run
// lessons:catalogue` (a test keeps it in step). The whole-file schema (zod) is imported with the
// first lesson, so neither the lesson files nor the schema are part of the page's first load.
// lessons/index.ts stays the synchronous way in for Node (the command line, tests, the worker).
import catalogue from './catalogue.json';
import { LESSON_FILES_BY_ID } from './files';
import type { ScenarioFile } from './scenarioFile';

/** What the home screen, the teacher page's menus and links need to know of a lesson before it is opened. */
export interface LessonEntry {
  id: string;
  title: string;
  /** The lesson's question, shown on its card. */
  question: string;
  /** The seed it starts with. */
  seed: string;
}

/** Every built-in lesson, in teaching order (the order of lessons/index.ts). */
export const lessonIndex: readonly LessonEntry[] = catalogue;

/** The ids of the built-in lessons, in teaching order. */
export function lessonIdList(): string[] {
  return lessonIndex.map((l) => l.id);
}

/** The catalogue entry of a built-in lesson, or undefined for an unknown id. */
export function lessonEntry(id: string): LessonEntry | undefined {
  return lessonIndex.find((l) => l.id === id);
}

/** Whether `id` names a built-in lesson (own names only: "constructor" is not a lesson). */
export function isLessonId(id: string): boolean {
  return Object.hasOwn(LESSON_FILES_BY_ID, id) && lessonEntry(id) !== undefined;
}

/** The lesson file as written (not validated), or undefined for an unknown id. */
export async function loadRawLesson(id: string): Promise<unknown> {
  if (!isLessonId(id)) return undefined;
  return (await LESSON_FILES_BY_ID[id].scenario()).default;
}

const validated = new Map<string, Promise<ScenarioFile>>();

/**
 * A fresh copy of one built-in lesson, validated by the whole-file schema, or undefined for an
 * unknown id. The file and the schema load the first time; later calls reuse the validated lesson.
 * A broken built-in lesson is a programming error: the promise rejects with what is wrong.
 */
export async function loadLesson(id: string): Promise<ScenarioFile | undefined> {
  if (!isLessonId(id)) return undefined;
  let p = validated.get(id);
  if (!p) {
    p = checkHere(id);
    validated.set(id, p);
    // A failed load (a network error) may be tried again.
    p.catch(() => validated.delete(id));
  }
  return structuredClone(await p);
}

/** Fetches one lesson's file and validates it here. */
function checkHere(id: string): Promise<ScenarioFile> {
  return Promise.all([loadRawLesson(id), import('./scenarioFile')]).then(([raw, { parseScenarioFile }]) => {
    const r = parseScenarioFile(raw);
    if (!r.ok) throw new Error(`built-in lesson ${id} is invalid: ${r.problems.map((x) => `${x.path}: ${x.message}`).join('; ')}`);
    return r.value;
  });
}

/**
 * Takes lesson `id` as validated elsewhere by the same schema (the page's engine worker checks
 * the linked lesson anyway): `loadLesson(id)` then resolves to that copy instead of validating it
 * again, or validates it here when `checked` gives undefined or fails. Does nothing once the
 * lesson is loaded (or asked for), nor for an unknown id.
 */
export function lessonCheckedElsewhere(id: string, checked: Promise<ScenarioFile | undefined>): void {
  if (!isLessonId(id) || validated.has(id)) return;
  const p = checked.then(
    (file) => file ?? checkHere(id),
    () => checkHere(id),
  );
  validated.set(id, p);
  p.catch(() => validated.delete(id));
}

/** The lesson a page opens when none (or an unknown one) is named: the first in teaching order. */
export function firstLessonId(): string {
  return lessonIndex[0].id;
}
