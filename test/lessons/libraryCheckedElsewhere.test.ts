// A lesson checked elsewhere (lessons/library.ts lessonCheckedElsewhere: the page takes its engine
// worker's checked copy of the linked lesson): loadLesson then gives that copy without checking
// the file again; it checks the file itself when the other side gives nothing or fails; a lesson
// already loaded, and unknown names, are left alone. Each test takes a fresh library module (its
// cache of loaded lessons is per module instance, and other test files may share this one).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { lesson } from '../../lessons/index';

let lessonCheckedElsewhere: typeof import('../../lessons/library').lessonCheckedElsewhere;
let loadLesson: typeof import('../../lessons/library').loadLesson;

describe('a lesson checked elsewhere', () => {
  beforeEach(async () => {
    vi.resetModules();
    ({ lessonCheckedElsewhere, loadLesson } = await import('../../lessons/library'));
  });

  it('is the copy loadLesson gives, as a fresh copy each time', async () => {
    lessonCheckedElsewhere('letters', Promise.resolve({ ...lesson('letters')!, title: 'checked in the worker' }));
    const a = await loadLesson('letters');
    expect(a?.title).toBe('checked in the worker');
    a!.title = 'changed';
    expect((await loadLesson('letters'))?.title).toBe('checked in the worker');
  });

  it('is checked here when the other side gives nothing or fails', async () => {
    lessonCheckedElsewhere('nk-weapons', Promise.resolve(undefined));
    expect(await loadLesson('nk-weapons')).toEqual(lesson('nk-weapons'));
    lessonCheckedElsewhere('calm-inflammation', Promise.reject(new Error('the worker stopped')));
    expect(await loadLesson('calm-inflammation')).toEqual(lesson('calm-inflammation'));
  });

  it('leaves a lesson already loaded, and unknown names, alone', async () => {
    const before = await loadLesson('gut-messages');
    lessonCheckedElsewhere('gut-messages', Promise.resolve({ ...lesson('gut-messages')!, title: 'not this' }));
    expect(await loadLesson('gut-messages')).toEqual(before);
    lessonCheckedElsewhere('no-such-lesson', Promise.resolve(lesson('letters')));
    lessonCheckedElsewhere('constructor', Promise.resolve(lesson('letters')));
    expect(await loadLesson('no-such-lesson')).toBeUndefined();
    expect(await loadLesson('constructor')).toBeUndefined();
  });
});
