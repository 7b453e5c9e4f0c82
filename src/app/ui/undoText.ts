// Plain words for an offer to undo: what just replaced or cut the run, and the short button
// label that still makes sense after the message itself has been replaced by a newer one.
import { formatClock } from '../../../viz/format';
import type { UndoOffer } from '../session';
import { formatTick } from '../timeline/describe';

export interface UndoWords {
  /** The message shown with the offer. */
  text: string;
  /** The visible button label: "Undo" or "Redo". */
  label: string;
  /** The button's accessible name and tooltip: the label, then what comes back. */
  name: string;
}

const q = (title: string) => `“${title}”`;

/** `now` is the title of the run shown now; `dt` the step length (for a branch's times). */
export function undoWords(o: Pick<UndoOffer, 'kind' | 'title' | 'hours' | 'branch'>, now: string, dt: number): UndoWords {
  const back = `back the run of ${q(o.title)} at ${formatClock(o.hours)}`;
  switch (o.kind) {
    case 'reset':
      return { text: `The run was reset; it had reached ${formatClock(o.hours)}.`, label: 'Undo', name: `Undo: bring ${back}` };
    case 'lesson':
      return { text: `Opened ${q(now)}. The run of ${q(o.title)} (at ${formatClock(o.hours)}) was put aside.`, label: 'Undo', name: `Undo: bring ${back}` };
    case 'seed':
      return { text: `The run restarted with a new seed; the earlier one had reached ${formatClock(o.hours)}.`, label: 'Undo', name: `Undo: bring ${back}` };
    case 'setting':
      return { text: `The run restarted with the new setting; the earlier one had reached ${formatClock(o.hours)}.`, label: 'Undo', name: `Undo: bring ${back}` };
    case 'open':
      return { text: `Opened a recorded run. The run you had (at ${formatClock(o.hours)}) was put aside.`, label: 'Undo', name: `Undo: bring ${back}` };
    case 'undo':
      return { text: `Undone. The run you left (at ${formatClock(o.hours)}) can come back with Redo.`, label: 'Redo', name: `Redo: bring ${back}` };
    case 'branch': {
      const b = o.branch;
      if (!b) return { text: 'The run was changed at an earlier moment; its later part was dropped.', label: 'Undo', name: 'Undo: bring back the later part of the run' };
      const events = b.dropped > 0 ? ` and ${b.dropped} later event${b.dropped === 1 ? '' : 's'}` : '';
      return {
        text: `Changed at ${formatTick(b.tick, dt)}: the later part of the run (to ${formatTick(b.oldEnd, dt)})${events} ${b.dropped > 0 ? 'were' : 'was'} dropped.`,
        label: 'Undo',
        name: `Undo: bring back the run to ${formatTick(b.oldEnd, dt)} as it was before the change at ${formatTick(b.tick, dt)}`,
      };
    }
  }
}
