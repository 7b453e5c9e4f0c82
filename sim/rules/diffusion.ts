// Diffusion: Brownian motion of free packets in tissue. Each (sub-)step moves a packet by a
// uniform step on each axis with variance 2·D·dt (so the mean squared displacement is exactly
// 4·D·t), reflects it off the tissue walls, lets it cross a barrier line only with the barrier's
// permeability, and when the step lands on a cell, either binds it (binding.ts) or bounces it
// back: cells are obstacles. Steps longer than half the smallest cell radius are split into
// sub-steps so packets cannot jump over a membrane; settings that would need more than
// MAX_SUBSTEPS are refused at validation with what to change.
//
// The hot loop runs seedrandom's xor128 step inline on local state words and takes both axes
// from one 32-bit draw (16 bits each), and asks a fine grid of near bits before it looks for a
// cell (sim/nearGrid.ts), see docs/implementation-notes.md.
import type { Model } from '../model';
import type { Rule } from '../rule';
import type { Scenario } from '../schema';
import { REMOVED } from '../state';
import { touchProbability, bindChance, bind } from './binding';
import { prepareNear } from '../nearGrid';

export interface DiffusionTable {
  /** Half-width of the uniform step per axis (µm), per tissue: √(6·D·dtSub). */
  halfStep: Float64Array;
  substeps: Int32Array;
  width: Float64Array;
  height: Float64Array;
  /** Barrier lines: tissue t owns barriers barStart[t]..barStart[t+1]. */
  barStart: Int32Array;
  barHorizontal: Uint8Array;
  barPosition: Float64Array;
  barChance: Float64Array;
}

/**
 * The most sub-steps one step may be split into. Settings that would need more (a long time step,
 * fast diffusion, small cells) are refused when the scenario is validated (substepProblems), with
 * the time step, diffusion or radius that would do: a capped step would jump over small cells and
 * silently lower uptake.
 */
export const MAX_SUBSTEPS = 1024;

/** Sub-steps that keep the uniform step's half-width √(6·D·dt/n) at most half the smallest cell radius. */
export function substepsNeeded(D: number, dt: number, rmin: number): number {
  // Without cell types there is no membrane to jump over, so no need to split the step.
  if (!Number.isFinite(rmin) || !(D > 0)) return 1;
  const maxHalf = 0.5 * rmin;
  return Math.max(1, Math.ceil((6 * D * dt) / (maxHalf * maxHalf)));
}

/** The smallest cell radius of a scenario (µm) and its cell type, or Infinity without cell types. */
function smallestCell(s: Scenario): { r: number; id: string } {
  let best = { r: Infinity, id: '' };
  for (const [id, ct] of Object.entries(s.cellTypes)) if (ct.radius < best.r) best = { r: ct.radius, id };
  return best;
}

/** x to 3 significant digits, moved (down, or up) until `fits` holds: a suggestion that surely works. */
function suggest(x: number, up: boolean, fits: (y: number) => boolean): number {
  let y = +x.toPrecision(3);
  for (let k = 0; k < 20 && !fits(y); k++) y = +(y * (up ? 1.01 : 0.99)).toPrecision(3);
  return y;
}

/** Tissues whose diffusion, with the time step and smallest cell, would need more than MAX_SUBSTEPS sub-steps. */
export function substepProblems(s: Scenario): { path: (string | number)[]; message: string }[] {
  const { r, id } = smallestCell(s);
  const dt = s.dtSeconds;
  const out: { path: (string | number)[]; message: string }[] = [];
  for (const [tId, tissue] of Object.entries(s.tissues)) {
    const D = tissue.diffusion;
    const n = substepsNeeded(D, dt, r);
    if (n <= MAX_SUBSTEPS) continue;
    const room = MAX_SUBSTEPS * 0.25 * r * r;
    const fits = (d: number, t: number, rr: number) => substepsNeeded(d, t, rr) <= MAX_SUBSTEPS;
    const dtMax = suggest(room / (6 * D), false, (y) => fits(D, y, r));
    const dMax = suggest(room / (6 * dt), false, (y) => fits(y, dt, r));
    const rMin = suggest(2 * Math.sqrt((6 * D * dt) / MAX_SUBSTEPS), true, (y) => fits(D, dt, y));
    out.push({
      path: ['tissues', tId, 'diffusion'],
      message:
        `vesicle diffusion of ${D} µm²/s with a time step of ${dt} s is too coarse for cells as small as ${r} µm (${id}): ` +
        `a step would need ${n} sub-steps to keep vesicles from jumping over cells, and at most ${MAX_SUBSTEPS} are taken. ` +
        `Use a time step of at most ${dtMax} s, a vesicle diffusion of at most ${dMax} µm²/s here, or cells of radius at least ${rMin} µm`,
    });
  }
  return out;
}

