// The panels the first picture does not need, in one chunk loaded right after it (main.ts, with
// afterPicture.ts): the inspector (its card opens on a click), the Lab's tools, and saving and
// opening run files (the Lab's "Runs and files", and a file dropped on the page). Each is mounted
// in a task of its own, so loading them is no long task on a slow laptop.
import { mountInspector, type InspectStage, type Inspector } from './ui/inspector';
import { mountTools, type Tools } from './ui/tools';
import { mountRunFiles, type RunFiles } from './replay/runFiles';
import type { Session } from './session';
import type { Notify } from './ui/notices';
import type { Banner } from './replay/banner';
import { byId } from './ui/dom';
import { yieldToPage } from './loadMilestones';

export interface LatePanels {
  inspector: Inspector;
  tools: Tools;
  runFiles: RunFiles;
}

export interface LatePanelsNeed {
  session: Session;
  notify: Notify;
  banner: Banner;
  /** Rings the cells the inspector names (its cell and donors). */
  highlight: (ids: number[]) => void;
  /** The view the inspector's card goes beside. */
  stage: InspectStage;
  /** The tissue the main view shows (index). */
  tissue: () => number;
}

export async function mountLatePanels(n: LatePanelsNeed): Promise<LatePanels> {
  const inspector = mountInspector(byId('inspector'), n.session, n.highlight, n.stage);
  await yieldToPage();
  const tools = mountTools(byId('tools'), n.session, n.notify, n.tissue);
  await yieldToPage();
  const runFiles = mountRunFiles(byId('run-files'), n.session, n.notify, n.banner);
  return { inspector, tools, runFiles };
}
