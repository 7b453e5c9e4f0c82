// Which settings a run's starting scenario changes from its lesson: the numbers a share link
// carries as set.<path>=<value>. Null when the scenario differs in ways settings cannot say
// (a changed label list, say), so a link could not reproduce it. Pure.
import { canonicalJson } from '../../../sim/hash';
import { getAtPath, listParameters } from '../../../sim/params';
import type { Scenario } from '../../../sim/schema';
import { withOverrides, type Overrides } from '../settings';
import { compareShape } from '../size';
import type { ScenarioFile } from '../../../lessons/scenarioFile';

/** True when two scenarios start the same run (their own scheduled events aside). */
export function sameStart(a: Scenario, b: Scenario): boolean {
  return canonicalJson({ ...a, events: [] }) === canonicalJson({ ...b, events: [] });
}

/**
 * The settings that turn `base` into `scenario`, or null when no settings can. Settings change
 * numbers only: a scenario of another shape (more barriers, other texts) is told apart first, at
 * once, so a huge file never has its parameters listed; nor does one with every value the same.
 */
export function settingsDiff(base: ScenarioFile, scenario: Scenario): Overrides | null {
  const differs = compareShape({ ...base, events: [] }, { ...scenario, events: [] });
  if (differs === 'shape') return null;
  // A run started from the lesson as it is (the common case): every value is the same, so no
  // setting differs and the lesson itself is the same start. The full check below would list every
  // parameter and write the scenario twice as canonical JSON to say so (tens of ms on a slow machine).
  if (differs === 'equal') return new Map();
  const out: Overrides = new Map();
  for (const p of listParameters(scenario)) if (getAtPath(base, p.path) !== p.value) out.set(p.path, p.value);
  const eff = withOverrides(base, out);
  if ('problem' in eff) return null;
  return sameStart(eff.scenario, scenario) ? out : null;
}
