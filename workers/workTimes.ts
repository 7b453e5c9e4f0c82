// Where the engine worker's wall time goes, by section (stepping, the timeline's snapshots and
// hashes, building frames, recovery snapshots) and how long it sat idle between the page's calls.
// Read with `workTimes()` (window.cellpost.workTimes() in the page; bench/browser.ts prints it).

export interface WorkTimesReport {
  /** Wall time covered, ms (since the last reset). */
  spanMs: number;
  steps: number;
  frames: number;
  calls: number;
  /** ms in each section over the span. */
  stepMs: number;
  timelineMs: number;
  frameMs: number;
  snapshotMs: number;
  /** ms with no call running (waiting for the page). */
  idleMs: number;
}

type Section = 'stepMs' | 'timelineMs' | 'frameMs' | 'snapshotMs';

export class WorkTimes {
  private r: WorkTimesReport = WorkTimes.zero();
  private since = 0;
  private lastEnd = -1;

  constructor(private readonly clock: () => number = () => performance.now()) {
    this.since = clock();
  }

  private static zero(): WorkTimesReport {
    return { spanMs: 0, steps: 0, frames: 0, calls: 0, stepMs: 0, timelineMs: 0, frameMs: 0, snapshotMs: 0, idleMs: 0 };
  }

  /** A call from the page starts: the time since the previous one ended was idle. */
  begin(): void {
    if (this.lastEnd >= 0) this.r.idleMs += this.clock() - this.lastEnd;
    this.r.calls++;
  }

  end(): void {
    this.lastEnd = this.clock();
  }

  add(section: Section, ms: number): void {
    this.r[section] += ms;
    if (section === 'stepMs') this.r.steps++;
    else if (section === 'frameMs') this.r.frames++;
  }

  /** The sums since the last report, and starts again. */
  report(): WorkTimesReport {
    const now = this.clock();
    const out = { ...this.r, spanMs: now - this.since };
    this.r = WorkTimes.zero();
    this.since = now;
    return out;
  }
}
