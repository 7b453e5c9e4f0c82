// Reading a sweep's description (pure): varied values as lists and start:end:step ranges, seed
// lists, shards, and the numbering of runs 1…N in a fixed order, so shards, workers, resumed
// sweeps and both hosts always agree on which run is which. Messages name the value, never a
// command-line flag or a form field: each host words where the value came from.
import { canonicalJson } from '../../../sim/hash';
import { isNumberText } from '../numbers';
import { t } from './messages';

/** Most runs one sweep may have (a larger one is refused before it starts). */
export const MAX_SWEEP_RUNS = 100_000;

export type SweepParsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** One varied parameter: its path and its values as text (each to be checked like a setting). */
export interface VarySpec {
  path: string;
  values: string[];
}

export interface Shard {
  /** 1 … count */
  index: number;
  count: number;
}

const fail = (message: string) => ({ ok: false as const, message });

/** a:b:step as a list of numbers from a up to b (inclusive within rounding), as text. */
function expandRange(item: string, limit: number): SweepParsed<string[]> {
  const parts = item.split(':');
  const [a, b, step] = parts.map(Number);
  if (parts.length !== 3 || !parts.every(isNumberText) || ![a, b, step].every(Number.isFinite))
    return fail(t('labtools.parse.rangeShape', { item }));
  if (step <= 0) return fail(t('labtools.parse.rangeStep', { item }));
  if (b < a) return fail(t('labtools.parse.rangeBackwards', { item, reversed: `${parts[1]}:${parts[0]}:${parts[2]}` }));
  const n = Math.floor((b - a) / step + 1e-9) + 1;
  if (n > limit) return fail(t('labtools.parse.rangeTooMany', { item, n: n.toExponential(2), limit }));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(String(Number((a + i * step).toPrecision(12))));
  return { ok: true, value: out };
}

/** "v1,v2,a:b:step,…" → every value as text, ranges expanded, none empty or repeated. */
export function parseValueList(text: string, limit = MAX_SWEEP_RUNS): SweepParsed<string[]> {
  const values: string[] = [];
  for (const item of text.split(',')) {
    if (item.trim() === '') return fail(t('labtools.parse.emptyValue', { text }));
    const parts = item.split(':');
    if (parts.length === 3 && parts.every(isNumberText)) {
      const r = expandRange(item.trim(), limit - values.length);
      if (!r.ok) return r;
      values.push(...r.value);
    } else values.push(item);
    if (values.length > limit) return fail(t('labtools.parse.tooManyValues', { limit }));
  }
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return fail(t('labtools.parse.valueTwice', { value: v }));
    seen.add(v);
  }
  return { ok: true, value: values };
}

/** "path=v1,v2,a:b:step,…" → the path and every value as text, ranges expanded. */
export function parseVary(text: string, limit = MAX_SWEEP_RUNS): SweepParsed<VarySpec> {
  const eq = text.indexOf('=');
  if (eq <= 0) return fail(t('labtools.parse.varyShape', { text }));
  const path = text.slice(0, eq).trim();
  const values = parseValueList(text.slice(eq + 1), limit);
  return values.ok ? { ok: true, value: { path, values: values.value } } : fail(`${path}: ${values.message}`);
}

/** "1-20", "1,2,7", "1-5,9,tumour-a": whole-number ranges and single seeds, in order. */
export function parseSeeds(text: string, limit = MAX_SWEEP_RUNS): SweepParsed<string[]> {
  const out: string[] = [];
  const tooMany = fail(t('labtools.parse.tooManySeeds', { limit }));
  for (const item of text.split(',')) {
    const range = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(item);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from) return fail(t('labtools.parse.seedsBackwards', { item: item.trim(), reversed: `${to}-${from}` }));
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to - from + 1 > limit - out.length) return tooMany;
      for (let s = from; s <= to; s++) out.push(String(s));
    } else {
      if (item.trim() === '' || item.length > 100) return fail(t('labtools.parse.seedShape', { text: text.slice(0, 40) }));
      out.push(item.trim());
    }
    if (out.length > limit) return tooMany;
  }
  const seen = new Set<string>();
  for (const s of out) {
    if (seen.has(s)) return fail(t('labtools.parse.seedTwice', { seed: s }));
    seen.add(s);
  }
  return { ok: true, value: out };
}

/** "i/n" with 1 ≤ i ≤ n: this job runs every n-th run, starting with run i. */
export function parseShard(text: string): SweepParsed<Shard> {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return fail(t('labtools.parse.shardShape', { text }));
  const [index, count] = [Number(m[1]), Number(m[2])];
  const shard = text.trim();
  if (count < 1) return fail(t('labtools.parse.shardAtLeast1', { shard }));
  if (count > MAX_SWEEP_RUNS) return fail(t('labtools.parse.shardAtMost', { shard, max: MAX_SWEEP_RUNS }));
  if (index < 1 || index > count) return fail(t('labtools.parse.shardIndex', { shard, count }));
  return { ok: true, value: { index, count } };
}

/** Number of runs: product of the value counts × seeds, or undefined when it exceeds `limit`. */
export function countRuns(valueCounts: readonly number[], seeds: number, limit = MAX_SWEEP_RUNS): number | undefined {
  let n = seeds;
  for (const c of valueCounts) {
    n *= c;
    if (n > limit) return undefined;
  }
  return n > limit ? undefined : n;
}

/**
 * Run r (1…N): the index of each varied parameter's value and the seed index. The first varied
 * parameter changes slowest and the seed fastest, so runs 1…S are the first combination's seeds.
 */
export function runAt(run: number, valueCounts: readonly number[], seeds: number): { values: number[]; seed: number } {
  let rest = run - 1;
  const seed = rest % seeds;
  rest = Math.floor(rest / seeds);
  const values = new Array<number>(valueCounts.length);
  for (let k = valueCounts.length - 1; k >= 0; k--) {
    values[k] = rest % valueCounts[k];
    rest = Math.floor(rest / valueCounts[k]);
  }
  return { values, seed };
}

/** Whether run r belongs to shard i/n: runs i, i+n, i+2n, … (balanced across combinations). */
export function inShard(run: number, shard: Shard): boolean {
  return (run - 1) % shard.count === shard.index - 1;
}

/** A 12-hex-digit id of everything that decides a sweep's results (key order does not matter). */
export function sweepId(parts: unknown): string {
  const text = canonicalJson(parts);
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return ((a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')).slice(0, 12);
}
