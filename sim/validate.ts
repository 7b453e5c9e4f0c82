// Turning untrusted input (a scenario file, a --set value) into a validated scenario, with
// every problem listed by its path in plain words. Never throws.
import type { z } from 'zod';
import { Scenario, type Scenario as ScenarioT } from './schema';

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
    return r.success ? { ok: true, value: r.data } : { ok: false, problems: problemsOf(r.error) };
  } catch (e) {
    return { ok: false, problems: [{ path: '(top level)', message: `could not read the scenario: ${(e as Error).message}` }] };
  }
}

/** One line per problem, for terminals and notices. */
export function describeProblems(problems: Problem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
