// Share links: the lesson, seed, changed settings and (when short enough) the run's event log in
// the address — readable parameters plus a packed log (pack.ts) — and the reading of any link,
// malformed or hostile, into a valid setup and a list of what was ignored. Pure (no DOM): the
// app's share dialog (src/app/share/) and any other host use the same codec. The event log is
// checked by the lab's event checks (src/lab/events.ts), which defer to the engine's. The lesson a
// link names is loaded on demand (lessons/library.ts).
import { getAtPath, listParameters } from '../../../sim/params';
import type { RunEvent } from '../../../sim/events';
import { firstLessonId, lessonEntry, loadLesson } from '../../../lessons/library';
import { checkEventLog, isSetting, type EventLogCheck } from '../events';
import { isNumberText } from '../numbers';
import { quote } from '../quote';
import { MAX_TICKS, type Checkpoint } from '../runfile';
import { withOverrides, type Overrides } from '../settings';
import { packEvents, unpackEvents } from './pack';
import { predictionsText, readPredictionsText } from './predictionParam';
import type { Prediction } from '../predictions';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { t } from '../fileWords';

export { LINK_LIMIT, MAX_QUERY_CHARS, MAX_LINK_EVENTS, MAX_LINK_SETTINGS, HIDEABLE, LOCKABLE, type Hideable, type Lockable, type LinkMode } from './parts';
import { LINK_LIMIT, MAX_QUERY_CHARS, MAX_LINK_EVENTS, MAX_LINK_SETTINGS, HIDEABLE, LOCKABLE, type Hideable, type Lockable, type LinkMode } from './parts';

/** What a link says. */
export interface LinkState {
  lesson: string;
  seed: string;
  /** Settings that differ from the lesson: as the run started when the log is carried. */
  overrides: Overrides;
  /** The run's events (applied and waiting), or null for none. */
  events: readonly RunEvent[] | null;
  /** A state hash the receiver checks when its run passes that tick. */
  check: Checkpoint | null;
  hide: readonly Hideable[];
  /** Parts shown but locked (none when absent). */
  lock?: readonly Lockable[];
  /** The screen it opens in (Learn when absent). */
  mode?: LinkMode;
  /** The learner's committed answers to the lesson's prompts (none when absent). */
  predictions?: readonly Prediction[];
  /** The language it opens in ("nb"); English, the default, is left out. The app checks it when read. */
  lang?: string;
}

/** A link read back: always a valid setup, with what was ignored in plain words. */
export interface DecodedLink extends LinkState {
  events: RunEvent[] | null;
  lock: Lockable[];
  mode: LinkMode;
  predictions: Prediction[];
  ignored: string[];
  /** Whether the link named a (known) lesson. */
  named: boolean;
}

const LESSON_ID = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const CHECK = /^(\d{1,10})\.([0-9a-f]{16})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A link's event log checked against the run's starting scenario: only settings may be set. */
export function checkLinkEvents(raw: unknown, s: ScenarioFile): EventLogCheck {
  return checkEventLog(raw, s, { maxEvents: MAX_LINK_EVENTS, settingsOnly: true });
}

function firstLesson(): { id: string; seed: string } {
  const id = firstLessonId();
  return { id, seed: lessonEntry(id)?.seed ?? '1' };
}

/**
 * Reads a link's query string. Never throws: whatever is malformed, unknown, out of range or
 * hostile is left out (the lesson's own value is used instead) and named in `ignored`.
 */
/** How a refused setting is named in a message: the page passes its translated labels and units (default: the schema's English). */
export interface LinkWords {
  setting?: (label: string) => string;
  unit?: (unit: string) => string;
}

