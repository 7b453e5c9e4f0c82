// Settings: a scenario's numbers changed by parameter path (a lesson with the user's sliders, a
// link's set.<path>=<value>), applied and validated in one place, so Reset, links and sweeps
// reproduce the same start every time.
import { setAtPath } from '../../sim/params';
import { describeProblems } from '../../sim/validate';
import { parseScenarioFile, type ScenarioFile } from '../../lessons/scenarioFile';

export type Overrides = Map<string, number>;

/** The scenario with overrides applied; an error message instead when they do not validate. */
export function withOverrides(base: ScenarioFile, overrides: Overrides): { scenario: ScenarioFile } | { problem: string } {
  if (overrides.size === 0) return { scenario: base };
  let raw: unknown = base;
  try {
    for (const [path, value] of overrides) raw = setAtPath(raw, path, value);
  } catch (e) {
    return { problem: (e as Error).message };
  }
  const parsed = parseScenarioFile(raw);
  return parsed.ok ? { scenario: parsed.value } : { problem: describeProblems(parsed.problems) };
}
