// Turning untrusted input (a scenario file, a changed setting) into a validated scenario, with
// every problem listed by its path in plain words: the schema and its id cross-references
// (schema.ts, references.ts), then the settings paths and metric names it uses (uses.ts). Never throws.
import type { z } from 'zod';
import { LIST_LIMITS, Scenario, type Scenario as ScenarioT } from './schema';
import { checkUses } from './uses';
import { substepProblems } from './rules/diffusion';

export interface Problem {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.') || '(top level)';
}

/** A schema message in plain words, as run files word it: "missing (expected string)", "expected number, got string". */
function plain(message: string): string {
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (type) return type[2] === 'undefined' ? `missing (expected ${type[1]})` : `expected ${type[1]}, got ${type[2]}`;
  return message;
}

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: plain(i.message) }));
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Entries of a record or items of a list, counted without walking a huge one. */
function size(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (!isObject(v)) return 0;
  let n = 0;
  for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) n++;
  return n;
}

/**
 * The first list over its limit, found before the schema reads a single entry of it, so a file
 * with a million signals or barriers is refused at once (the schema holds the same limits).
 */
export function oversized(input: Record<string, unknown>): Problem | null {
  const over = (path: string, v: unknown, max: number, what: string): Problem | null => (size(v) > max ? { path, message: `at most ${max} ${what}` } : null);
  const L = LIST_LIMITS;
  const top: [string, number, string][] = [
    ['signals', L.signals, 'signals'],
    ['labels', L.labels, 'labels'],
    ['receptors', L.receptors, 'receptors'],
    ['vesicleTypes', L.vesicleTypes, 'vesicle types'],
    ['cellTypes', L.cellTypes, 'cell types'],
    ['tissues', L.tissues, 'tissues'],
    ['affinity', L.affinityLabels, 'labels'],
  ];
  for (const [key, max, what] of top) {
    const p = over(key, input[key], max, what);
    if (p) return p;
  }
  const each = (key: string, lists: [string, number, string][]): Problem | null => {
    const rec = input[key];
    if (!isObject(rec)) return null;
    for (const [id, v] of Object.entries(rec)) {
      if (!isObject(v)) continue;
      for (const [list, max, what] of lists) {
        const p = over(`${key}.${id}.${list}`, v[list], max, what);
        if (p) return p;
      }
    }
    return null;
  };
  return (
    each('tissues', [
      ['vessels', L.vessels, 'vessels per tissue'],
      ['barriers', L.barriers, 'barriers per tissue'],
      ['cells', L.placements, 'placements per tissue'],
    ]) ??
    each('cellTypes', [
      ['transitions', L.transitions, 'transitions per cell type'],
      ['release', L.releases, 'releases per cell type'],
    ]) ??
    over('events', input.events, L.events, 'events')
  );
}

/** Validates a scenario object (for example parsed JSON), filling in defaults. */
export function parseScenario(input: unknown): Parsed<ScenarioT> {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, problems: [{ path: '(top level)', message: 'a scenario must be a JSON object' }] };
  try {
    const big = oversized(input as Record<string, unknown>);
    if (big) return { ok: false, problems: [big] };
    const r = Scenario.safeParse(input);
    if (!r.success) return { ok: false, problems: problemsOf(r.error) };
    const uses = [...substepProblems(r.data), ...checkUses(r.data)];
    return uses.length === 0 ? { ok: true, value: r.data } : { ok: false, problems: uses.map((p) => ({ path: formatPath(p.path), message: p.message })) };
  } catch (e) {
    return { ok: false, problems: [{ path: '(top level)', message: `could not read the scenario: ${(e as Error).message}` }] };
  }
}

/** One line per problem, for terminals and notices. */
export function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
