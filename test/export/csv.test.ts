// The CSV writers the app's downloads and the CLI share (src/lab/csv.ts, src/lab/cellRows.ts):
// the metric series are the CLI's --csv text exactly (same header, same numbers), and the cells
// table has one row per living cell with quoted fields where needed and empty cells for
// non-finite numbers.
import { describe, expect, it } from 'vitest';
import { createModel, step } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { seriesCsv as cliSeriesCsv } from '../../src/cli/csv';
import { cellTable, cellsCsv, cellsHeader, field, seriesCsv } from '../../src/lab';

describe('CSV export', () => {
  it('writes the metric series exactly as cellpost run --csv does', () => {
    const m = createModel(lesson('immune-suppression')!, '3');
    step(m, 200);
    const text = seriesCsv(m.series);
    expect(text).toBe(cliSeriesCsv(m.series));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(['t_hours', ...m.series.names].join(','));
    expect(lines.length).toBe(1 + m.series.t.length);
    expect(lines[lines.length - 1].split(',').length).toBe(1 + m.series.names.length);
  });

  it('leaves non-finite values empty and quotes fields that need it', () => {
    expect(seriesCsv({ names: ['a,b', 'c"d'], t: [0, 1], values: [[1, NaN], [Infinity, 2.5]] })).toBe('t_hours,"a,b","c""d"\n0,1,\n1,,2.5\n');
    expect(field('plain')).toBe('plain');
    expect(field('two\nlines')).toBe('"two\nlines"');
  });

  it('lists every living cell with its type, state, tissue, place, uptake and signals', () => {
    const m = createModel(lesson('immune-suppression')!, '1');
    step(m, 300);
    const t = cellTable(m);
    const text = cellsCsv(t);
    const lines = text.trimEnd().split('\n');
    const head = lines[0].split(',');
    expect(head).toEqual(cellsHeader(t));
    expect(head.slice(0, 7)).toEqual(['t_hours', 'id', 'type', 'state', 'tissue', 'x_um', 'y_um']);
    expect(head).toContain('uptake.tumourEV');
    expect(head).toContain('signal.pd1');
    let alive = 0;
    for (let i = 0; i < m.cells.count; i++) if (!m.cells.dead[i]) alive++;
    expect(lines.length - 1).toBe(alive);
    // Each row agrees with the engine's own arrays.
    const k = m.index.vesicleTypes.indexOf('tumourEV');
    const row = lines[1].split(',');
    expect(Number(row[0])).toBe((300 * m.dt) / 3600);
    const i = m.cells.indexOf(Number(row[1]));
    expect(row[2]).toBe(m.index.cellTypes[m.cells.type[i]]);
    expect(Number(row[5])).toBe(m.cells.x[i]);
    expect(Number(row[head.indexOf('uptake.tumourEV')])).toBe(m.cells.uptake[i * m.cells.nVesicleTypes + k]);
    const totalUptake = t.rows.reduce((s, r) => s + r.uptake.reduce((a, b) => a + b, 0), 0);
    expect(totalUptake).toBeGreaterThan(0);
  });
});
