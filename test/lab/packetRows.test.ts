// The packets table (src/lab/packetRows.ts): every packet of the model is in it once — free
// ones one row each at their place, bound ones counted per cell, blood ones per type and tissue
// of origin — so its counts add up to the engine's own holdings; over the cap it thins the free
// packets evenly and says by how much.
import { describe, expect, it } from 'vitest';
import { createModel, holdings, step } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { MAX_PACKET_ROWS, PACKET_COLUMNS, packetRows, packetsCsv } from '../../src/lab';

const column = (name: (typeof PACKET_COLUMNS)[number]) => PACKET_COLUMNS.indexOf(name);

function census(lines: string[]): Record<string, number> {
  const out: Record<string, number> = { free: 0, bound: 0, blood: 0 };
  for (const l of lines) {
    const f = l.split(',');
    out[f[column('state')]] += Number(f[column('count')]);
  }
  return out;
}

describe('packets table', () => {
  it('holds every free, bound and blood packet once: its counts equal the engine holdings', () => {
    const m = createModel(lesson('liquid-biopsy')!, '2');
    step(m, 900);
    const h = holdings(m);
    expect(h.free).toBeGreaterThan(0);
    expect(h.blood).toBeGreaterThan(0);
    const rows = packetRows(m);
    expect(rows.stride).toBe(1);
    expect(rows.written).toBe(h.free);
    expect(census(rows.lines)).toEqual(h);
  });

  it('puts each free packet at its place, with its type, tissue, origin and birth time', () => {
    const m = createModel(lesson('immune-suppression')!, '1');
    step(m, 300);
    const text = packetsCsv(packetRows(m));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(PACKET_COLUMNS.join(','));
    const v = m.vesicles;
    const i = Math.floor(v.count / 2);
    const f = lines[1 + i].split(',');
    expect(f[column('state')]).toBe('free');
    expect(Number(f[column('t_hours')])).toBe((300 * m.dt) / 3600);
    expect(f[column('type')]).toBe(m.index.vesicleTypes[v.type[i]]);
    expect(f[column('tissue')]).toBe(m.index.tissues[v.tissue[i]]);
    expect(Number(f[column('x_um')])).toBe(v.x[i]);
    expect(Number(f[column('y_um')])).toBe(v.y[i]);
    expect(f[column('origin_cell')]).toBe(v.originCell[i] < 0 ? '' : String(v.originCell[i]));
    expect(Number(f[column('born_hours')])).toBe((v.born[i] * m.dt) / 3600);
    expect(lines.every((l) => l.split(',').length === PACKET_COLUMNS.length)).toBe(true);
    const bound = lines.filter((l) => l.split(',')[column('state')] === 'bound');
    expect(bound.length).toBeGreaterThan(0);
    const b = bound[0].split(',');
    const j = m.cells.indexOf(Number(b[column('cell')]));
    expect(Number(b[column('x_um')])).toBe(m.cells.x[j]);
  });

  it('over the cap writes 1 in every k free packets, evenly, and still counts every bound and blood packet', () => {
    const m = createModel(lesson('immune-suppression')!, '1');
    step(m, 300);
    const all = packetRows(m);
    const cap = Math.floor(m.vesicles.count / 3);
    const thin = packetRows(m, cap);
    expect(thin.stride).toBe(Math.ceil(m.vesicles.count / cap));
    expect(thin.written).toBeLessThanOrEqual(cap);
    expect(thin.written).toBe(Math.ceil(m.vesicles.count / thin.stride));
    expect(thin.lines.slice(0, thin.written)).toEqual(all.lines.slice(0, all.written).filter((_, k) => k % thin.stride === 0));
    expect(thin.lines.slice(thin.written)).toEqual(all.lines.slice(all.written));
    expect(MAX_PACKET_ROWS).toBe(500_000);
  });
});
