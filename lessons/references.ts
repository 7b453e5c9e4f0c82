// Every name a lesson uses must exist in its scenario: cell types and states in charts, events in
// buttons and the paired run (the engine's own checks, sim/references.ts), settings paths and
// metric names in buttons, charts, the paired run, cohorts and the exposed list (sim/uses.ts). A
// typo is a validation problem at its path, never a button or chart that silently does nothing.
import { eventReferenceProblems, own, statesOf, unknownName, type Path, type RefProblem } from '../sim/references';
import { metricNames, setEventProblems, settingProblem } from '../sim/uses';
import { listParameters, parameterAt } from '../sim/params';
import { didYouMean } from '../sim/suggest';
import type { EventSpec } from '../sim/schema';
import type { ScenarioFile } from './scenarioFile';

/** Checks the ids the lesson part names, reporting each wrong one through `bad`. */
export function checkLessonReferences(s: ScenarioFile, bad: (path: Path, message: string) => void): void {
  const L = s.lesson;
  if (!L) return;
  const ref = (path: Path, what: string, id: string, rec: object) => {
    if (!own(rec, id)) bad(path, unknownName(what, id, Object.keys(rec)));
  };
  const events = (list: EventSpec[] | undefined, at: Path) => list?.forEach((e, i) => eventReferenceProblems(s, e, [...at, i]).forEach((p) => bad(p.path, p.message)));
  L.charts.forEach((c, i) => {
    const at: Path = ['lesson', 'charts', i];
    if (c.cellType !== undefined) ref([...at, 'cellType'], 'cell type', c.cellType, s.cellTypes);
    if (c.from !== undefined) ref([...at, 'from'], 'cell type', c.from, s.cellTypes);
    const states = c.cellType === undefined ? undefined : statesOf(s, c.cellType);
    if (states && c.state !== undefined && !states.includes(c.state)) bad([...at, 'state'], unknownName('state', c.state, states, c.cellType));
    if (c.kind === 'distance' && (c.cellType === undefined || c.state === undefined || c.from === undefined))
      bad(at, 'a distance chart names the cell type it profiles (cellType), the state it counts (state) and the cell type distance is measured from (from)');
  });
  L.interventions.forEach((b, i) => {
    events(b.events, ['lesson', 'interventions', i, 'events']);
    events(b.off, ['lesson', 'interventions', i, 'off']);
  });
  events(L.paired?.events, ['lesson', 'paired', 'events']);
  for (const id of Object.keys(L.roles ?? {})) ref(['lesson', 'roles', id], 'cell type', id, s.cellTypes);
  // A prompt's choice that the lesson's run shows is checked by a claim about that prompt.
  L.prompts.forEach((p, i) => {
    if (p.claim === undefined) return;
    const c = (L.claims ?? []).find((x) => x.id === p.claim);
    if (!c) bad(['lesson', 'prompts', i, 'claim'], unknownName('claim', p.claim, (L.claims ?? []).map((x) => x.id)));
    else if (!c.text.startsWith(`prompts.${i}.`)) bad(['lesson', 'prompts', i, 'claim'], `claim "${p.claim}" is about ${c.text}, not about this prompt (prompts.${i})`);
  });
  for (const [id, list] of Object.entries(L.switched ?? {})) {
    const states = statesOf(s, id);
    if (!states) bad(['lesson', 'switched', id], unknownName('cell type', id, Object.keys(s.cellTypes)));
    else list.forEach((st, i) => {
      if (!states.includes(st)) bad(['lesson', 'switched', id, i], unknownName('state', st, states, id));
    });
  }
}

/** Every problem with the settings paths and metric names the lesson part uses. */
export function checkLessonUses(s: ScenarioFile): RefProblem[] {
  const out: RefProblem[] = [];
  const L = s.lesson;
  if (!L) return out;
  const setting = (path: Path, p: string, value: unknown, live: boolean) => {
    const problem = settingProblem(s, p, value, live);
    if (problem) out.push({ path, message: problem });
  };
  const events = (list: EventSpec[] | undefined, at: Path) => setEventProblems(s, list, at, out);
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
  const names = metricNames(s);
  const metric = (path: Path, name: string, wildcard: boolean) => {
    const ok = wildcard && name.endsWith('*') ? names.some((n) => n.startsWith(name.slice(0, -1))) : names.includes(name);
    if (!ok) out.push({ path, message: `unknown metric "${name}"${didYouMean(name, names)}` });
  };
  L.charts.forEach((c, i) => c.metrics.forEach((name, j) => metric(['lesson', 'charts', i, 'metrics', j], name, true)));
  if (L.paired?.metric !== undefined) metric(['lesson', 'paired', 'metric'], L.paired.metric, false);
  L.prompts.forEach((p, i) => {
    if (p.watch) metric(['lesson', 'prompts', i, 'watch', 'metric'], p.watch.metric, false);
  });
  L.cohort?.markers.forEach((k, i) => metric(['lesson', 'cohort', 'markers', i, 'metric'], k.metric, false));
  return out;
}
