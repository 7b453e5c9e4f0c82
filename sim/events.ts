// Interventions as events {tick, kind, …}: scheduled by the scenario or sent by a user, applied
// at a step boundary in order of tick then arrival, and appended to the run's event log. This
// is the only way anything outside the engine changes its state.
import type { Model } from './model';
import { buildIndex } from './model';
import { EventSpec, type EventSpec as EventSpecT } from './schema';
import { fixedDuringRun, resolveSetting, setAtPath } from './params';
import { describeProblems, parseScenario, problemsOf } from './validate';
import { buildTables } from './tables';
import { placeCells } from './setup';
import { eventReferenceProblems } from './references';
import { killCell } from './rules/signalling';
import { DeathCause } from './state';
import { inject } from './inject';

/** An event with the step at which it applies. */
export type RunEvent = EventSpecT & { tick: number };

/** The step at which a scenario event applies. */
export function tickOf(e: EventSpecT, dt: number): number {
  if (e.tick !== undefined) return e.tick;
  return Math.round(((e.atHours ?? 0) * 3600) / dt);
}

/**
 * Checks that an event is well formed and fits this model; returns a message or null. Needs only
 * the model's scenario and index, so a log can be checked against a scenario before any run.
 */
export function checkEvent(m: Pick<Model, 'scenario' | 'index'>, raw: unknown): string | null {
  const r = EventSpec.safeParse(raw);
  if (!r.success) return `bad event: ${describeProblems(problemsOf(r.error))}`;
  const e = r.data;
  const s = m.scenario;
  switch (e.kind) {
    case 'set': {
      const found = resolveSetting(s, e.path);
      if (!found.ok) return found.message;
      const fixed = fixedDuringRun(found.setting);
      if (fixed) return fixed;
      let next: unknown;
      try {
        next = setAtPath(s, e.path, e.value);
      } catch (err) {
        return (err as Error).message;
      }
      const parsed = parseScenario(next);
      if (!parsed.ok) return describeProblems(parsed.problems);
      if (JSON.stringify(buildIndex(parsed.value)) !== JSON.stringify(m.index)) return `"${e.path}" would change the scene's cell types, states or tissues`;
      return null;
    }
    default: {
      const problem = eventReferenceProblems(s, e)[0];
      return problem ? problem.message : null;
    }
  }
}

/** Queues an event for its tick (the current step if it has none); returns a message if refused. */
export function schedule(m: Model, raw: unknown): string | null {
  const problem = checkEvent(m, raw);
  if (problem) return problem;
  const e = EventSpec.parse(raw);
  const tick = e.tick ?? (e.atHours !== undefined ? tickOf(e, m.dt) : m.tick);
  if (tick < m.tick) return `event at step ${tick} is in the past (now at step ${m.tick})`;
  const { atHours: _atHours, tick: _tick, ...rest } = e;
  const ev = { tick, ...rest } as RunEvent;
  let k = m.pending.length;
  while (k > 0 && m.pending[k - 1].tick > tick) k--;
  m.pending.splice(k, 0, ev);
  return null;
}

function setParam(m: Model, path: string, value: unknown): void {
  const parsed = parseScenario(setAtPath(m.scenario, path, value));
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
  m.scenario = parsed.value;
  buildTables(m);
}

/** Applies one event now; a failure becomes a run warning, never an exception. */
export function applyEvent(m: Model, e: RunEvent): void {
  const problem = checkEvent(m, e);
  if (problem) {
    m.warnings.push({ tick: m.tick, code: 'event', message: `event ${e.kind} skipped: ${problem}` });
    m.log.push(e);
    return;
  }
  const s = m.scenario;
  switch (e.kind) {
    case 'set':
      setParam(m, e.path, e.value);
      break;
    case 'drug':
      setParam(m, `cellTypes.${e.cellType}.releaseInhibition`, e.inhibition);
      break;
    case 'blockLabel':
      setParam(m, `labels.${e.label}.blocked`, e.fraction);
      break;
    case 'addCells': {
      const t = m.index.tissues.indexOf(e.tissue);
      const type = m.index.cellTypes.indexOf(e.type);
      const state = e.state === undefined ? 0 : s.cellTypes[e.type].states.indexOf(e.state);
      const tissue = s.tissues[e.tissue];
      const area =
        e.x !== undefined && e.y !== undefined
          ? { x0: 0, y0: 0, x1: 0, y1: 0, disc: { cx: e.x, cy: e.y, r: Math.max(e.radius ?? 0, s.cellTypes[e.type].radius * (3 + 2 * Math.sqrt(e.count))) } }
          : { x0: 0, y0: 0, x1: tissue.width, y1: tissue.height };
      const placed = placeCells(m, m.rng.events, t, type, state, e.count, area);
      if (placed < e.count) m.warnings.push({ tick: m.tick, code: 'event', message: `only ${placed} of ${e.count} ${e.type} cells found room` });
      break;
    }
    case 'removeCells': {
      const c = m.cells;
      const type = m.index.cellTypes.indexOf(e.type);
      const t = e.tissue === undefined ? -1 : m.index.tissues.indexOf(e.tissue);
      const fraction = e.fraction ?? 1;
      for (let i = 0; i < c.count; i++) {
        if (c.dead[i] || c.type[i] !== type || (t >= 0 && c.tissue[i] !== t)) continue;
        if (fraction < 1 && m.rng.events.next() >= fraction) continue;
        if (e.x !== undefined && e.y !== undefined) {
          const r = e.radius ?? 0;
          const dx = c.x[i] - e.x;
          const dy = c.y[i] - e.y;
          if (dx * dx + dy * dy > (r + c.radius[i]) * (r + c.radius[i])) continue;
        }
        killCell(m, i, DeathCause.Removed);
      }
      break;
    }
    case 'inject':
      inject(m, e);
      break;
  }
  m.log.push(e);
}

/** Applies every pending event due at the current tick. */
export function applyDue(m: Model): void {
  while (m.pending.length > 0 && m.pending[0].tick <= m.tick) applyEvent(m, m.pending.shift() as RunEvent);
}
