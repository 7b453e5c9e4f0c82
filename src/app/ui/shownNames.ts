// The reader's names for what the engine's reports name in English: the worker runs the lesson as
// written (English), while the page shows the lesson in the reader's language. A name is matched
// by its declaration's id in the engine's scenario and looked up in the shown (translated) one.
import type { ScenarioFile } from '../../../lessons/scenarioFile';

type Kind = 'cellTypes' | 'vesicleTypes' | 'tissues' | 'signals' | 'labels' | 'receptors';

/** The shown name of a declaration the engine calls `english`; the English name when none matches. */
export function shownName(engine: ScenarioFile | undefined, shown: ScenarioFile | undefined, kind: Kind, english: string): string {
  if (!engine || !shown || engine === shown) return english;
  const decl = engine[kind] as Record<string, { name?: string }>;
  const out = shown[kind] as Record<string, { name?: string }>;
  for (const id of Object.keys(decl)) if (decl[id]?.name === english) return (Object.hasOwn(out, id) ? out[id].name : undefined) ?? english;
  return english;
}

/** The shown name of a declaration by its id. */
export function nameById(shown: ScenarioFile | undefined, kind: Kind, id: string): string {
  const rec = shown?.[kind] as Record<string, { name?: string }> | undefined;
  return (rec && Object.hasOwn(rec, id) ? rec[id].name : undefined) ?? id;
}
