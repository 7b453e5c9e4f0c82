// Cell behaviour: contact killing (an active killer touching a target kills it at a rate),
// background death, division (doubling time; the daughter needs free room beside the mother)
// and migration (a random walk with the type's motility; moves into another cell are refused).
// Cells act in index order and see each other where they are now (sim/cellBins.ts); daughters
// born this step act, and can be killed, from the next step on.
import type { Model } from '../model';
import type { Rule } from '../rule';
import { DeathCause } from '../state';
import { chanceIn } from '../random';
import { forEachNear, indexCells, insertCell, moveCell, roomFor, type CellBins } from '../cellBins';
import { killCell } from './signalling';
import { RIM_ANGLES, RIM_COS, RIM_SIN } from './geometry';

export interface CellTable {
  divide: Float64Array;
  die: Float64Array;
  /** Half-width of the uniform migration step per axis (µm), per cell type. */
  walk: Float64Array;
  /** Contact killing per cell type, or null. */
  killing: ({ targets: Uint8Array; fromStates: Uint8Array; targetStates: Uint8Array[]; chance: number; reach: number } | null)[];
}

export function initCells(m: Model): CellTable {
  const s = m.scenario;
  const ids = m.index.cellTypes;
  return {
    divide: Float64Array.from(ids.map((id) => (s.cellTypes[id].doublingHours > 0 ? chanceIn(Math.LN2 / (s.cellTypes[id].doublingHours * 3600), m.dt) : 0))),
    die: Float64Array.from(ids.map((id) => chanceIn(s.cellTypes[id].deathPerHour / 3600, m.dt))),
    walk: Float64Array.from(ids.map((id) => Math.sqrt(6 * s.cellTypes[id].motility * m.dt))),
    killing: ids.map((id) => {
      const ct = s.cellTypes[id];
      const k = ct.contactKilling;
      if (!k) return null;
      const targets = new Uint8Array(ids.length);
      k.targets.forEach((t) => (targets[ids.indexOf(t)] = 1));
      const fromStates = Uint8Array.from(ct.states.map((st) => (!k.fromStates || k.fromStates.includes(st) ? 1 : 0)));
      const targetStates = ids.map((tid) =>
        Uint8Array.from(s.cellTypes[tid].states.map((st) => (!k.targetStates || k.targetStates.includes(st) ? 1 : 0))),
      );
      return { targets, fromStates, targetStates, chance: chanceIn(k.ratePerHour / 3600, m.dt), reach: k.reach };
    }),
  };
}

export function cellBehaviour(m: Model): void {
  const c = m.cells;
  const tab = m.tables.cells;
  const rng = m.rng.cells;
  // Cell positions change as cells act (moves, births): every cell–cell question below asks
  // this index, which follows each change at once.
  const bins = indexCells(m);
  const n = c.count;
  for (let i = 0; i < n; i++) {
    if (c.dead[i]) continue;
    const type = c.type[i];
    const k = tab.killing[type];
    if (k && k.fromStates[c.state[i]]) {
      // The nearest target in reach (smallest gap between membranes; the lower index on a tie).
      // Daughters born this step (index ≥ n) are not yet targets.
      let victim = -1;
      let best = Infinity;
      forEachNear(bins, m, c.tissue[i], c.x[i], c.y[i], c.radius[i], k.reach, i, (j, gap) => {
        if (j >= n || !k.targets[c.type[j]] || !k.targetStates[c.type[j]][c.state[j]]) return;
        if (gap < best || (gap === best && j < victim)) {
          best = gap;
          victim = j;
        }
      });
      if (victim >= 0 && rng.next() < k.chance) killCell(m, victim, DeathCause.Contact);
    }
    if (tab.die[type] > 0 && rng.next() < tab.die[type]) {
      killCell(m, i, DeathCause.Background);
      continue;
    }
    if (tab.divide[type] > 0 && rng.next() < tab.divide[type]) divide(m, bins, i);
    const a = tab.walk[type];
    if (a > 0) {
      const nx = c.x[i] + a * (2 * rng.next() - 1);
      const ny = c.y[i] + a * (2 * rng.next() - 1);
      if (roomFor(bins, m, c.tissue[i], nx, ny, c.radius[i], i)) moveCell(bins, m, i, nx, ny);
    }
  }
}

function divide(m: Model, bins: CellBins, i: number): void {
  const c = m.cells;
  const rng = m.rng.cells;
  const r = c.radius[i];
  const t = c.tissue[i];
  const a0 = rng.below(RIM_ANGLES);
  for (let tries = 0; tries < 8; tries++) {
    const a = (a0 + tries * (RIM_ANGLES / 8)) % RIM_ANGLES;
    const x = c.x[i] + (2 * r + 0.2) * RIM_COS[a];
    const y = c.y[i] + (2 * r + 0.2) * RIM_SIN[a];
    if (!roomFor(bins, m, t, x, y, r, -1)) continue;
    const d = c.add(x, y, r, c.type[i], c.state[i], t, m.tick);
    if (d < 0) {
      m.pausedSteps.division++;
      if (m.pausedSteps.division === 1)
        m.warnings.push({ tick: m.tick, code: 'cellCapacity', message: `cell capacity of ${c.limit} cells reached: division pauses` });
      return;
    }
    insertCell(bins, m, d);
    const nS = c.nSignals;
    for (let s = 0; s < nS; s++) c.signals[d * nS + s] = c.signals[i * nS + s];
    return;
  }
}

export const cellBehaviourRule: Rule<'cells'> = { name: 'cells', init: initCells, run: cellBehaviour };
