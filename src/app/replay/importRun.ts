// Reading a run file the user opened: the size is checked before reading, the bytes must be
// UTF-8 JSON, src/lab/runfile.ts validates the rest, and the run must fit a laptop's memory
// (src/lab/memory.ts). Every failure is a message that names what is wrong (never an exception),
// so the current run stays untouched. Pure (no DOM): tested in Node. Loaded when a file is opened,
// so the run-file schema is not part of the page's first load (the size check is in runFileSize.ts).
import { ENGINE_VERSION } from '../../../sim/index';
import { MAX_HOURS, memoryProblem, parseRunFile, settingsDiff, type Overrides, type RunFile } from '../../lab';
import { loadLesson } from '../../../lessons/library';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { checkRunSize, refuse, type Imported } from './runFileSize';
import { t } from '../export/messages';
export { checkRunSize, runFileName, type Imported, type RunSummary } from './runFileSize';

/** Problems listed in a message; the rest are counted. */
const SHOWN = 8;

/** The name a message gives the file: its own, or "The file" in the reader's language. */
export function fileName(name: string | undefined): string {
  return name && name !== '' ? name : t('files.open.theFile');
}

/** A run file from its bytes. */
export function importRunBytes(bytes: Uint8Array, name?: string): Imported {
  const size = checkRunSize(fileName(name), bytes.byteLength);
  if (size) return size;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(t('files.open.notText', { name: fileName(name) }));
  }
  return importRunText(text, name);
}

/** A run file from its text. */
export function importRunText(text: string, name?: string): Imported {
  const named = fileName(name);
  const parsed = parseRunFile(text);
  if (!parsed.ok) {
    const problems = parsed.problems.map((p) => (p.path === '(file)' || p.path === '(top level)' ? p.message : `${p.path}: ${p.message}`));
    const shown = problems.slice(0, SHOWN);
    if (problems.length > SHOWN) shown.push(t('files.open.more', { n: problems.length - SHOWN }));
    const head = problems.length === 1 ? t('files.open.invalidOne', { name: named, problem: problems[0] }) : t('files.open.invalidMany', { name: named, n: problems.length });
    return refuse(head, problems.length === 1 ? [] : shown);
  }
  const f = parsed.value;
  const hours = (f.stopTick * f.scenario.dtSeconds) / 3600;
  if (hours > MAX_HOURS) return refuse(t('files.open.tooLong', { name: named, hours: Math.round(hours), max: MAX_HOURS }));
  const tooBig = memoryProblem(f.scenario, 'browser', text.length);
  if (tooBig) return refuse(t('files.open.tooBig', { name: named, problem: tooBig }));
  return {
    ok: true,
    file: f,
    summary: {
      title: f.scenario.title,
      scenarioId: f.scenario.id,
      seed: f.seed,
      steps: f.stopTick,
      hours,
      events: f.events.length,
      checkpoints: f.checkpoints.length,
      engineVersion: f.engineVersion,
      otherEngine: f.engineVersion !== ENGINE_VERSION,
    },
  };
}

/**
 * What Reset and the share link use for an opened run: its built-in lesson with the settings
 * that turn the lesson into the run's scenario, or (when settings cannot say it) the scenario.
 */
export async function setupFor(f: RunFile): Promise<{ base: ScenarioFile; lessonId: string | null; overrides: Overrides; linkable: boolean }> {
  const own = await loadLesson(f.scenario.id);
  const diff = own ? settingsDiff(own, f.scenario) : null;
  if (own && diff) return { base: own, lessonId: own.id, overrides: diff, linkable: true };
  return { base: { ...f.scenario, events: [] }, lessonId: null, overrides: new Map(), linkable: false };
}
