// Share links: the lesson, seed, changed settings and (when short enough) the run's event log in
// the address — readable parameters plus a compressed, base64url log — and the reading of any
// link, malformed or hostile, into a valid setup and a list of what was ignored. Pure (no DOM).
import { ENGINE_VERSION, getAtPath, listParameters, type RunEvent } from '../../../sim/index';
import type { ScenarioFile } from '../../../lessons/scenarioFile';
import { MAX_TICKS, parseRunFile, RUN_FORMAT, RUN_VERSION, type Checkpoint } from '../../lab';
import { lesson, lessons } from '../../../lessons/index';
import { withOverrides, type Overrides } from '../scenario';

/** Links longer than this (whole URL, characters) leave out the event log. */
export const LINK_LIMIT = 2000;
/** Longest query string read; longer links are ignored as a whole. */
export const MAX_QUERY_CHARS = 16_384;
/** Longest encoded event log read (characters), and its largest decoded size (bytes). */
export const MAX_LOG_CHARS = 12_000;
export const MAX_LOG_BYTES = 512 * 1024;
/** Most events and settings a link may carry. */
export const MAX_LINK_EVENTS = 2000;
export const MAX_LINK_SETTINGS = 200;

/** Parts of the page a teacher can hide in a shared link (hide=settings,seed,…). */
export const HIDEABLE = ['lesson', 'seed', 'settings', 'interventions', 'tools', 'timeline', 'runfiles'] as const;
export type Hideable = (typeof HIDEABLE)[number];
export const HIDEABLE_LABELS: Record<Hideable, string> = {
  lesson: 'lesson picker',
  seed: 'seed',
  settings: 'settings',
  interventions: 'interventions',
  tools: 'tools',
  timeline: 'timeline',
  runfiles: 'save and open run',
};

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
}

/** A link read back: always a valid setup, with what was ignored in plain words. */
export interface DecodedLink extends LinkState {
  events: RunEvent[] | null;
  ignored: string[];
  /** Whether the link named a (known) lesson. */
  named: boolean;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const LESSON_ID = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const CHECK = /^(\d{1,10})\.([0-9a-f]{16})$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A string from a link, quoted and cut short for a message (shown as text only). */
export function quote(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}

// ── base64url and compression ──

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes from base64url, or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, cap: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const canCompress = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** The event log as link text: 'z' + base64url(deflate-raw(JSON)), or 'j' + base64url(JSON). */
export async function packEvents(events: readonly RunEvent[]): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(events));
  if (canCompress()) {
    const z = await pipe(json, new CompressionStream('deflate-raw'), Infinity);
    if (z) return `z${toBase64Url(z)}`;
  }
  return `j${toBase64Url(json)}`;
}

/** The JSON value of a packed log, or a plain-words problem. */
export async function unpackEvents(text: string): Promise<{ ok: true; value: unknown } | { ok: false; problem: string }> {
  if (text.length > MAX_LOG_CHARS) return { ok: false, problem: `it is too long (${text.length} characters; at most ${MAX_LOG_CHARS})` };
  const kind = text[0];
  if (kind !== 'z' && kind !== 'j') return { ok: false, problem: 'it is not in a form Cellpost writes' };
  const raw = fromBase64Url(text.slice(1));
  if (!raw) return { ok: false, problem: 'it is not valid base64url' };
  let bytes: Uint8Array | null = raw;
  if (kind === 'z') {
    if (!canCompress()) return { ok: false, problem: 'this browser cannot read compressed logs' };
    bytes = await pipe(raw, new DecompressionStream('deflate-raw'), MAX_LOG_BYTES);
    if (!bytes) return { ok: false, problem: `it is damaged or unpacks to more than ${MAX_LOG_BYTES / 1024} KB` };
  } else if (bytes.byteLength > MAX_LOG_BYTES) return { ok: false, problem: `it is larger than ${MAX_LOG_BYTES / 1024} KB` };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'it is not UTF-8 text' };
  }
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false, problem: 'it is not valid JSON' };
  }
}

// ── validation ──

