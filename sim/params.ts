// Settings by path: the one resolver for every dotted path a user may set
// ("cellTypes.tumour.release.0.perHour"), whether it comes as a command-line setting, a sweep's
// varied value, a `set` event in a run file or link, a cohort group or the app's panel. A path is a
// setting only when the schema says so — a number carrying param() metadata (unit, range, label,
// help), a list of label or receptor ids, or the scheduled events as a whole (before a run) — and
// it is walked over own keys only, so "length", "__proto__", "constructor", inherited names and
// list indices out of range are refused in words.
import type { z } from 'zod';
import { ScenarioShape, type EventsMeta, type IdsMeta, type ParamMeta, type Scenario } from './schema';
import { didYouMean } from './suggest';
import { unknownName } from './references';

/** An adjustable number: its metadata, path and current value. */
export interface ParamInfo extends ParamMeta {
  path: string;
  value: number;
}

/** A settable list of ids: its metadata, path and current value. */
export interface IdListInfo extends IdsMeta {
  path: string;
  value: string[];
}

/** The scenario's scheduled events, replaced as a whole (before a run only). */
export interface EventListInfo extends EventsMeta {
  path: string;
  value: unknown[];
}

export type Setting = ParamInfo | IdListInfo | EventListInfo;
type Meta = ParamMeta | IdsMeta | EventsMeta;

/** The longest path accepted (characters). */
export const MAX_PATH = 200;

export function splitPath(path: string): string[] {
  return path.split('.');
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const INDEX = /^(0|[1-9][0-9]{0,8})$/;

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> } };

function metaOf(schema: AnySchema): Meta | undefined {
  const meta = (schema as unknown as { meta: () => unknown }).meta?.() as Meta | undefined;
  return meta && (meta.kind === 'param' || meta.kind === 'ids' || meta.kind === 'events') ? meta : undefined;
}

/** unwrap() results by schema (schemas never change, and reading zod metadata is slow). */
const unwrapped = new WeakMap<AnySchema, { inner: AnySchema; meta?: Meta }>();

/** Strips default/optional/pipe wrappers, keeping the first setting metadata met on the way. */
function unwrap(schema: AnySchema): { inner: AnySchema; meta?: Meta } {
  let hit = unwrapped.get(schema);
  if (!hit) unwrapped.set(schema, (hit = unwrapUncached(schema)));
  return hit;
}

function unwrapUncached(schema: AnySchema): { inner: AnySchema; meta?: Meta } {
  let s = schema;
  let meta = metaOf(s);
  for (let k = 0; k < 10; k++) {
    const def = s._zod.def;
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as AnySchema | undefined;
    if (!inner) break;
    s = inner;
    meta = meta ?? metaOf(s);
  }
  return { inner: s, meta };
}

/** The setting at (schema, value), or undefined when the schema does not describe one there. */
function settingAt(meta: Meta | undefined, value: unknown, path: string): Setting | undefined {
  if (meta?.kind === 'param' && typeof value === 'number') return { ...meta, path, value };
  if (meta?.kind === 'ids' && Array.isArray(value) && value.every((v) => typeof v === 'string')) return { ...meta, path, value: value as string[] };
  if (meta?.kind === 'events' && Array.isArray(value)) return { ...meta, path, value: value as unknown[] };
  return undefined;
}

const names = (rec: object) => {
  const k = Object.keys(rec);
  return k.length === 0 ? 'none' : k.length <= 8 ? k.join(', ') : `${k.slice(0, 8).join(', ')} …`;
};

/** Walks a path over own keys, following the schema; the setting there, or why there is none. */
function walkPath(root: unknown, path: string): Setting | string {
  if (typeof path !== 'string' || path.length === 0) return 'the path is empty';
  if (path.length > MAX_PATH) return `the path is longer than ${MAX_PATH} characters`;
  const keys = splitPath(path);
  let schema = ScenarioShape as unknown as AnySchema;
  let value = root;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const where = i === 0 ? 'the scenario' : keys.slice(0, i).join('.');
    if (k === '') return 'a part of the path is empty (two dots, or a dot at an end)';
    const { inner } = unwrap(schema);
    const def = inner._zod.def;
    if (value === null || typeof value !== 'object') return `${where} is a single value, with no parts`;
    const node = value as Record<string, unknown>;
    if (def.type === 'object' && !Array.isArray(value)) {
      const shape = def.shape as Record<string, AnySchema>;
      if (!own(shape, k) || !own(node, k)) return `${where} has no part "${k}"`;
      schema = shape[k];
      value = node[k];
    } else if (def.type === 'record' && !Array.isArray(value)) {
      if (!own(node, k)) return `${where} has no "${k}" (it has: ${names(node)})`;
      schema = def.valueType as AnySchema;
      value = node[k];
    } else if (def.type === 'array' && Array.isArray(value)) {
      const n = value.length;
      if (!INDEX.test(k) || Number(k) >= n)
        return n === 0 ? `${where} is an empty list` : `${where} is a list of ${n}: its entries are numbered 0 to ${n - 1}, and "${k}" is none of them`;
      schema = def.element as AnySchema;
      value = value[Number(k)];
    } else return `${where} has no settings inside`;
  }
  const setting = settingAt(unwrap(schema).meta, value, path);
  return setting ?? `${path} is not a setting (settings are the numbers with a unit and range, the label and receptor lists, and the scheduled events)`;
}

