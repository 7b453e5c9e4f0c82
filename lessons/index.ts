// The built-in lessons: scenario files (data) in a fixed order. Both the app and the CLI load
// lessons from here; each is validated by the same whole-file schema as any user file.
import letters from './letters.json';
import immuneSuppression from './immune-suppression.json';
import liquidBiopsy from './liquid-biopsy.json';
import nkWeapons from './nk-weapons.json';
import blockRelease from './block-release.json';
import calmInflammation from './calm-inflammation.json';
import gutMessages from './gut-messages.json';
import organAddress from './organ-address.json';
import autoimmuneSignature from './autoimmune-signature.json';
import { parseScenarioFile, type ScenarioFile } from './scenarioFile';

/** Raw lesson files, in the order the lesson picker shows them. */
export const LESSON_FILES: readonly unknown[] = [letters, immuneSuppression, liquidBiopsy, nkWeapons, blockRelease, calmInflammation, gutMessages, organAddress, autoimmuneSignature];

const cache = new Map<string, ScenarioFile>();

/** Every built-in lesson, validated (a broken lesson file is a programming error, so it throws). */
export function lessons(): ScenarioFile[] {
  return LESSON_FILES.map((raw) => {
    const id = (raw as { id: string }).id;
    const hit = cache.get(id);
    if (hit) return hit;
    const p = parseScenarioFile(raw);
    if (!p.ok) throw new Error(`built-in lesson ${id} is invalid: ${p.problems.map((x) => `${x.path}: ${x.message}`).join('; ')}`);
    cache.set(id, p.value);
    return p.value;
  });
}

export function lessonIds(): string[] {
  return LESSON_FILES.map((raw) => (raw as { id: string }).id);
}

/** A fresh copy of one lesson's validated scenario, or undefined for an unknown id. */
export function lesson(id: string): ScenarioFile | undefined {
  const s = lessons().find((l) => l.id === id);
  return s ? structuredClone(s) : undefined;
}
