// Parameters by path: reading and writing scenario values at dotted paths
// ("cellTypes.tumour.release.0.perHour"), and listing every adjustable number with the unit,
// range, label and help that the schema attaches to it (for the app's panel and the CLI).
import type { z } from 'zod';
import { ScenarioShape, type ParamMeta, type Scenario } from './schema';

export interface ParamInfo extends ParamMeta {
  path: string;
  value: number;
}

export function splitPath(path: string): string[] {
  return path.split('.').filter((k) => k.length > 0);
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The value at a path, or undefined when the path leads nowhere. */
export function getAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of splitPath(path)) {
    if (node === null || typeof node !== 'object' || !own(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A deep copy of root with the value at path replaced; throws with a clear message if the path does not exist. */
export function setAtPath<T>(root: T, path: string, value: unknown): T {
  const keys = splitPath(path);
  if (keys.length === 0) throw new Error('empty parameter path');
  const copy = structuredClone(root) as unknown;
  let node = copy as Record<string, unknown>;
  for (let k = 0; k < keys.length - 1; k++) {
    const next = own(node, keys[k]) ? node[keys[k]] : undefined;
    if (next === null || typeof next !== 'object') throw new Error(`unknown parameter "${path}": nothing at "${keys.slice(0, k + 1).join('.')}"`);
    node = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (!own(node, last)) throw new Error(`unknown parameter "${path}"`);
  if (['__proto__', 'constructor', 'prototype'].includes(last)) throw new Error(`unknown parameter "${path}"`);
  node[last] = value;
  return copy as T;
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> } };

function metaOf(schema: AnySchema): ParamMeta | undefined {
  const meta = (schema as unknown as { meta: () => unknown }).meta?.() as ParamMeta | undefined;
  return meta && meta.kind === 'param' ? meta : undefined;
}

/** Strips default/optional/pipe wrappers, keeping the first param metadata met on the way. */
function unwrap(schema: AnySchema): { inner: AnySchema; meta?: ParamMeta } {
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

function walk(schema: AnySchema, value: unknown, path: string[], out: ParamInfo[]): void {
  const { inner, meta } = unwrap(schema);
  if (typeof value === 'number') {
    if (meta) out.push({ ...meta, path: path.join('.'), value });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const def = inner._zod.def;
  if (def.type === 'object') {
    const shape = def.shape as Record<string, AnySchema>;
    for (const [k, s] of Object.entries(shape)) if (own(value, k)) walk(s, (value as Record<string, unknown>)[k], [...path, k], out);
  } else if (def.type === 'record') {
    for (const [k, v] of Object.entries(value)) walk(def.valueType as AnySchema, v, [...path, k], out);
  } else if (def.type === 'array' && Array.isArray(value)) {
    value.forEach((v, i) => walk(def.element as AnySchema, v, [...path, String(i)], out));
  }
}

/** Every adjustable number in a scenario, in a fixed order, with its metadata and current value. */
export function listParameters(s: Scenario): ParamInfo[] {
  const out: ParamInfo[] = [];
  walk(ScenarioShape as unknown as AnySchema, s, [], out);
  return out;
}

/** The metadata of one parameter path, or undefined when the path is not an adjustable number. */
export function parameterAt(s: Scenario, path: string): ParamInfo | undefined {
  return listParameters(s).find((p) => p.path === path);
}
