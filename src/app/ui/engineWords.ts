// The engine's run warnings in the reader's language. The engine writes them in English (its
// output and every state hash stay as they are); the page knows each by its form, reads its
// numbers and names, and says it again with the reader's words and the lesson's translated names
// (as shownNames.ts does for reports). A warning of a form not known here is shown as written.
import { areaT } from '../../i18n/i18n';
import engineEn from '../../i18n/catalogues/areas/engine.en.json';
import type { ScenarioFile } from '../../../lessons/scenarioFile';

const t = areaT(engineEn);

/** The shown name of a tissue or cell type by its id (as shownNames.ts's nameById; kept here so this on-demand part shares no chunk with the first page). */
function nameById(shown: ScenarioFile | undefined, kind: 'tissues' | 'cellTypes', id: string): string {
  const rec = shown?.[kind] as Record<string, { name?: string }> | undefined;
  return (rec && Object.hasOwn(rec, id) ? rec[id].name : undefined) ?? id;
}

const CELL_CAPACITY = /^cell capacity of (\d+) cells reached: division pauses$/;
const VESICLE_CAPACITY = /^vesicle capacity of (\d+) packets reached: release pauses until packets are cleared$/;
const NO_ROOM = /^(?:([\w-]+): )?only (\d+) of (\d+) ([\w-]+) cells found room$/;
const INJECT_ROOM = /^only (\d+) of (\d+) injected packets fit the vesicle capacity$/;
const SKIPPED = /^event (\w+) skipped: ([\s\S]*)$/;
const IN_THE_PAST = /^event at step (\d+) is in the past \(now at step (\d+)\)$/;
const CHANGES_SCENE = /^"([^"]*)" would change the scene's cell types, states or tissues$/;

/** An event's problem as the engine words it, in the reader's language where its form is known. */
function problemText(problem: string): string {
  const past = IN_THE_PAST.exec(problem);
  if (past) return t('engine.inThePast', { tick: Number(past[1]), now: Number(past[2]) });
  const scene = CHANGES_SCENE.exec(problem);
  if (scene) return t('engine.changesScene', { path: scene[1] });
  return problem;
}

/** A run warning from the engine, said in the reader's language (`shown`: the lesson as the page shows it). */
export function warningText(message: string, shown: ScenarioFile | undefined): string {
  let m = CELL_CAPACITY.exec(message);
  if (m) return t('engine.cellCapacity', { limit: Number(m[1]) });
  m = VESICLE_CAPACITY.exec(message);
  if (m) return t('engine.vesicleCapacity', { limit: Number(m[1]) });
  m = NO_ROOM.exec(message);
  if (m) {
    const tissue = m[1] ? `${nameById(shown, 'tissues', m[1])}: ` : '';
    return t('engine.noRoom', { tissue, placed: Number(m[2]), count: Number(m[3]), type: nameById(shown, 'cellTypes', m[4]) });
  }
  m = INJECT_ROOM.exec(message);
  if (m) return t('engine.injectRoom', { room: Number(m[1]), count: Number(m[2]) });
  m = SKIPPED.exec(message);
  if (m) return t('engine.eventSkipped', { kind: m[1], problem: problemText(m[2]) });
  return message;
}
