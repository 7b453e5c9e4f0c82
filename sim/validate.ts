// Turning untrusted input (a scenario file, a changed setting) into a validated scenario, with
// every problem listed by its path in plain words: the schema and its id cross-references
// (schema.ts, references.ts), then the settings paths and metric names it uses (uses.ts). Never throws.
import type { z } from 'zod';
import { Scenario, type Scenario as ScenarioT } from './schema';
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

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Validates a scenario object (for example parsed JSON), filling in defaults. */
export function parseScenario(input: unknown): Parsed<ScenarioT> {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return { ok: false, problems: [{ path: '(top level)', message: 'a scenario must be a JSON object' }] };
  try {
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
