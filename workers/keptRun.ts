// A run put aside so that a change which replaces or cuts it (Reset, another lesson, a new seed,
// a change after going back in time) can be undone: a copy of its model (snapshot and restore,
// so nothing done later touches it) and of its timeline (seek history, hashes, branches).
import { restore, snapshot, type Model } from '../sim/index';
import type { Timeline } from './timeline';

export interface Run {
  model: Model;
  timeline: Timeline;
}

/** A copy of a run that shares nothing mutable with it: stepping one leaves the other as it was. */
export function copyRun(run: Run): Run {
  return { model: restore(snapshot(run.model)), timeline: run.timeline.copy() };
}

/** One slot: keeping a run drops the one kept before (its undo offer is over). */
export class Shelf {
  private kept: { id: number; run: Run } | null = null;
  private seq = 0;

  /** Keeps a copy of the run; returns the id that takes it back. */
  keep(run: Run): number {
    this.kept = { id: ++this.seq, run: copyRun(run) };
    return this.kept.id;
  }

  /**
   * Takes the kept run with this id back, and keeps `current` in its place (moved, not copied:
   * the caller stops using it) under a new id, so the undo can itself be undone. Null when that
   * run is no longer kept.
   */
  swap(id: number, current: Run): { run: Run; id: number } | null {
    if (!this.kept || this.kept.id !== id) return null;
    const back = this.kept.run;
    this.kept = { id: ++this.seq, run: current };
    return { run: back, id: this.kept.id };
  }

  /** Forgets the kept run with this id (its offer expired); other ids are left alone. */
  drop(id: number): void {
    if (this.kept?.id === id) this.kept = null;
  }

  /** The id of the run kept now, or null. */
  get id(): number | null {
    return this.kept?.id ?? null;
  }
}
