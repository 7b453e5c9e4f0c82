// What a scenario's events and lesson use besides ids: settings paths (in `set` events, lesson
// buttons, the paired run, cohort groups and the exposed list) and metric names (in charts, the
// paired run and cohort markers). Each must exist, and a `set` value must fit its setting, so a
// typo is a validation problem at its path instead of a button or chart that silently does nothing.
import type { Model } from './model';
import { buildIndex } from './model';
import { reporters } from './metrics';
import { fixedDuringRun, listParameters, parameterAt, resolveSetting, valueProblem } from './params';
import type { EventSpec, Scenario } from './schema';
import { didYouMean } from './suggest';
import type { Path, RefProblem } from './references';

/** Every problem with the settings paths and metric names a validated scenario uses. */
export function checkUses(s: Scenario): RefProblem[] {
  const out: RefProblem[] = [];
  const setting = (path: Path, p: string, value: unknown, live: boolean) => {
    const r = resolveSetting(s, p);
    const problem = !r.ok ? r.message : ((live ? fixedDuringRun(r.setting) : null) ?? valueProblem(s, r.setting, value));
    if (problem) out.push({ path, message: problem });
  };
  const events = (list: EventSpec[] | undefined, at: Path) =>
    list?.forEach((e, i) => {
      if (e.kind === 'set') setting([...at, i, 'path'], e.path, e.value, true);
    });
  events(s.events, ['events']);
  const L = s.lesson;
  if (!L) return out;
  L.interventions.forEach((b, i) => {
    events(b.events, ['lesson', 'interventions', i, 'events']);
    events(b.off, ['lesson', 'interventions', i, 'off']);
  });
  events(L.paired?.events, ['lesson', 'paired', 'events']);
  L.cohort?.groups.forEach((g, i) => g.set.forEach((x, j) => setting(['lesson', 'cohort', 'groups', i, 'set', j, 'path'], x.path, x.value, false)));
  L.exposed.forEach((p, i) => {
    if (!parameterAt(s, p))
      out.push({ path: ['lesson', 'exposed', i], message: `"${p}" is not an adjustable number of this scenario${didYouMean(p, listParameters(s).map((x) => x.path))}` });
  });
  const names = reporters({ index: buildIndex(s), scenario: s } as unknown as Model).map((r) => r.name);
  const metric = (path: Path, name: string, wildcard: boolean) => {
    const ok = wildcard && name.endsWith('*') ? names.some((n) => n.startsWith(name.slice(0, -1))) : names.includes(name);
    if (!ok) out.push({ path, message: `unknown metric "${name}"${didYouMean(name, names)}` });
  };
  L.charts.forEach((c, i) => c.metrics.forEach((name, j) => metric(['lesson', 'charts', i, 'metrics', j], name, true)));
  if (L.paired?.metric !== undefined) metric(['lesson', 'paired', 'metric'], L.paired.metric, false);
  L.cohort?.markers.forEach((k, i) => metric(['lesson', 'cohort', 'markers', i, 'metric'], k.metric, false));
  return out;
}
