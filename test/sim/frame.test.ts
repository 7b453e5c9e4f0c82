// Pins sim/frame.ts: a frame copies every packet's position, tissue and type, its density grid
// counts every packet once in the right bin, a handed-back store is written into (not replaced),
// and building a frame leaves the state hash as it was; in a run with several tissues each grid
// counts its own tissue's packets, and the blood figures are the census's; the cells' columns and
// the blood figures share one buffer, which moves to another thread whole.
import { describe, expect, it } from 'vitest';
import { createModel, densityGrids, frameBuffers, frameStoreOf, makeFrame, schedule, stateHash, step } from '../../sim/index';
import { NEVER } from '../../sim/state';
import { takeCensus } from '../../sim/metrics';
import { lesson } from '../../lessons/index';
import { model } from './helpers';

function withPackets(n: number) {
  const m = model();
  schedule(m, { kind: 'inject', vesicleType: 'ev', packets: n, tissue: 'tissue', x: 400, y: 250, radius: 200 });
  step(m, 2);
  return m;
}

describe('makeFrame', () => {
  it('copies positions and counts every packet once in the bin that holds it', () => {
    const m = withPackets(3000);
    const f = makeFrame(m, 0);
    const n = m.vesicles.count;
    expect(f.vesicles.count).toBe(n);
    expect(f.vesicles.xy[2 * 7]).toBeCloseTo(m.vesicles.x[7], 3);
    const g = f.density.grids[0];
    expect(g.nx * g.binUm).toBeGreaterThanOrEqual(800);
    expect(g.ny * g.binUm).toBeGreaterThanOrEqual(500);
    let sum = 0;
    for (const c of f.density.counts) sum += c;
    expect(sum).toBe(n);
    expect(f.density.perTissue).toEqual([n]);
    // Packet 0 is counted in its own bin.
    const bx = Math.floor(m.vesicles.x[0] / g.binUm);
    const by = Math.floor(m.vesicles.y[0] / g.binUm);
    expect(f.density.counts[by * g.nx + bx]).toBeGreaterThanOrEqual(1);
  });

  it('writes into a store that fits instead of allocating, and views only the used part', () => {
    const m = withPackets(2000);
    const grids = densityGrids(m);
    const first = makeFrame(m, 0, undefined, grids);
    const store = frameStoreOf(first);
    const big = { ...store, xy: new Float32Array(2 * (m.vesicles.count + 500)), tissue: new Uint8Array(m.vesicles.count + 500), type: new Uint8Array(m.vesicles.count + 500) };
    step(m, 3);
    const again = makeFrame(m, 0, big, grids);
    expect(again.vesicles.xy.buffer).toBe(big.xy.buffer);
    expect(again.density.counts).toBe(big.counts);
    expect(again.vesicles.xy.length).toBe(2 * m.vesicles.count);
    // The handed-back view covers the whole buffer again.
    expect(frameStoreOf(again).xy.length).toBe(big.xy.length);
    // A store too small is not used.
    const small = { ...big, xy: new Float32Array(2) };
    expect(makeFrame(m, 0, small, grids).vesicles.xy.buffer).not.toBe(small.xy.buffer);
  });

  it('does not change the state hash', () => {
    const m = withPackets(500);
    const before = stateHash(m);
    makeFrame(m, 0);
    expect(stateHash(m)).toBe(before);
  });

  it('bins each tissue into its own grid and carries the blood figures of the census (three tissues)', () => {
    const m = createModel(lesson('organ-address')!, '7');
    step(m, 400);
    const f = makeFrame(m, 0);
    const v = m.vesicles;
    const nt = f.density.grids.length;
    expect(nt).toBe(3);
    const want = new Array<number>(nt).fill(0);
    for (let i = 0; i < v.count; i++) if (v.tissue[i] < nt) want[v.tissue[i]]++;
    expect(want.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(f.density.perTissue).toEqual(want);
    f.density.grids.forEach((g, t) => {
      let sum = 0;
      for (let k = g.offset; k < g.offset + g.nx * g.ny; k++) sum += f.density.counts[k];
      expect(sum).toBe(want[t]);
    });
    const census = takeCensus(m);
    expect([...f.blood.packets]).toEqual([...census.bloodByType]);
    expect([...f.blood.perMl]).toEqual([...census.bloodPerMl]);
    expect(census.bloodByType.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('packs the cells and the blood into one buffer that moves whole, each value as the model has it', () => {
    const m = createModel(lesson('organ-address')!, '7');
    step(m, 400);
    const f = makeFrame(m, 0);
    const c = m.cells;
    const k = c.count;
    const columns = [f.cells.id, f.cells.x, f.cells.y, f.cells.radius, f.cells.type, f.cells.state, f.cells.tissue, f.cells.sinceUptake, f.cells.sinceChange, f.blood.packets, f.blood.perMl];
    expect(new Set(columns.map((a) => a.buffer)).size).toBe(1);
    // Each buffer is listed once (a transfer list with one twice is refused).
    const buffers = frameBuffers(f);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(5);
    // Moved as the worker moves it, the copy reads the model's values and the old buffers are emptied.
    const moved = structuredClone(f, { transfer: buffers });
    expect(f.cells.x.length).toBe(0);
    expect([...moved.cells.id]).toEqual([...c.id.subarray(0, k)]);
    expect([...moved.cells.x]).toEqual([...c.x.subarray(0, k)].map(Math.fround));
    expect([...moved.cells.y]).toEqual([...c.y.subarray(0, k)].map(Math.fround));
    expect([...moved.cells.radius]).toEqual([...c.radius.subarray(0, k)].map(Math.fround));
    expect([...moved.cells.type]).toEqual([...c.type.subarray(0, k)]);
    expect([...moved.cells.state]).toEqual([...c.state.subarray(0, k)]);
    expect([...moved.cells.tissue]).toEqual([...c.tissue.subarray(0, k)]);
    const since = (t: number) => (t === NEVER ? NEVER : m.tick - t);
    expect([...moved.cells.sinceUptake]).toEqual([...c.lastUptake.subarray(0, k)].map(since));
    expect([...moved.cells.sinceChange]).toEqual([...c.lastChange.subarray(0, k)].map(since));
    expect(moved.cells.sinceUptake.some((t) => t !== NEVER)).toBe(true);
    const census = takeCensus(m);
    expect([...moved.blood.packets]).toEqual([...census.bloodByType]);
    expect([...moved.blood.perMl]).toEqual([...census.bloodPerMl]);
  });
});
