// Signalling: internal signal channels decay with their half-life, and each cell may change
// state. A transition fires with probability 1 − exp(−k·h(s)·dt) per step, h(s) = sⁿ/(Kⁿ+sⁿ)
// (or Kⁿ/(Kⁿ+sⁿ) for transitions that happen when the signal is low; h = 1 without a signal).
// n is a whole number so sⁿ is exact; 1 − exp(−k·dt·h) is read from a table over h built once per
// parameter change, so the hot path uses only exact arithmetic. A transition to "dead" kills.
import type { Model } from '../model';
import type { Rule } from '../rule';
import { DEATH_CAUSES, DeathCause } from '../state';
import { exp } from '../exactMath';

/** Table resolution over h in [0, 1]. */
const H_STEPS = 1024;

export interface TransitionRow {
  to: number; // state index, or -1 for death
  signal: number; // signal index, or -1 for none
  below: boolean;
  Kn: number;
  n: number;
  chance: Float64Array; // chance[h * H_STEPS] = 1 − exp(−k·dt·h)
}

export interface SignallingTable {
  /** Per-step decay factor per signal. */
  keep: Float64Array;
  /** rows[cellType][state] = transitions out of that state, in scenario order. */
  rows: TransitionRow[][][];
}

function powInt(x: number, n: number): number {
  let r = 1;
  for (let k = 0; k < n; k++) r *= x;
  return r;
}

export function initSignalling(m: Model): SignallingTable {
  const s = m.scenario;
  const keep = Float64Array.from(m.index.signals.map((id) => exp((-Math.LN2 * m.dt) / (s.signals[id].halfLifeHours * 3600))));
  const rows = m.index.cellTypes.map((ctId) => {
    const ct = s.cellTypes[ctId];
    return ct.states.map((state) =>
      ct.transitions
        .filter((t) => t.from === state)
        .map((t) => {
          const chance = new Float64Array(H_STEPS + 1);
          for (let k = 0; k <= H_STEPS; k++) chance[k] = 1 - exp((-t.ratePerHour / 3600) * m.dt * (k / H_STEPS));
          return {
            to: t.to === 'dead' ? -1 : ct.states.indexOf(t.to),
            signal: t.signal === undefined ? -1 : m.index.signals.indexOf(t.signal),
            below: t.when === 'below',
            Kn: powInt(t.K, t.n),
            n: t.n,
            chance,
          };
        }),
    );
  });
  return { keep, rows };
}

/** h(s) for one transition row (exact arithmetic). */
export function hill(row: TransitionRow, level: number): number {
  if (row.signal < 0) return 1;
  const sn = powInt(level, row.n);
  const h = row.below ? row.Kn / (row.Kn + sn) : sn / (row.Kn + sn);
  return h > 0 ? (h < 1 ? h : 1) : 0;
}

function chanceAt(row: TransitionRow, h: number): number {
  const f = h * H_STEPS;
  const k = Math.floor(f);
  if (k >= H_STEPS) return row.chance[H_STEPS];
  return row.chance[k] + (f - k) * (row.chance[k + 1] - row.chance[k]);
}

export function signalling(m: Model): void {
  const c = m.cells;
  const { keep, rows } = m.tables.signalling;
  const rng = m.rng.signalling;
  const nS = c.nSignals;
  for (let i = 0; i < c.count; i++) {
    if (c.dead[i]) continue;
    for (let s = 0; s < nS; s++) c.signals[i * nS + s] *= keep[s];
    const list = rows[c.type[i]][c.state[i]];
    for (let r = 0; r < list.length; r++) {
      const row = list[r];
      const h = hill(row, row.signal < 0 ? 0 : c.signals[i * nS + row.signal]);
      if (h === 0) continue;
      if (rng.next() >= chanceAt(row, h)) continue;
      if (row.to < 0) killCell(m, i, DeathCause.Signal);
      else {
        c.state[i] = row.to;
        c.lastChange[i] = m.tick;
      }
      break;
    }
  }
}

/** Marks cell i dead: its bound packets are degraded with it and the death is counted. */
export function killCell(m: Model, i: number, cause: DeathCause): void {
  const c = m.cells;
  if (c.dead[i]) return;
  c.dead[i] = cause;
  c.lastChange[i] = m.tick;
  const nVT = c.nVesicleTypes;
  for (let v = 0; v < nVT; v++) {
    m.ledger.degraded += c.bound[i * nVT + v];
    c.bound[i * nVT + v] = 0;
  }
  m.deaths[c.type[i] * DEATH_CAUSES + cause] += 1;
}

export const signallingRule: Rule<'signalling'> = { name: 'signalling', init: initSignalling, run: signalling };