export function initDiffusion(m: Model): DiffusionTable {
  const s = m.scenario;
  const ids = m.index.tissues;
  const rmin = smallestCell(s).r;
  const halfStep = new Float64Array(ids.length);
  const substeps = new Int32Array(ids.length);
  const barStart = new Int32Array(ids.length + 1);
  const horiz: number[] = [];
  const pos: number[] = [];
  const chance: number[] = [];
  ids.forEach((id, t) => {
    const tissue = s.tissues[id];
    const D = tissue.diffusion;
    const n = substepsNeeded(D, m.dt, rmin);
    // Validation refuses such settings (substepProblems); a step is never silently capped.
    if (n > MAX_SUBSTEPS) throw new Error(substepProblems(s)[0]?.message ?? `tissue ${id} needs ${n} diffusion sub-steps; at most ${MAX_SUBSTEPS}`);
    substeps[t] = n;
    halfStep[t] = Math.sqrt((6 * D * m.dt) / n);
    for (const b of tissue.barriers) {
      horiz.push(b.orientation === 'horizontal' ? 1 : 0);
      pos.push(b.position);
      chance.push(touchProbability(b.permeability, m.dt / n, D));
    }
    barStart[t + 1] = horiz.length;
  });
  return {
    halfStep,
    substeps,
    width: Float64Array.from(ids.map((id) => s.tissues[id].width)),
    height: Float64Array.from(ids.map((id) => s.tissues[id].height)),
    barStart,
    barHorizontal: Uint8Array.from(horiz),
    barPosition: Float64Array.from(pos),
    barChance: Float64Array.from(chance),
  };
}

const HALF16 = 1 / 32768;
const U32 = 1 / 4294967296;

