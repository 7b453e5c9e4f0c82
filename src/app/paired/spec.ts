// Paired "what-if" runs, the pure part: which changes a lesson offers for comparison (its
// declared `lesson.paired`, its interventions, or any one setting), and the setup of the two
// runs — same scenario and seed, the second with that one change as an event at a chosen tick
// (or, for a setting that shapes the scene, in its scenario from the start).
import { z } from '../../../sim/zod';
import { EventSpec, getAtPath, listParameters, parameterAt, describeProblems, setAtPath } from '../../../sim/index';
import { parseScenarioFile, type ScenarioFile } from '../../../lessons/scenarioFile';
import type { EventSpec as EventSpecT } from '../../../sim/schema';
// Core words for its problems: the Learn screen's side-by-side views set up pairs too, and this
// file loads with every lesson (schemaToolsImpl), so it must not bring the Lab tools' catalogue.
import { t } from '../../i18n/i18n';

/**
 * What a lesson may declare under `lesson.paired` (read from the validated scenario if the
 * schema keeps it, else from the raw lesson file): the change to compare, when it applies, and
 * the metric to chart first.
 */
export const PairedDecl = z.object({
  label: z.string().min(1).max(80),
  help: z.string().max(300).optional(),
  events: z.array(EventSpec).min(1).max(10),
  atHours: z.number().min(0).max(1e5).default(0),
  metric: z.string().max(120).optional(),
});
export type PairedDecl = z.infer<typeof PairedDecl>;

/** One change: events sent to the second run at `atHours`, or a setting changed to `value`. */
export type Change =
  | { kind: 'events'; label: string; events: EventSpecT[]; atHours: number }
  | { kind: 'param'; label: string; path: string; value: number; atHours: number };

/** The two runs: what each loads, and the events the second gets (with their ticks). */
export interface PairSetup {
  seed: string;
  /** The scenario both start from (the second's differs only by a scene-shaping setting). */
  a: ScenarioFile;
  b: ScenarioFile;
  /** Events for the second run, each with the tick it applies at. */
  eventsB: (EventSpecT & { tick: number })[];
  /** Tick at which the runs start to differ (0 for a change in the scenario itself). */
  changeTick: number;
  label: string;
}

/** A lesson's declared comparison, if any (null when absent or not valid). */
export function lessonPaired(s: ScenarioFile, rawLesson?: unknown): PairedDecl | null {
  const fromParsed = (s.lesson as Record<string, unknown> | undefined)?.paired;
  const fromRaw = (rawLesson as { lesson?: { paired?: unknown } } | undefined)?.lesson?.paired;
  const r = PairedDecl.safeParse(fromParsed ?? fromRaw);
  return r.success ? r.data : null;
}

export interface ChangeChoice {
  id: string;
  label: string;
  change: Change;
}

/** The changes offered: the declared comparison first, then the lesson's interventions. */
export function changeChoices(s: ScenarioFile, decl: PairedDecl | null): ChangeChoice[] {
  const out: ChangeChoice[] = [];
  if (decl) out.push({ id: 'paired', label: decl.label, change: { kind: 'events', label: decl.label, events: decl.events, atHours: decl.atHours } });
  (s.lesson?.interventions ?? []).forEach((iv, i) => {
    if (decl && JSON.stringify(iv.events) === JSON.stringify(decl.events)) return;
    out.push({ id: `iv${i}`, label: iv.label, change: { kind: 'events', label: iv.label, events: iv.events, atHours: 0 } });
  });
  return out;
}

/** Steps for a time in hours at the scenario's time step. */
export function ticksFor(s: ScenarioFile, hours: number): number {
  return Math.round((hours * 3600) / s.dtSeconds);
}

/** Builds the two runs for a change from a scenario (the current settings) and seed. */
export function pairSetup(start: ScenarioFile, seed: string, change: Change): PairSetup | { problem: string } {
  const tick = ticksFor(start, change.atHours);
  if (change.kind === 'events') {
    const eventsB = change.events.map((e) => {
      const copy = { ...e } as EventSpecT & { tick?: number; atHours?: number };
      delete copy.tick;
      delete copy.atHours;
      return { ...copy, tick };
    });
    return { seed, a: start, b: start, eventsB, changeTick: tick, label: change.label };
  }
  const info = parameterAt(start, change.path);
  if (!info) return { problem: t('pairedSetup.notSetting', { path: change.path }) };
  if (!(change.value >= info.min && change.value <= info.max)) return { problem: t('pairedSetup.between', { name: info.label, min: info.min, max: info.max, unit: info.unit ? ` ${info.unit}` : '' }) };
  if (info.integer && !Number.isInteger(change.value)) return { problem: t('pairedSetup.whole', { name: info.label }) };
  if (getAtPath(start, change.path) === change.value) return { problem: t('pairedSetup.already', { name: info.label, value: change.value }) };
  if (info.live !== false) return { seed, a: start, b: start, eventsB: [{ kind: 'set', path: change.path, value: change.value, tick }], changeTick: tick, label: change.label };
  // A setting that shapes the scene (time step, cell counts …) can only differ from the start.
  if (tick !== 0) return { problem: t('pairedSetup.shapes', { name: info.label }) };
  const parsed = parseScenarioFile(setAtPath(start, change.path, change.value));
  if (!parsed.ok) return { problem: describeProblems(parsed.problems) };
  return { seed, a: start, b: parsed.value, eventsB: [], changeTick: 0, label: change.label };
}

/** Settings that can be compared: the lesson's exposed ones first, then the rest, in order. */
export function comparableSettings(s: ScenarioFile) {
  const all = listParameters(s);
  const exposed = new Set(s.lesson?.exposed ?? []);
  return [...all.filter((p) => exposed.has(p.path)), ...all.filter((p) => !exposed.has(p.path))];
}
