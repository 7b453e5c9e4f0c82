// The text of lessons/catalogue.json, made from the validated lesson files (Node only: it reads
// every lesson). scripts/lesson-catalogue.ts writes it; a test holds the committed file equal to it.
import { lessons } from './index';
import type { LessonEntry } from './library';

export function catalogueEntries(): LessonEntry[] {
  return lessons().map((s) => ({ id: s.id, title: s.title, question: s.question, seed: s.seed }));
}

export function catalogueText(): string {
  return `${JSON.stringify(catalogueEntries(), null, 2)}\n`;
}