export async function decodeLink(search: string, words: LinkWords = {}): Promise<DecodedLink> {
  const first = firstLesson();
  const fallback = (ignored: string[]): DecodedLink => ({ lesson: first.id, seed: first.seed, overrides: new Map(), events: null, check: null, hide: [], lock: [], mode: 'learn', predictions: [], ignored, named: false });
  try {
    if (typeof search !== 'string') return fallback([t('files.link.unreadable')]);
    if (search.length > MAX_QUERY_CHARS) return fallback([t('files.link.tooLong', { n: search.length, max: MAX_QUERY_CHARS })]);
    const q = new URLSearchParams(search);
    const ignored: string[] = [];
    const hide = readParts(q.get('hide'), HIDEABLE, 'hide', ignored);
    const lock = readParts(q.get('lock'), LOCKABLE, 'lock', ignored);
    const mode = readMode(q.get('mode'), ignored);
    const id = q.get('lesson');
    const sets = [...q.entries()].filter(([k]) => k.startsWith('set.'));
    const rest = sets.length > 0 || q.has('ev') || q.has('c') || q.has('seed') || q.has('p');
    if (id === null) {
      if (rest) ignored.push(t('files.link.noLesson'));
      return { ...fallback(ignored), hide, lock, mode };
    }
    const base = LESSON_ID.test(id) ? await loadLesson(id) : undefined;
    if (!base) {
      ignored.push(t(rest ? 'files.link.unknownLessonRest' : 'files.link.unknownLesson', { id: quote(id) }));
      return { ...fallback(ignored), hide, lock, mode };
    }
    const seed = readSeed(q.get('seed'), base.seed, ignored);
    const overrides = readSettings(base, sets, ignored, words);
    const eff = withOverrides(base, overrides);
    const start = 'scenario' in eff ? eff.scenario : base;
    let events: RunEvent[] | null = null;
    let check: Checkpoint | null = null;
    const ev = q.get('ev');
    if (ev !== null) {
      const unpacked = await unpackEvents(ev);
      const checked = unpacked.ok ? checkLinkEvents(unpacked.value, start) : unpacked;
      if (checked.ok) events = checked.events;
      else ignored.push(t('files.link.events', { problem: checked.problem }));
    }
    const c = q.get('c');
    if (c !== null) {
      const m = CHECK.exec(c);
      if (!m || Number(m[1]) > MAX_TICKS) ignored.push(t('files.link.check', { c: quote(c) }));
      else if (ev !== null && events === null) ignored.push(t('files.link.checkWithLog'));
      else check = { tick: Number(m[1]), hash: m[2] };
    }
    let predictions: Prediction[] = [];
    const p = q.get('p');
    if (p !== null) {
      const read = readPredictionsText(p, base.lesson?.prompts ?? []);
      if (read.ok) predictions = read.value;
      else ignored.push(t('files.link.predictions', { p: quote(p, 60), problem: read.problem }));
    }
    return { lesson: base.id, seed, overrides, events, check, hide, lock, mode, predictions, ignored, named: true };
  } catch (e) {
    return fallback([t('files.link.unreadableDetail', { detail: e instanceof Error ? e.message : String(e) })]);
  }
}

function readSeed(v: string | null, own: string, ignored: string[]): string {
  if (v === null) return own;
  if (v.length === 0 || v.length > 100 || CONTROL.test(v)) {
    ignored.push(t('files.link.seed', { seed: quote(v) }));
    return own;
  }
  return v;
}

/** A comma-separated list of page parts (hide=…, lock=…): known names only, each once. */
function readParts<T extends string>(v: string | null, known: readonly T[], key: 'hide' | 'lock', ignored: string[]): T[] {
  if (v === null) return [];
  const out: T[] = [];
  const parts = v.split(',').map((x) => x.trim()).filter((x) => x !== '');
  for (const p of parts.slice(0, 20)) {
    if ((known as readonly string[]).includes(p)) {
      if (!out.includes(p as T)) out.push(p as T);
    } else ignored.push(t('files.link.part', { key, part: quote(p), known: known.join(', ') }));
  }
  if (parts.length > 20) ignored.push(t('files.link.partsFirst', { key, n: 20 }));
  return out;
}

