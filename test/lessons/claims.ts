// Measures every claim a lesson file makes about its numbers (lesson.claims, lessons/schema.ts)
// at the lesson's seed and five others. Runs are shared: each seed runs the lesson once, taking
// snapshots where a claim's run presses a button, and each such run continues from there.
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, measure, restore, schedule, snapshot, step, type EventSpec, type Model, type Snapshot } from '../../sim/index';
import { lesson } from '../../lessons/index';
import type { Claim, ClaimRun } from '../../lessons/schema';
import type { ScenarioFile } from '../../lessons/scenarioFile';
import { evaluateCohort, groupRows, runCohort, type CohortResult } from '../../src/lab/cohort';
import { auc } from '../../src/lab/roc';
import { distances } from './guards';

export interface Measured {
  claim: Claim;
  /** The value at each seed (one value for settings and published figures). */
  values: number[];
  ok: boolean;
}

/** The lesson's own seed first, then five others. */
export function claimSeeds(s: ScenarioFile): string[] {
  const others = ['2', '3', '4', '5', '6', '7'].filter((x) => x !== s.seed);
  return [s.seed, ...others.slice(0, 5)];
}

/** The value a claim checks, within its tolerance (on one side if it says so). */
export function within(c: Claim, v: number): boolean {
  if (Number.isNaN(v)) return false;
  if (c.side === 'below') return v <= c.expected + c.tolerance;
  if (c.side === 'above') return v >= c.expected - c.tolerance;
  return Math.abs(v - c.expected) <= c.tolerance;
}

/** The value at a dotted path of the lesson file (a setting, or a number in the lesson part such as a button's event). */
function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const k of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, k)) return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** The events of a claim run, each at its hour (buttons by label; the paired change). */
function runEvents(s: ScenarioFile, run: ClaimRun): EventSpec[] {
  const L = s.lesson;
  const out: EventSpec[] = [];
  for (const p of run.press) {
    const iv = L?.interventions.find((x) => x.label === p.button);
    if (!iv) throw new Error(`${s.id}: no button "${p.button}"; buttons: ${L?.interventions.map((x) => x.label).join(' | ')}`);
    const events = p.off ? iv.off : iv.events;
    if (!events) throw new Error(`${s.id}: "${p.button}" is not a toggle`);
    for (const e of events) out.push({ ...e, tick: undefined, atHours: p.atHours } as EventSpec);
  }
  if (run.paired) {
    const d = L?.paired;
    if (!d) throw new Error(`${s.id}: a claim run asks for the paired change, but the lesson declares none`);
    for (const e of d.events) out.push({ ...e, tick: undefined, atHours: d.atHours } as EventSpec);
  }
  return out;
}

const hourOf = (e: EventSpec) => e.atHours ?? 0;

/** What a band claim reads from the tissue at one moment. */
function bandValue(m: Model, c: Claim, metric: string): number {
  const band = c.band;
  const k = metric.split('.');
  if (!band) throw new Error(`${c.id}: no band`);
  const near = distances(m, k[1], band.from).filter(({ d }) => d >= band.minUm && d < band.maxUm);
  if (near.length === 0) return NaN;
  if (k[0] === 'cells') {
    const st = m.index.states[m.index.cellTypes.indexOf(k[1])].indexOf(k[2]);
    return near.filter(({ index }) => m.cells.state[index] === st).length / near.length;
  }
  if (k[0] === 'uptake') {
    const nVT = m.cells.nVesicleTypes;
    let sum = 0;
    for (const { index } of near) for (let v = 0; v < nVT; v++) sum += m.cells.uptake[index * nVT + v] + m.cells.bound[index * nVT + v];
    return (sum / near.length) * m.scenario.vesiclesPerDot;
  }
  throw new Error(`${c.id}: a band claim reads cells.<type>.<state> or uptake.<type>`);
}

/** A point a claim reads: a run's metrics (or a band value) at an hour. */
type Reading = (m: Model) => void;

interface Plan {
  hours: Map<number, Reading[]>;
  /** Runs until this hour at least (for `when` claims, which read the series). */
  until: number;
}

/** A lesson's cohort at a base seed: runCohort(lesson, { baseSeed }), or the same result kept by the caller. */
export type CohortOf = (seed: string) => CohortResult;

