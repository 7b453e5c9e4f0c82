// The scenario of one sweep run: the base scenario (after --set) with that run's --vary values
// applied in order and validated once. Used by the main thread (to check every combination
// before starting) and by the worker threads (to build each run), so both agree exactly.
import { parseScenario, setAtPath, type Parsed, type Scenario } from '../../../sim/index';

export interface Override {
  path: string;
  value: unknown;
}

export function comboScenario(base: Scenario, sets: readonly Override[]): Parsed<Scenario> {
  let s: unknown = base;
  for (const o of sets) s = setAtPath(s, o.path, o.value);
  return parseScenario(s);
}