export type Resolved = { ok: true; setting: Setting } | { ok: false; message: string };

/**
 * The setting a path names in a scenario, or a message saying why it names none (with the
 * closest real settings as suggestions). The only way paths are read or written.
 */
export function resolveSetting(root: unknown, path: string): Resolved {
  const r = walkPath(root, path);
  if (typeof r !== 'string') return { ok: true, setting: r };
  let hint = '';
  if (root !== null && typeof root === 'object' && typeof path === 'string' && path.length <= MAX_PATH)
    hint = didYouMean(path, listSettings(root as Scenario).map((p) => p.path));
  return { ok: false, message: `unknown setting "${String(path).slice(0, MAX_PATH)}": ${r}${hint}` };
}

/** The value of the setting at a path, or undefined when the path names no setting. */
export function getAtPath(root: unknown, path: string): unknown {
  const r = walkPath(root, path);
  return typeof r === 'string' ? undefined : r.value;
}

/**
 * A deep copy of root with the setting at path replaced by value; throws with a clear message
 * when the path names no setting. The value itself is checked when the result is validated.
 */
export function setAtPath<T>(root: T, path: string, value: unknown): T {
  const r = resolveSetting(root, path);
  if (!r.ok) throw new Error(r.message);
  const copy = structuredClone(root) as unknown;
  const keys = splitPath(path);
  let node = copy as Record<string, unknown>;
  for (let k = 0; k < keys.length - 1; k++) node = node[keys[k]] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
  return copy as T;
}

function walk(schema: AnySchema, value: unknown, path: string[], out: Setting[]): void {
  const { inner, meta } = unwrap(schema);
  const setting = settingAt(meta, value, path.join('.'));
  if (setting) {
    out.push(setting);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const def = inner._zod.def;
  if (def.type === 'object' && !Array.isArray(value)) {
    const shape = def.shape as Record<string, AnySchema>;
    for (const [k, s] of Object.entries(shape)) if (own(value, k)) walk(s, (value as Record<string, unknown>)[k], [...path, k], out);
  } else if (def.type === 'record' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) walk(def.valueType as AnySchema, v, [...path, k], out);
  } else if (def.type === 'array' && Array.isArray(value)) {
    value.forEach((v, i) => walk(def.element as AnySchema, v, [...path, String(i)], out));
  }
}

/** Every setting of a scenario (numbers and id lists), in a fixed order, with metadata and current value. */
export function listSettings(s: Scenario): Setting[] {
  const out: Setting[] = [];
  walk(ScenarioShape as unknown as AnySchema, s, [], out);
  return out;
}

/** Every adjustable number in a scenario, in a fixed order, with its metadata and current value. */
export function listParameters(s: Scenario): ParamInfo[] {
  return listSettings(s).filter((p): p is ParamInfo => p.kind === 'param');
}

/** The metadata of one parameter path, or undefined when the path is not an adjustable number. */
export function parameterAt(s: Scenario, path: string): ParamInfo | undefined {
  const r = walkPath(s, path);
  return typeof r !== 'string' && r.kind === 'param' ? r : undefined;
}

/** Why a setting cannot change while a run goes on (it shapes the scene, or is fixed), or null. */
export function fixedDuringRun(setting: Setting): string | null {
  const k = splitPath(setting.path);
  if ((k[0] === 'tissues' && (k[2] === 'cells' || k[2] === 'width' || k[2] === 'height')) || k[0] === 'limits' || setting.kind === 'events')
    return `"${setting.path}" shapes the scene and cannot change during a run; set it before starting`;
  if (setting.kind === 'param' && setting.live === false) return `"${setting.path}" (${setting.label}) cannot change during a run; set it before starting`;
  return null;
}

/** Why a value does not fit a setting (a number in range, or declared ids), or null when it fits. */
export function valueProblem(s: Scenario, setting: Setting, value: unknown): string | null {
  if (setting.kind === 'param') {
    const unit = setting.unit ? ` ${setting.unit}` : '';
    if (typeof value !== 'number' || !Number.isFinite(value)) return `${setting.path} (${setting.label}) must be a number${unit ? ` (${setting.unit})` : ''}`;
    if (value < setting.min || value > setting.max) return `${setting.path} (${setting.label}) must be between ${setting.min} and ${setting.max}${unit}; got ${value}`;
    if (setting.integer && !Number.isInteger(value)) return `${setting.path} (${setting.label}) must be a whole number; got ${value}`;
    return null;
  }
  if (setting.kind === 'events') return Array.isArray(value) ? null : `${setting.path} (${setting.label}) must be a list of events`;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return `${setting.path} (${setting.label}) must be a list of ${setting.of} ids, like ${JSON.stringify(setting.value)}`;
  const declared = s[setting.of];
  for (const id of value as string[]) if (!own(declared, id)) return `${setting.path}: ${unknownName(setting.of.slice(0, -1), id, Object.keys(declared))}`;
  return null;
}