function readMode(v: string | null, ignored: string[]): LinkMode {
  if (v === null || v === 'learn') return 'learn';
  if (v === 'lab') return 'lab';
  ignored.push(t('files.link.mode', { mode: quote(v) }));
  return 'learn';
}

function readSettings(base: ScenarioFile, sets: [string, string][], ignored: string[], words: LinkWords): Overrides {
  const params = new Map(listParameters(base).map((p) => [p.path, p]));
  const paths = new Set(params.keys());
  const out: Overrides = new Map();
  for (const [k, v] of sets.slice(0, MAX_LINK_SETTINGS)) {
    const path = k.slice(4);
    const name = `set.${quote(path, 60).slice(1, -1)}`;
    if (!isSetting(path, paths)) {
      ignored.push(t('files.link.set.unknown', { name }));
      continue;
    }
    if (out.has(path)) {
      ignored.push(t('files.link.set.twice', { name }));
      continue;
    }
    const n = Number(v);
    if (v.length > 32 || !isNumberText(v) || !Number.isFinite(n)) {
      ignored.push(t('files.link.set.notNumber', { name, value: quote(v) }));
      continue;
    }
    const p = params.get(path)!;
    if (n < p.min || n > p.max || (p.integer && !Number.isInteger(n))) {
      ignored.push(t(p.integer ? 'files.link.set.rangeWhole' : 'files.link.set.range', { name, value: v, label: words.setting?.(p.label) ?? p.label, min: p.min, max: p.max, unit: p.unit ? ` ${words.unit?.(p.unit) ?? p.unit}` : '' }));
      continue;
    }
    const eff = withOverrides(base, new Map([[path, n]]));
    if ('problem' in eff) {
      ignored.push(t('files.link.set.invalid', { name, value: v, problem: eff.problem }));
      continue;
    }
    if (getAtPath(base, path) !== n) out.set(path, n);
  }
  if (sets.length > MAX_LINK_SETTINGS) ignored.push(t('files.link.set.first', { n: MAX_LINK_SETTINGS }));
  if (out.size > 0) {
    const all = withOverrides(base, out);
    if ('problem' in all) {
      ignored.push(t('files.link.set.together', { problem: all.problem }));
      return new Map();
    }
  }
  return out;
}

export interface EncodedLink {
  url: string;
  /** The event log had to be left out to keep the link short. */
  logDropped: boolean;
  /** Events the link carries. */
  events: number;
}

/**
 * The link for a run. With its events when the whole link stays within `limit` characters;
 * otherwise without them, carrying `settingsOnly` (the settings as Reset would use them).
 */
export async function encodeLink(state: LinkState, settingsOnly: Overrides, base: string, opts: { limit?: number; withCheck?: boolean } = {}): Promise<EncodedLink> {
  const limit = opts.limit ?? LINK_LIMIT;
  const head = (overrides: Overrides) => {
    const q = new URLSearchParams();
    q.set('lesson', state.lesson);
    q.set('seed', state.seed);
    for (const [k, v] of overrides) q.set(`set.${k}`, String(v));
    if (state.hide.length > 0) q.set('hide', state.hide.join(','));
    if (state.lock && state.lock.length > 0) q.set('lock', state.lock.join(','));
    if (state.mode === 'lab') q.set('mode', 'lab');
    const p = predictionsText(state.predictions ?? []);
    if (p !== '') q.set('p', p);
    if (state.lang && state.lang !== 'en') q.set('lang', state.lang);
    return q;
  };
  const events = state.events ?? [];
  const q = head(state.overrides);
  if (opts.withCheck && state.check) q.set('c', `${state.check.tick}.${state.check.hash}`);
  if (events.length > 0) q.set('ev', await packEvents(events));
  const url = `${base}?${q.toString()}`;
  if (url.length <= limit || events.length === 0) return { url, logDropped: false, events: events.length };
  return { url: `${base}?${head(settingsOnly).toString()}`, logDropped: true, events: 0 };
}
