// The Lab's heavier tools in one chunk that main.ts loads on demand (dynamic import, the first
// time the Lab is shown): compare two runs, export (CSV, PNG, video, ZIP) and many runs (sweeps,
// cohorts). Mounted late, they are told about the run already loaded as if they had seen it load.
import type { Session } from './session';
import { mountExport, type ExportMount } from './export/panel';
import { mountPaired } from './paired/panel';
// Repeat & sweep (src/sweep): many headless runs in a pool of sweep workers.
import { mountSweep } from './sweep/panel';

export interface LabToolsMount {
  /** The "Runs and files" box the compare buttons go in; the other panels follow it. */
  compare: HTMLElement;
  exportFrom: Omit<ExportMount, 'after'>;
}

export function mountLabTools(session: Session, m: LabToolsMount): void {
  const before = new Set(session.listenersOf('load'));
  mountPaired(session, m.compare);
  mountExport(session, { after: m.compare, ...m.exportFrom });
  mountSweep(session, m.compare);
  const info = session.info;
  if (info) for (const fn of session.listenersOf('load')) if (!before.has(fn)) fn(info);
}
