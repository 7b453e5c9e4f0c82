// What a scenario's events use besides ids: settings paths in `set` events. Each must exist, and a
// `set` value must fit its setting, so a typo is a validation problem at its path instead of an
// event that silently does nothing. settingProblem and metricNames serve lessons/references.ts,
// which checks the same in lesson buttons, charts, the paired run and cohorts.
import type { Model } from './model';
import { buildIndex } from './model';
import { reporters } from './metrics';
import { fixedDuringRun, resolveSetting, valueProblem } from './params';
import type { EventSpec, Scenario } from './schema';
import type { Path, RefProblem } from './references';

/** What is wrong with setting path p to value (live: during a run), or null. */
export function settingProblem(s: Scenario, p: string, value: unknown, live: boolean): string | null {
  const r = resolveSetting(s, p);
  return !r.ok ? r.message : ((live ? fixedDuringRun(r.setting) : null) ?? valueProblem(s, r.setting, value));
}

/** The names of every metric a scenario's runs report. */
export function metricNames(s: Scenario): string[] {
  return reporters({ index: buildIndex(s), scenario: s } as unknown as Model).map((r) => r.name);
}

/** Adds to `out` a problem for each `set` event in `list` (at path `at`) that does not fit a setting. */
export function setEventProblems(s: Scenario, list: readonly EventSpec[] | undefined, at: Path, out: RefProblem[]): void {
  list?.forEach((e, i) => {
    if (e.kind !== 'set') return;
    const problem = settingProblem(s, e.path, e.value, true);
    if (problem) out.push({ path: [...at, i, 'path'], message: problem });
  });
}

/** Every problem with the settings paths the scenario's own events use. */
export function checkUses(s: Scenario): RefProblem[] {
  const out: RefProblem[] = [];
  setEventProblems(s, s.events, ['events'], out);
  return out;
}