/**
 * Smaller scenes that stand in for claim runs (by the run's name): a run branching at hour 0 is
 * then started from the stand-in scene instead of the lesson, with the same seed and events. Only
 * where the stand-in reads the same numbers as the lesson's own run, which its lesson's claims file
 * checks at one seed (block-release: with the T cells removed, nothing takes up a vesicle, so the
 * tumour grows the same with no vesicles released at all).
 */
export type StandIns = Record<string, (s: ScenarioFile) => ScenarioFile>;

/** Measures all claims of one lesson at the given seeds (cohorts from `cohortOf` when given, so a file that runs them already shares them). */
export function measureClaims(id: string, seeds: string[] = [], cohortOf?: CohortOf, standIns: StandIns = {}): Measured[] {
  const s = lesson(id);
  if (!s?.lesson) throw new Error(`lesson ${id} missing`);
  const L = s.lesson;
  const claims = L.claims ?? [];
  const useSeeds = seeds.length > 0 ? seeds : claimSeeds(s);
  const runs: Record<string, ClaimRun> = { lesson: { press: [], paired: false }, ...(L.claimRuns ?? {}) };
  const events = new Map(Object.entries(runs).map(([name, r]) => [name, runEvents(s, r)]));
  const branchAt = (name: string) => Math.min(...(events.get(name) ?? []).map(hourOf));
  const out = new Map<Claim, number[]>(claims.map((c) => [c, []]));
  const cohortCache = new Map<string, CohortResult>();

  for (const seed of useSeeds) {
    const got = new Map<string, number>();
    const key = (c: Claim, part: string) => `${c.id}/${part}`;
    // Which runs read what, and when.
    const plans = new Map<string, Plan>();
    const plan = (run: string) => {
      if (!runs[run]) throw new Error(`${id}: unknown claim run "${run}"`);
      let p = plans.get(run);
      if (!p) plans.set(run, (p = { hours: new Map(), until: 0 }));
      return p;
    };
    const read = (run: string, hour: number, fn: Reading) => {
      // Before a run's first press it is the lesson run itself.
      const target = run !== 'lesson' && hour <= branchAt(run) ? 'lesson' : run;
      const p = plan(target);
      p.hours.set(hour, [...(p.hours.get(hour) ?? []), fn]);
      p.until = Math.max(p.until, hour);
    };
    const metricAt = (c: Claim, part: string, run: string, hour: number, name = c.metric ?? '') =>
      read(run, hour, (m) => {
        if (c.band) return got.set(key(c, part), bandValue(m, c, name));
        const x = measure(m);
        if (!(name in x)) throw new Error(`${id} claim ${c.id}: unknown metric "${name}"`);
        got.set(key(c, part), x[name] / (c.per ? x[c.per] : 1));
      });
    for (const c of claims) {
      if (c.metric === undefined || c.atHours === undefined) continue;
      if (c.when) {
        const w = c.when;
        const at = c.atHours;
        const run = c.run;
        plan(run).until = Math.max(plan(run).until, at);
        read(run, at, (m) => {
          const k = m.series.names.indexOf(w.metric);
          if (k < 0) throw new Error(`${id} claim ${c.id}: unknown metric "${w.metric}"`);
          const i = m.series.values[k].findIndex((v, j) => v >= w.atLeast && m.series.t[j] > w.after - 1e-9 && m.series.t[j] <= at + 1e-9);
          const mk = c.metric === 'hours' ? -1 : m.series.names.indexOf(c.metric ?? '');
          // Never by atHours: for a time, later than any hour (so "more than a day" holds); otherwise no value.
          got.set(key(c, 'main'), i < 0 ? (mk < 0 ? Infinity : NaN) : mk < 0 ? m.series.t[i] : m.series.values[mk][i]);
        });
        continue;
      }
      metricAt(c, 'main', c.run, c.atHours);
      if (c.since !== undefined) metricAt(c, 'since', c.run, c.since);
      if (c.relativeTo) {
        const ref = c.relativeTo;
        metricAt(c, 'ref', ref.run ?? c.run, ref.atHours ?? c.atHours, ref.metric);
        const since = ref.since ?? c.since;
        if (since !== undefined) metricAt(c, 'refSince', ref.run ?? c.run, since, ref.metric);
      }
    }

    // The lesson run goes first and leaves a snapshot where each other run branches off.
    const snaps = new Map<number, Snapshot>();
    const branches = [...plans.keys()].filter((r) => r !== 'lesson').map(branchAt);
    const go = (m: Model, p: Plan | undefined, stops: number[]) => {
      const hours = [...new Set([...(p ? [...p.hours.keys(), p.until] : []), ...stops])].filter((h) => h * 3600 >= m.tick * m.dt - 1e-6).sort((a, b) => a - b);
      for (const h of hours) {
        const target = Math.round((h * 3600) / m.dt);
        if (target > m.tick) step(m, target - m.tick);
        if (stops.includes(h) && !snaps.has(h)) snaps.set(h, snapshot(m));
        for (const fn of p?.hours.get(h) ?? []) fn(m);
      }
    };
    go(createModel(s, seed), plans.get('lesson'), branches);
    for (const [name, p] of plans) {
      if (name === 'lesson') continue;
      const at = branchAt(name);
      const snap = snaps.get(at);
      if (!snap) throw new Error(`${id}: no snapshot at ${at} h`);
      const standIn = Object.hasOwn(standIns, name) ? standIns[name] : undefined;
      if (standIn && at !== 0) throw new Error(`${id}: a stand-in scene replaces a run from its start; "${name}" branches at ${at} h`);
      const m = standIn ? createModel(standIn(s), seed) : restore(snap);
      for (const e of events.get(name) ?? []) {
        const problem = schedule(m, e);
        if (problem) throw new Error(`${id} run ${name}: ${problem}`);
      }
      go(m, p, []);
    }

    for (const c of claims) {
      let v: number;
      if (c.param !== undefined) {
        const at = (path: string | undefined, none: number) => {
          if (path === undefined) return none;
          const x = valueAt(s, path);
          if (typeof x !== 'number') throw new Error(`${id} claim ${c.id}: no setting at ${path}`);
          return x;
        };
        v = ((at(c.param, 0) - at(c.minus, 0)) ** (c.power ?? 1) * (c.times ?? 1)) / at(c.divideBy, 1);
      } else if (c.source !== undefined) {
        v = c.expected;
      } else if (c.cohort !== undefined) {
        let r = cohortCache.get(seed);
        if (!r) cohortCache.set(seed, (r = cohortOf ? cohortOf(seed) : runCohort(s, { baseSeed: seed })));
        const e = evaluateCohort(r);
        const k = c.marker ?? 0;
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        if (c.cohort === 'auc.score') v = e.score.auc;
        else if (c.cohort === 'auc.best') v = Math.max(...e.markers.map((x) => x.auc));
        else if (c.cohort === 'auc.marker') v = auc(groupRows(r, 1).map((x) => x[k]), groupRows(r, 0).map((x) => x[k]));
        else v = mean(groupRows(r, 1).map((x) => x[k])) / mean(groupRows(r, 0).map((x) => x[k]));
      } else {
        v = got.get(key(c, 'main')) ?? NaN;
        if (c.since !== undefined) v -= got.get(key(c, 'since')) ?? NaN;
        if (c.relativeTo) v /= (got.get(key(c, 'ref')) ?? NaN) - ((c.relativeTo.since ?? c.since) !== undefined ? (got.get(key(c, 'refSince')) ?? NaN) : 0);
      }
      out.get(c)?.push(v);
    }
  }
  return claims.map((c) => {
    const values = out.get(c) ?? [];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return { claim: c, values, ok: c.over === 'mean' ? within(c, mean) : c.over === 'lessonSeed' ? within(c, values[0]) : values.every((v) => within(c, v)) };
  });
}

/** One test per claim of a lesson, all measured in one pass before them (cohorts from `cohortOf` when given; runs from their stand-in scenes when given). */
export function describeClaims(id: string, timeoutMs = 900_000, cohortOf?: CohortOf, standIns: StandIns = {}): void {
  describe(`${id}: the numbers its texts state (lesson.claims, lesson seed and five others)`, () => {
    let measured: Measured[] = [];
    beforeAll(() => {
      measured = measureClaims(id, [], cohortOf, standIns);
    }, timeoutMs);
    const s = lesson(id);
    it('states its numbers as claims', () => expect((s?.lesson?.claims ?? []).length).toBeGreaterThan(0));
    for (const c of s?.lesson?.claims ?? []) {
      it(`${c.id}: "${c.says}" (${c.text})`, () => {
        const r = measured.find((x) => x.claim.id === c.id);
        const side = c.side === 'below' ? '≤' : c.side === 'above' ? '≥' : '=';
        expect(r?.ok, `${c.id}: expected ${side} ${c.expected} ± ${c.tolerance} (${c.over}); measured ${r?.values.map((v) => Number(v.toPrecision(3))).join(', ')}`).toBe(true);
      });
    }
  });
}