/** The first forbidden or too deep key in a JSON value (prototype pollution, runaway nesting). */
function badKey(v: unknown, depth = 0): string | null {
  if (depth > 12) return 'it is nested too deeply';
  if (v === null || typeof v !== 'object') return null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const bad = badKey(x, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  for (const k of Object.keys(v)) {
    if (FORBIDDEN.has(k)) return `it contains the key ${quote(k)}`;
    const bad = badKey((v as Record<string, unknown>)[k], depth + 1);
    if (bad) return bad;
  }
  return null;
}

/** Whether a path is one of the scenario's numeric settings (and names nothing dangerous). */
function isSetting(s: ScenarioFile, path: string, paths: Set<string>): boolean {
  return path.length <= 200 && !path.split('.').some((k) => FORBIDDEN.has(k)) && paths.has(path);
}

/** What an event refers to that the scenario does not have, or a setting it may not change. */
function eventProblem(s: ScenarioFile, e: RunEvent, paths: Set<string>): string | null {
  const has = (rec: object, id: string | undefined, what: string) => (id === undefined || Object.hasOwn(rec, id) ? null : `unknown ${what} ${quote(id)}`);
  switch (e.kind) {
    case 'set': {
      if (!isSetting(s, e.path, paths)) return `${quote(e.path)} is not a setting of this lesson`;
      if (typeof e.value !== 'number' || !Number.isFinite(e.value)) return `${quote(e.path)} must be set to a number`;
      const eff = withOverrides(s, new Map([[e.path, e.value]]));
      return 'problem' in eff ? eff.problem : null;
    }
    case 'addCells':
      return has(s.tissues, e.tissue, 'tissue') ?? has(s.cellTypes, e.type, 'cell type') ?? (e.state !== undefined && !s.cellTypes[e.type].states.includes(e.state) ? `unknown state ${quote(e.state)}` : null);
    case 'removeCells':
      return has(s.cellTypes, e.type, 'cell type') ?? has(s.tissues, e.tissue, 'tissue');
    case 'drug':
      return has(s.cellTypes, e.cellType, 'cell type');
    case 'blockLabel':
      return has(s.labels, e.label, 'label');
    case 'inject':
      return has(s.vesicleTypes, e.vesicleType, 'vesicle type') ?? has(s.tissues, e.tissue, 'tissue');
  }
}

/** A link's event log checked as a run file's events against the run's starting scenario. */
export function checkEvents(raw: unknown, s: ScenarioFile): { ok: true; events: RunEvent[] } | { ok: false; problem: string } {
  if (!Array.isArray(raw)) return { ok: false, problem: 'it is not a list of events' };
  if (raw.length > MAX_LINK_EVENTS) return { ok: false, problem: `it has ${raw.length} events; a link carries at most ${MAX_LINK_EVENTS}` };
  const bad = badKey(raw);
  if (bad) return { ok: false, problem: bad };
  const parsed = parseRunFile({ format: RUN_FORMAT, version: RUN_VERSION, engineVersion: ENGINE_VERSION, scenario: { ...s, events: [] }, seed: s.seed, events: raw, stopTick: 0, checkpoints: [] });
  if (!parsed.ok) {
    const p = parsed.problems[0];
    const where = p.path.replace(/^events\.(\d+)/, (_, i: string) => `event ${Number(i) + 1}`);
    return { ok: false, problem: `${where}: ${p.message}` };
  }
  const paths = new Set(listParameters(s).map((p) => p.path));
  for (const [i, e] of parsed.value.events.entries()) {
    const problem = eventProblem(s, e, paths);
    if (problem) return { ok: false, problem: `event ${i + 1}: ${problem}` };
  }
  return { ok: true, events: parsed.value.events };
}

function firstLesson(): ScenarioFile {
  return lessons()[0];
}

/**
 * Reads a link's query string. Never throws: whatever is malformed, unknown, out of range or
 * hostile is left out (the lesson's own value is used instead) and named in `ignored`.
 */
export async function decodeLink(search: string): Promise<DecodedLink> {
  const first = firstLesson();
  const fallback = (ignored: string[]): DecodedLink => ({ lesson: first.id, seed: first.seed, overrides: new Map(), events: null, check: null, hide: [], ignored, named: false });
  try {
    if (typeof search !== 'string') return fallback(['the link could not be read']);
    if (search.length > MAX_QUERY_CHARS) return fallback([`the link is ${search.length} characters long, more than Cellpost reads (${MAX_QUERY_CHARS}), so all of it was ignored`]);
    const q = new URLSearchParams(search);
    const ignored: string[] = [];
    const hide = readHide(q.get('hide'), ignored);
    const id = q.get('lesson');
    const sets = [...q.entries()].filter(([k]) => k.startsWith('set.'));
    const rest = sets.length > 0 || q.has('ev') || q.has('c') || q.has('seed');
    if (id === null) {
      if (rest) ignored.push('the link names no lesson, so its seed, settings and events were ignored');
      return { ...fallback(ignored), hide };
    }
    const base = LESSON_ID.test(id) ? lesson(id) : undefined;
    if (!base) {
      ignored.push(`lesson ${quote(id)}: there is no such lesson${rest ? '; its seed, settings and events were ignored too' : ''}`);
      return { ...fallback(ignored), hide };
    }
    const seed = readSeed(q.get('seed'), base.seed, ignored);
    const overrides = readSettings(base, sets, ignored);
    const eff = withOverrides(base, overrides);
    const start = 'scenario' in eff ? eff.scenario : base;
    let events: RunEvent[] | null = null;
    let check: Checkpoint | null = null;
    const ev = q.get('ev');
    if (ev !== null) {
      const unpacked = await unpackEvents(ev);
      const checked = unpacked.ok ? checkEvents(unpacked.value, start) : unpacked;
      if (checked.ok) events = checked.events;
      else ignored.push(`event log: ${checked.problem}; the run starts without it`);
    }
    const c = q.get('c');
    if (c !== null) {
      const m = CHECK.exec(c);
      if (!m || Number(m[1]) > MAX_TICKS) ignored.push(`check ${quote(c)}: not a step and a 16-digit state hash`);
      else if (ev !== null && events === null) ignored.push('check: left out with the event log');
      else check = { tick: Number(m[1]), hash: m[2] };
    }
    return { lesson: base.id, seed, overrides, events, check, hide, ignored, named: true };
  } catch (e) {
    return fallback([`the link could not be read (${e instanceof Error ? e.message : String(e)})`]);
  }
}

function readSeed(v: string | null, own: string, ignored: string[]): string {
  if (v === null) return own;
  if (v.length === 0 || v.length > 100 || CONTROL.test(v)) {
    ignored.push(`seed ${quote(v)}: a seed is 1 to 100 characters of text`);
    return own;
  }
  return v;
}

function readHide(v: string | null, ignored: string[]): Hideable[] {
  if (v === null) return [];
  const out: Hideable[] = [];
  const parts = v.split(',').map((x) => x.trim()).filter((x) => x !== '');
  for (const p of parts.slice(0, 20)) {
    if ((HIDEABLE as readonly string[]).includes(p)) {
      if (!out.includes(p as Hideable)) out.push(p as Hideable);
    } else ignored.push(`hide ${quote(p)}: not a part that can be hidden (${HIDEABLE.join(', ')})`);
  }
  if (parts.length > 20) ignored.push(`hide: only the first 20 parts were read`);
  return out;
}

function readSettings(base: ScenarioFile, sets: [string, string][], ignored: string[]): Overrides {
  const params = new Map(listParameters(base).map((p) => [p.path, p]));
  const paths = new Set(params.keys());
  const out: Overrides = new Map();
  for (const [k, v] of sets.slice(0, MAX_LINK_SETTINGS)) {
    const path = k.slice(4);
    const name = `set.${quote(path, 60).slice(1, -1)}`;
    if (!isSetting(base, path, paths)) {
      ignored.push(`${name}: not a setting of this lesson`);
      continue;
    }
    if (out.has(path)) {
      ignored.push(`${name}: given twice; the first value was used`);
      continue;
    }
    const n = Number(v);
    if (v.length > 32 || !NUMBER.test(v) || !Number.isFinite(n)) {
      ignored.push(`${name} = ${quote(v)}: not a number`);
      continue;
    }
    const p = params.get(path)!;
    if (n < p.min || n > p.max || (p.integer && !Number.isInteger(n))) {
      ignored.push(`${name} = ${v}: ${p.label} must be ${p.integer ? 'a whole number ' : ''}between ${p.min} and ${p.max}${p.unit ? ` ${p.unit}` : ''}`);
      continue;
    }
    const eff = withOverrides(base, new Map([[path, n]]));
    if ('problem' in eff) {
      ignored.push(`${name} = ${v}: ${eff.problem}`);
      continue;
    }
    if (getAtPath(base, path) !== n) out.set(path, n);
  }
  if (sets.length > MAX_LINK_SETTINGS) ignored.push(`settings: only the first ${MAX_LINK_SETTINGS} were read`);
  if (out.size > 0) {
    const all = withOverrides(base, out);
    if ('problem' in all) {
      ignored.push(`settings: together they are not valid (${all.problem}), so the lesson's own were used`);
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
