// Cell behaviour: contact killing (an active killer touching a target kills it at a rate),
// background death, division (doubling time; the daughter needs free room beside the mother)
// and migration (a random walk with the type's motility; moves into another cell are refused).
// Cells act in index order; daughters born this step act from the next step on.
import type { Model } from '../model';
import type { Rule } from '../rule';
import { DeathCause } from '../state';
import { chanceIn } from '../random';
import { neighbours } from '../grid';
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

/** True when a disc of radius r at (x, y) in tissue t overlaps no live cell except `skip`. */
function roomAt(m: Model, t: number, x: number, y: number, r: number, skip: number): boolean {
  const c = m.cells;
  const w = m.tables.diffusion.width[t];
  const h = m.tables.diffusion.height[t];
  if (x < r || y < r || x > w - r || y > h - r) return false;
  for (let j = 0; j < c.count; j++) {
    if (j === skip || c.dead[j] || c.tissue[j] !== t) continue;
    const dx = c.x[j] - x;
    const dy = c.y[j] - y;
    const rr = c.radius[j] + r;
    if (dx * dx + dy * dy < rr * rr) return false;
  }
  return true;
}

export function cellBehaviour(m: Model): void {
  const c = m.cells;
  const tab = m.tables.cells;
  const rng = m.rng.cells;
  const g = m.tables.grid;
  const n = c.count;
  for (let i = 0; i < n; i++) {
    if (c.dead[i]) continue;
    const type = c.type[i];
    const k = tab.killing[type];
    if (k && k.fromStates[c.state[i]]) {
      let victim = -1;
      neighbours(g, m, i, k.reach, (j) => {
        if (victim < 0 && j < n && k.targets[c.type[j]] && k.targetStates[c.type[j]][c.state[j]]) victim = j;
      });
      if (victim >= 0 && rng.next() < k.chance) killCell(m, victim, DeathCause.Contact);
    }
    if (tab.die[type] > 0 && rng.next() < tab.die[type]) {
      killCell(m, i, DeathCause.Background);
      continue;
    }
    if (tab.divide[type] > 0 && rng.next() < tab.divide[type]) divide(m, i);
    const a = tab.walk[type];
    if (a > 0) {
      const nx = c.x[i] + a * (2 * rng.next() - 1);
      const ny = c.y[i] + a * (2 * rng.next() - 1);
      if (roomNear(m, i, nx, ny)) {
        c.x[i] = nx;
        c.y[i] = ny;
      }
    }
  }
}

/** Room for cell i at (x, y): inside its tissue and overlapping no neighbour. */
function roomNear(m: Model, i: number, x: number, y: number): boolean {
  const c = m.cells;
  const t = c.tissue[i];
  const r = c.radius[i];
  if (x < r || y < r || x > m.tables.diffusion.width[t] - r || y > m.tables.diffusion.height[t] - r) return false;
  let free = true;
  neighbours(m.tables.grid, m, i, 2 * r, (j) => {
    const dx = c.x[j] - x;
    const dy = c.y[j] - y;
    const rr = c.radius[j] + r;
    if (dx * dx + dy * dy < rr * rr) free = false;
  });
  return free;
}

function divide(m: Model, i: number): void {
  const c = m.cells;
  const rng = m.rng.cells;
  const r = c.radius[i];
  const t = c.tissue[i];
  const a0 = rng.below(RIM_ANGLES);
  for (let tries = 0; tries < 8; tries++) {
    const a = (a0 + tries * (RIM_ANGLES / 8)) % RIM_ANGLES;
    const x = c.x[i] + (2 * r + 0.2) * RIM_COS[a];
    const y = c.y[i] + (2 * r + 0.2) * RIM_SIN[a];
    if (!roomAt(m, t, x, y, r, i)) continue;
    const d = c.add(x, y, r, c.type[i], c.state[i], t, m.tick);
    if (d < 0) {
      m.pausedSteps.division++;
      if (m.pausedSteps.division === 1)
        m.warnings.push({ tick: m.tick, code: 'cellCapacity', message: `cell capacity of ${c.limit} cells reached: division pauses` });
      return;
    }
    const nS = c.nSignals;
    for (let s = 0; s < nS; s++) c.signals[d * nS + s] = c.signals[i * nS + s];
    return;
  }
}

export const cellBehaviourRule: Rule<'cells'> = { name: 'cells', init: initCells, run: cellBehaviour };
