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

/** Every problem with the settings paths the scenario's own events use. */
export function checkUses(s: Scenario): RefProblem[] {
  const out: RefProblem[] = [];
  const setting = (path: Path, p: string, value: unknown, live: boolean) => {
    const problem = settingProblem(s, p, value, live);
    if (problem) out.push({ path, message: problem });
  };
  const events = (list: EventSpec[] | undefined, at: Path) =>
    list?.forEach((e, i) => {
      if (e.kind === 'set') setting([...at, i, 'path'], e.path, e.value, true);
    });
  events(s.events, ['events']);
  return out;
}
