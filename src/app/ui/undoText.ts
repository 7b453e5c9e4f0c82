// Plain words for an offer to undo: what just replaced or cut the run, and the short button
// label that still makes sense after the message itself has been replaced by a newer one.
import { formatClock } from '../../../viz/format';
import type { UndoOffer } from '../session';
import { formatTick } from '../timeline/describe';
import { t } from '../../i18n/i18n';

export interface UndoWords {
  /** The message shown with the offer. */
  text: string;
  /** The visible button label: "Undo" or "Redo". */
  label: string;
  /** The button's accessible name and tooltip: the label, then what comes back. */
  name: string;
}

/** `now` is the title of the run shown now; `dt` the step length (for a branch's times). */
export function undoWords(o: Pick<UndoOffer, 'kind' | 'title' | 'hours' | 'branch'>, now: string, dt: number): UndoWords {
  const time = formatClock(o.hours);
  const back = t('undo.back', { title: o.title, time });
  const undo = (text: string): UndoWords => ({ text, label: t('undo.undo'), name: t('undo.bring', { label: t('undo.undo'), back }) });
  switch (o.kind) {
    case 'reset':
      return undo(t('undo.reset', { time }));
    case 'lesson':
      return undo(t('undo.lesson', { now, title: o.title, time }));
    case 'seed':
      return undo(t('undo.seed', { time }));
    case 'setting':
      return undo(t('undo.setting', { time }));
    case 'open':
      return undo(t('undo.runFile', { time }));
    case 'undo':
      return { text: t('undo.undone', { time }), label: t('undo.redo'), name: t('undo.bring', { label: t('undo.redo'), back }) };
    case 'branch': {
      const b = o.branch;
      if (!b) return { text: t('undo.branchUnknown'), label: t('undo.undo'), name: t('undo.branchUnknownName') };
      const at = formatTick(b.tick, dt);
      const end = formatTick(b.oldEnd, dt);
      return { text: t('undo.branch', { at, end, dropped: b.dropped }), label: t('undo.undo'), name: t('undo.branchName', { at, end }) };
    }
  }
}
