// The builder's undo and redo: the scenarios before and after each applied edit, kept as they are
// (edits never change a scenario in place), so undoing every edit gives back the first scenario
// byte for byte. Pure: each operation returns a new history.
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { applyEdit, type Edit } from './edits';

/** Most edits kept for undo. */
export const MAX_UNDO = 200;

export interface History {
  readonly past: readonly ScenarioFile[];
  readonly present: ScenarioFile;
  readonly future: readonly ScenarioFile[];
}

export function startHistory(s: ScenarioFile): History {
  return { past: [], present: s, future: [] };
}

/** The history after an edit: applied (redo is cleared), or unchanged with the field's problem. */
export function edit(h: History, e: Edit): { history: History; problem: { path: string; message: string } | null } {
  const r = applyEdit(h.present, e);
  if (!r.ok) return { history: h, problem: { path: r.path, message: r.message } };
  const past = [...h.past, h.present];
  return { history: { past: past.length > MAX_UNDO ? past.slice(past.length - MAX_UNDO) : past, present: r.scenario, future: [] }, problem: null };
}

/** A whole new scenario (opened from a file or link) as one undoable step. */
export function replace(h: History, s: ScenarioFile): History {
  return { past: [...h.past, h.present].slice(-MAX_UNDO), present: s, future: [] };
}

export const canUndo = (h: History) => h.past.length > 0;
export const canRedo = (h: History) => h.future.length > 0;

export function undo(h: History): History {
  if (!canUndo(h)) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  if (!canRedo(h)) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