export function diffuse(m: Model): void {
  const v = m.vesicles;
  const n = v.count;
  const X = v.x;
  const Y = v.y;
  const T = v.tissue;
  const d = m.tables.diffusion;
  const { halfStep, substeps, width, height, barStart, barHorizontal, barPosition, barChance } = d;
  const g = m.tables.grid;
  const { binStart, items, cols, offset, fineShift: fk, fineInv, fineCols, fineRows, fineOffset, near, nearCell } = g;
  const cx = m.cells.x;
  const cy = m.cells.y;
  const cr = m.cells.radius;
  // Sub-step updates of this pass, at most: whether marking the fine grid pays.
  let most = 0;
  for (let t = 0; t < substeps.length; t++) most = Math.max(most, substeps[t]);
  const marked = prepareNear(g, m, n * most);
  const rng = m.rng.diffusion;
  let sx = rng.x;
  let sy = rng.y;
  let sz = rng.z;
  let sw = rng.w;
  let tt = 0;
  // Per-tissue constants, reloaded only when the tissue changes from one packet to the next.
  let lastT = -1;
  let a = 0;
  let w = 0;
  let h = 0;
  let ns = 1;
  let b0 = 0;
  let b1 = 0;
  let gc = 0;
  let go = 0;
  let fi = 0;
  let fc = 0;
  let fr = 0;
  let fo = 0;
  for (let i = 0; i < n; i++) {
    const t = T[i];
    if (t === REMOVED) continue;
    if (t !== lastT) {
      lastT = t;
      a = halfStep[t];
      w = width[t];
      h = height[t];
      ns = substeps[t];
      b0 = barStart[t];
      b1 = barStart[t + 1];
      gc = cols[t];
      go = offset[t];
      fi = fineInv[t];
      fc = fineCols[t];
      fr = fineRows[t];
      fo = fineOffset[t];
    }
    if (a === 0) continue;
    let x = X[i];
    let y = Y[i];
    let bound = false;
    for (let s = 0; s < ns; s++) {
      tt = sx ^ (sx << 11);
      sx = sy;
      sy = sz;
      sz = sw;
      sw = sw ^ (sw >>> 19) ^ tt ^ (tt >>> 8);
      let nx = x + a * (((sw & 0xffff) + 0.5) * HALF16 - 1);
      let ny = y + a * (((sw >>> 16) + 0.5) * HALF16 - 1);
      if (nx < 0) nx = -nx;
      else if (nx > w) nx = w + w - nx;
      if (ny < 0) ny = -ny;
      else if (ny > h) ny = h + h - ny;
      if (nx < 0 || nx > w) nx = nx < 0 ? 0 : w;
      if (ny < 0 || ny > h) ny = ny < 0 ? 0 : h;
      if (b1 > b0) {
        let blocked = false;
        for (let k = b0; k < b1; k++) {
          const p = barPosition[k];
          const crosses = barHorizontal[k] === 1 ? y < p !== ny < p : x < p !== nx < p;
          if (!crosses) continue;
          tt = sx ^ (sx << 11);
          sx = sy;
          sy = sz;
          sz = sw;
          sw = sw ^ (sw >>> 19) ^ tt ^ (tt >>> 8);
          if ((sw >>> 0) * U32 >= barChance[k]) blocked = true;
        }
        if (blocked) continue;
      }
      // The cell check, exactly as a walk over the cells listed in the landing point's bin
      // would answer it, from the fine grid (sim/nearGrid.ts): most landing points are in no
      // listed cell's reach, which a clear bit (one per 2 µm bin in the lessons: in L1) says
      // for certain; most of the others are in reach of one cell only, the one to test.
      let fx = (nx * fi) | 0;
      let fy = (ny * fi) | 0;
      if (fx >= fc) fx = fc - 1;
      if (fy >= fr) fy = fr - 1;
      const f = fo + fy * fc + fx;
      if (((near[f >>> 5] >>> (f & 31)) & 1) === 0) {
        x = nx;
        y = ny;
        continue;
      }
      let hit = -1;
      const one = marked ? nearCell[f] : -2;
      if (one >= 0) {
        const dx = cx[one] - nx;
        const dy = cy[one] - ny;
        const r = cr[one];
        if (dx * dx + dy * dy < r * r) hit = one;
      } else {
        // Several cells in reach (or too few packets to mark the fine grid, which then has every
        // bit set): walk the bin's list in its order, the first hit counts.
        const b = go + (fy >> fk) * gc + (fx >> fk);
        const k1 = binStart[b + 1];
        for (let k = binStart[b]; k < k1; k++) {
          const j = items[k];
          const dx = cx[j] - nx;
          const dy = cy[j] - ny;
          const r = cr[j];
          if (dx * dx + dy * dy < r * r) {
            hit = j;
            break;
          }
        }
      }
      if (hit >= 0) {
        const ox = cx[hit] - x;
        const oy = cy[hit] - y;
        const r = cr[hit];
        if (ox * ox + oy * oy >= r * r) {
          // A touch from outside: bind, or bounce back.
          tt = sx ^ (sx << 11);
          sx = sy;
          sy = sz;
          sz = sw;
          sw = sw ^ (sw >>> 19) ^ tt ^ (tt >>> 8);
          if ((sw >>> 0) * U32 < bindChance(m, i, hit)) {
            bind(m, i, hit);
            bound = true;
            break;
          }
          continue;
        }
        // Already inside (a cell moved onto it): let it drift out.
      }
      x = nx;
      y = ny;
    }
    if (!bound) {
      X[i] = x;
      Y[i] = y;
    }
  }
  rng.x = sx;
  rng.y = sy;
  rng.z = sz;
  rng.w = sw;
}

export const diffusionRule: Rule<'diffusion'> = { name: 'diffusion', init: initDiffusion, run: diffuse };
