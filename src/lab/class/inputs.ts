// What a teacher brings to "Class results" and `cellpost class`: run files and share links, read
// into runs to verify — the lesson, its settings, seed, events, how far the run goes and the
// hashes it carries — or a plain-words reason it cannot count. Pure and host-neutral: the app
// passes dropped files and pasted text, the command line passes files.
import type { RunEvent } from '../../../sim/events';
import { lesson } from '../../../lessons/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { parseJsonText, parseRunFile, type Checkpoint } from '../runfile';
import { decodeLink, MAX_QUERY_CHARS } from '../share/link';
import { settingsDiff } from '../share/diff';
import { withOverrides, type Overrides } from '../settings';
import { stepsFor } from '../hours';
import { predictionsFromLink, predictionsFromRunJson, type ClassPrediction } from './predictions';
import { t } from './messages';

/** One thing brought in: a file's name and text, or a pasted link. */
export interface ClassSource {
  name: string;
  text: string;
}

/** What the worker replays (plain, structured-cloneable data). */
export interface VerifyJob {
  /** The scenario as the run starts: a run file's (no scheduled events), or a plain link's lesson with its own. */
  scenario: ScenarioFile;
  seed: string;
  events: RunEvent[];
  stopTick: number;
  /** Hashes to compare (none: not signed). */
  checkpoints: Checkpoint[];
  /** The lesson's main metric, read at stopTick. */
  metric: string;
  /** The engine that recorded the run (a run file says; a link does not). */
  engineVersion?: string;
}

/** A run read and ready to verify. */
export interface ClassRun {
  name: string;
  kind: 'file' | 'link';
  lesson: string;
  lessonTitle: string;
  /** The settings that differ from the lesson, as "path=value" sorted by path and joined by "; " ("" for none). */
  settings: string;
  seed: string;
  hours: number;
  signed: boolean;
  metric: string;
  metricLabel: string;
  predictions: ClassPrediction[];
  job: VerifyJob;
}

export type ClassEntry = ({ ok: true } & ClassRun) | { ok: false; name: string; kind: 'file' | 'link'; reason: string };

/** Most runs read at once. */
export const MAX_CLASS_RUNS = 500;

