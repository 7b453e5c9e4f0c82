// The lessons on demand (lessons/library.ts): the committed catalogue matches the lesson files,
// in teaching order; loadLesson gives the same validated lesson as the synchronous lessons/index,
// as a fresh copy each time; unknown and inherited names give nothing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lesson, lessonIds } from '../../lessons/index';
import { firstLessonId, isLessonId, lessonEntry, lessonIdList, lessonIndex, loadLesson, loadRawLesson } from '../../lessons/library';
import { catalogueText } from '../../lessons/catalogueText';

describe('lesson library', () => {
  it('has a catalogue equal to what `npm run lessons:catalogue` writes from the lesson files', () => {
    expect(readFileSync(resolve(import.meta.dirname, '../../lessons/catalogue.json'), 'utf8')).toBe(catalogueText());
    expect(lessonIdList()).toEqual(lessonIds());
    expect(firstLessonId()).toBe(lessonIds()[0]);
  });

  it('loads every lesson, validated, equal to the synchronous one', async () => {
    for (const id of lessonIds()) {
      const s = await loadLesson(id);
      expect(s, id).toEqual(lesson(id));
      expect(lessonEntry(id)).toEqual({ id, title: s!.title, question: s!.question, seed: s!.seed });
      expect(((await loadRawLesson(id)) as { id: string }).id).toBe(id);
    }
  });

  it('gives a fresh copy each time: changing one leaves the next untouched', async () => {
    const a = await loadLesson('letters');
    a!.title = 'changed';
    a!.tissues.tissue.width = 1;
    const b = await loadLesson('letters');
    expect(b!.title).toBe(lessonEntry('letters')!.title);
    expect(b!.tissues.tissue.width).not.toBe(1);
  });

  it('gives nothing for unknown and inherited names', async () => {
    for (const id of ['', 'nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'LETTERS']) {
      expect(isLessonId(id), id).toBe(false);
      expect(await loadLesson(id), id).toBeUndefined();
      expect(await loadRawLesson(id), id).toBeUndefined();
    }
    expect(lessonIndex.length).toBe(lessonIds().length);
  });
});
