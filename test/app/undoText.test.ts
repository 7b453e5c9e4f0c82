// The words of an offer to undo: what replaced or cut the run, and a button name that says what
// comes back (and starts with its visible label, so speech users can say it).
import { describe, expect, it } from 'vitest';
import { undoWords } from '../../src/app/ui/undoText';

describe('undoWords', () => {
  it('says what a reset, a lesson change and an undo did', () => {
    const reset = undoWords({ kind: 'reset', title: 'Letters', hours: 0.5 }, 'Letters', 10);
    expect(reset).toEqual({ text: 'The run was reset; it had reached 30 min.', label: 'Undo', name: 'Undo: bring back the run of “Letters” at 30 min' });
    expect(undoWords({ kind: 'lesson', title: 'Letters', hours: 2 }, 'Guards', 10).text).toBe('Opened “Guards”. The run of “Letters” (at 2 h) was put aside.');
    const redo = undoWords({ kind: 'undo', title: 'Guards', hours: 0 }, 'Letters', 10);
    expect(redo.label).toBe('Redo');
    expect(redo.name.startsWith('Redo')).toBe(true);
  });

  it('names where a branch cut the run and how many later events went', () => {
    const w = undoWords({ kind: 'branch', title: 'Guards', hours: 200 / 360, branch: { tick: 200, hours: 200 / 360, dropped: 2, oldEnd: 360 } }, 'Guards', 10);
    expect(w.text).toBe('Changed at 33 min 20 s: the later part of the run (to 1 h) and 2 later events were dropped.');
    expect(w.name).toBe('Undo: bring back the run to 1 h as it was before the change at 33 min 20 s');
    expect(undoWords({ kind: 'branch', title: 'Guards', hours: 0, branch: { tick: 60, hours: 1 / 6, dropped: 0, oldEnd: 90 } }, 'Guards', 10).text).toBe('Changed at 10 min: the later part of the run (to 15 min) was dropped.');
  });
});