/** Settings as the class table writes them: "path=value; …" in path order. */
export function settingsText(o: Overrides | readonly { path: string; value: unknown }[]): string {
  const pairs: [string, unknown][] = o instanceof Map ? [...o.entries()] : o.map((x) => [x.path, x.value]);
  return pairs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${k}=${typeof v === 'number' ? String(v) : JSON.stringify(v)}`)
    .join('; ');
}

const bad = (name: string, kind: 'file' | 'link', reason: string): ClassEntry => ({ ok: false, name, kind, reason });

/** The lesson a run belongs to, with its main metric, or why it cannot be compared. */
function lessonOf(id: string): { base: ScenarioFile; metric: string; label: string } | string {
  const base = lesson(id);
  if (!base) return t('class.read.notLesson', { id: JSON.stringify(id.slice(0, 40)) });
  const mm = base.lesson?.mainMetric;
  if (!mm) return t('class.read.noMetric', { id: base.id });
  return { base, metric: mm.metric, label: mm.label };
}

/** A run file's text as a run to verify. */
export function readRunFileEntry(name: string, text: string): ClassEntry {
  const json = parseJsonText(text);
  if (!json.ok) return bad(name, 'file', t('class.read.notRunFile', { problem: json.problems[0].message }));
  const parsed = parseRunFile(json.value);
  if (!parsed.ok) {
    const p = parsed.problems[0];
    return bad(name, 'file', p.path === '(top level)' || p.path === '(file)' ? t('class.read.notRunFile', { problem: p.message }) : t('class.read.notRunFileAt', { path: p.path, problem: p.message }));
  }
  const f = parsed.value;
  const own = lessonOf(f.scenario.id);
  if (typeof own === 'string') return bad(name, 'file', own);
  const diff = settingsDiff(own.base, f.scenario);
  if (!diff) return bad(name, 'file', t('class.read.notComparable', { id: own.base.id }));
  return {
    ok: true,
    name,
    kind: 'file',
    lesson: own.base.id,
    lessonTitle: own.base.title,
    settings: settingsText(diff),
    seed: f.seed,
    hours: (f.stopTick * f.scenario.dtSeconds) / 3600,
    signed: f.checkpoints.length > 0,
    metric: own.metric,
    metricLabel: own.label,
    predictions: predictionsFromRunJson(json.value),
    job: { scenario: f.scenario, seed: f.seed, events: f.events, stopTick: f.stopTick, checkpoints: f.checkpoints, metric: own.metric, engineVersion: f.engineVersion },
  };
}

/**
 * A share link as a run to verify. A link with a check (c=…) runs to the checked step and is
 * signed by its hash; one without runs for the lesson's suggested length and is not signed. A
 * link the app would read only in part (a bad setting, a damaged event log) does not count.
 */
export async function readLinkEntry(name: string, text: string): Promise<ClassEntry> {
  const link = text.trim();
  const at = link.indexOf('?');
  if (at < 0) return bad(name, 'link', t('class.read.noQuery'));
  const search = link.slice(at).replace(/#.*$/, '');
  if (search.length > MAX_QUERY_CHARS) return bad(name, 'link', t('class.read.tooLong', { max: MAX_QUERY_CHARS }));
  const d = await decodeLink(search);
  if (!d.named) return bad(name, 'link', d.ignored[0] ?? t('class.read.noLesson'));
  if (d.ignored.length > 0) return bad(name, 'link', t('class.read.damaged', { problem: d.ignored[0] }));
  const own = lessonOf(d.lesson);
  if (typeof own === 'string') return bad(name, 'link', own);
  const eff = withOverrides(own.base, d.overrides);
  if ('problem' in eff) return bad(name, 'link', t('class.read.badSettings', { problem: eff.problem }));
  const lessonEnd = stepsFor(own.base.lesson?.hours ?? 24, eff.scenario.dtSeconds);
  // As a student's page opens it (src/app/share/shareUi.ts): a carried log replaces the lesson's own events.
  const recorded = d.events !== null || d.check !== null;
  const stopTick = d.check ? d.check.tick : lessonEnd;
  const job: VerifyJob = recorded
    ? { scenario: { ...eff.scenario, events: [] }, seed: d.seed, events: d.events ?? [], stopTick, checkpoints: d.check ? [d.check] : [], metric: own.metric }
    : { scenario: eff.scenario, seed: d.seed, events: [], stopTick, checkpoints: [], metric: own.metric };
  return {
    ok: true,
    name,
    kind: 'link',
    lesson: own.base.id,
    lessonTitle: own.base.title,
    settings: settingsText(d.overrides),
    seed: d.seed,
    hours: (stopTick * eff.scenario.dtSeconds) / 3600,
    signed: d.check !== null,
    metric: own.metric,
    metricLabel: own.label,
    predictions: predictionsFromLink(search, own.base.lesson?.prompts ?? []),
    job,
  };
}

/** True when a text looks like JSON (a run file) rather than links. */
export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** The name of pasted text among the sources (its links are named "pasted link 1" …). */
export const PASTED = 'pasted';

/**
 * Links in pasted text or a text file: every whitespace-separated piece with "lesson=" in it, in
 * order; `name` numbers them ("links.txt, link 3").
 */
export function linksIn(text: string, name: string): ClassSource[] {
  const pieces = text.split(/\s+/).filter((p) => p !== '');
  const links = pieces.filter((p) => /[?&]lesson=/.test(p));
  return links.map((text, i) => ({ name: links.length === 1 && name !== PASTED ? name : name === PASTED ? t('class.read.pastedLink', { n: i + 1 }) : t('class.read.fileLink', { name, n: i + 1 }), text }));
}

/**
 * Every run in the sources (a file is a run file if it looks like JSON, else a list of links),
 * in order; at most MAX_CLASS_RUNS, the rest named in `dropped`.
 */
export async function readSources(sources: readonly ClassSource[]): Promise<{ entries: ClassEntry[]; dropped: number }> {
  const entries: ClassEntry[] = [];
  let dropped = 0;
  const add = (e: ClassEntry) => {
    if (entries.length < MAX_CLASS_RUNS) entries.push(e);
    else dropped++;
  };
  for (const s of sources) {
    if (looksLikeJson(s.text)) {
      add(readRunFileEntry(s.name, s.text));
      continue;
    }
    const links = linksIn(s.text, s.name);
    if (links.length === 0) add(bad(s.name, 'link', t('class.read.neither')));
    for (const l of links) add(entries.length < MAX_CLASS_RUNS ? await readLinkEntry(l.name, l.text) : bad(l.name, 'link', ''));
  }
  return { entries, dropped };
}
