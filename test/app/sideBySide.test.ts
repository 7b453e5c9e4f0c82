// Two views side by side: the lessons' declarations resolve against their scenarios (organ-address
// to the lung and liver patches, block-release to its paired drug run), a declaration that names
// a missing tissue or state gives no side-by-side view, the counts read from a frame, and the
// layout puts both panes in the stage at one scale, in a row or stacked, whichever is larger.
import { describe, expect, it } from 'vitest';
import { createModel, makeFrame, step } from '../../sim/index';
import { lesson } from '../../lessons/index';
import type { ScenarioFile } from '../../lessons/scenarioFile';
import { countIn, countText, resolveSideBySide } from '../../src/app/sideBySide/spec';
import { layoutPanes, type PanesInput } from '../../src/app/sideBySide/layout';

const withSpec = (s: ScenarioFile, sideBySide: unknown): ScenarioFile => ({ ...s, lesson: { ...s.lesson!, sideBySide: sideBySide as never } });

describe('side-by-side declarations', () => {
  it('organ-address shows the lung patch beside the liver patch, counting primed cells, with the primary tumour one button away', () => {
    const s = lesson('organ-address')!;
    const sbs = resolveSideBySide(s)!;
    expect(sbs.kind).toBe('tissues');
    if (sbs.kind !== 'tissues') return;
    expect(sbs.panes.map((p) => p.title)).toEqual(['Lung patch', 'Liver patch']);
    expect(sbs.panes.map((p) => Object.keys(s.tissues)[p.tissue])).toEqual(['lung', 'liver']);
    expect(sbs.otherLabel).toBe('Primary tumour');
    // The same scale needs the same size: both patches are drawn whole in equal canvases.
    expect(s.tissues.lung.width).toBe(s.tissues.liver.width);
    expect(s.tissues.lung.height).toBe(s.tissues.liver.height);
  });

  it('organ-address’s chart titles name what they show without answering a prompt before it is asked', () => {
    // Prompt 2 asks how many tumour cells reached the lung: no title may say "none" or "no …".
    for (const c of lesson('organ-address')!.lesson!.charts) expect(c.title, c.title).not.toMatch(/\b(none|no|yet|only)\b/i);
  });

  it('block-release shows its run without and with the declared drug, counting tumour cells', () => {
    const s = lesson('block-release')!;
    const sbs = resolveSideBySide(s)!;
    expect(sbs.kind).toBe('paired');
    if (sbs.kind !== 'paired') return;
    expect(sbs.panes.map((p) => p.title)).toEqual(['Without the drug', 'With drug (70 % less release)']);
    expect(sbs.decl.events).toEqual(s.lesson!.paired!.events);
  });

  it('gives no side-by-side view for a lesson without one, or for names its scenario lacks', () => {
    const s = lesson('organ-address')!;
    expect(resolveSideBySide(lesson('letters')!)).toBeNull();
    const panes = s.lesson!.sideBySide!.kind === 'tissues' ? s.lesson!.sideBySide!.panes : [];
    expect(resolveSideBySide(withSpec(s, { kind: 'tissues', panes: [{ ...panes[0], tissue: 'spleen' }, panes[1]] }))).toBeNull();
    expect(resolveSideBySide(withSpec(s, { kind: 'tissues', panes: [{ ...panes[0], count: { ...panes[0].count, state: 'asleep' } }, panes[1]] }))).toBeNull();
    expect(resolveSideBySide(withSpec(s, { kind: 'tissues', panes: [panes[0], panes[0]] }))).toBeNull();
    // A paired view needs the lesson's paired run.
    expect(resolveSideBySide(withSpec(s, { kind: 'paired', count: { cellType: 'tumour', label: 'Tumour' } }))).toBeNull();
  });

  it('counts the cells of a type (in a state) in the pane’s tissue only, and says it in words', () => {
    const s = lesson('organ-address')!;
    const sbs = resolveSideBySide(s)!;
    const m = createModel(s, '1');
    step(m, 8 * 60);
    const f = makeFrame(m, 0);
    const [lung, liver] = sbs.panes;
    const a = countIn(f, lung.tissue, lung.count);
    const b = countIn(f, liver.tissue, liver.count);
    expect(a.of).toBe(60);
    expect(b.of).toBe(60);
    // Counted by hand from the frame's columns.
    let primedLung = 0;
    for (let i = 0; i < f.cells.count; i++) if (f.cells.tissue[i] === lung.tissue && f.cells.type[i] === lung.count.type && f.cells.state[i] === lung.count.state) primedLung++;
    expect(a.n).toBe(primedLung);
    expect(a.n).toBeGreaterThan(b.n);
    expect(countText(f, lung.tissue, lung.count)).toBe(`Primed: ${a.n} of 60 lung fibroblasts`);
    const tumour = resolveSideBySide(lesson('block-release')!)!.panes[0];
    const g = createModel(lesson('block-release')!, '1');
    expect(countText(makeFrame(g, 0), tumour.tissue, tumour.count)).toBe('Tumour: 40 cells');
  });
});

describe('side-by-side layout', () => {
  const base: PanesInput = { width: 940, height: 536, tissueW: 360, tissueH: 240, head: 44, top: 0, gap: 8, margin: 4 };
  const inside = (r: { left: number; top: number; width: number; height: number }, w: number, h: number) => r.left >= -1e-9 && r.top >= -1e-9 && r.left + r.width <= w + 1e-9 && r.top + r.height <= h + 1e-9;

  it('puts a wide stage’s panes in a row, the same size, side by side, inside the stage, with a title band above each', () => {
    const L = layoutPanes(base);
    expect(L.arrangement).toBe('row');
    const [a, b] = L.canvases;
    expect(a.width).toBeCloseTo(b.width, 9);
    expect(a.height).toBeCloseTo(b.height, 9);
    expect(a.top).toBe(b.top);
    expect(b.left).toBeCloseTo(a.left + a.width + base.gap, 9);
    for (const r of [...L.canvases, ...L.heads]) expect(inside(r, base.width, base.height)).toBe(true);
    L.heads.forEach((hd, k) => {
      expect(hd.top + hd.height).toBeCloseTo(L.canvases[k].top, 9);
      expect(hd.left).toBe(L.canvases[k].left);
    });
    // The width is what limits a row: the two canvases fill it.
    expect(2 * a.width + base.gap).toBeCloseTo(base.width, 6);
    // Each canvas has the tissue's shape (plus the view's margin), at the scale it reports.
    expect(a.width).toBeCloseTo(360 * L.scale + 8, 9);
    expect(a.height).toBeCloseTo(240 * L.scale + 8, 9);
  });

  it('stacks the panes in a tall stage, and keeps out of the space kept at the top', () => {
    const tall = { ...base, width: 500, height: 900, top: 40 };
    const L = layoutPanes(tall);
    expect(L.arrangement).toBe('stack');
    expect(L.canvases[0].left).toBe(L.canvases[1].left);
    expect(L.heads[0].top).toBeGreaterThanOrEqual(40);
    expect(L.heads[1].top).toBeGreaterThanOrEqual(L.canvases[0].top + L.canvases[0].height + tall.gap - 1e-9);
    for (const r of [...L.canvases, ...L.heads]) expect(inside(r, tall.width, tall.height)).toBe(true);
  });

  it('picks whichever arrangement draws the tissue larger', () => {
    for (const [w, hgt] of [
      [940, 536],
      [1410, 850],
      [600, 700],
      [400, 900],
      [1200, 300],
    ]) {
      const L = layoutPanes({ ...base, width: w, height: hgt });
      const sRow = Math.min(((w - base.gap) / 2 - 8) / 360, (hgt - base.head - 8) / 240);
      const sStack = Math.min((w - 8) / 360, ((hgt - base.gap) / 2 - base.head - 8) / 240);
      expect(L.scale, `${w}×${hgt}`).toBeCloseTo(Math.max(sRow, sStack), 9);
      expect(L.arrangement).toBe(sRow >= sStack ? 'row' : 'stack');
    }
  });

  it('puts the titles over the canvases’ corners only where a band above them would draw the tissue smaller', () => {
    // Two 3 : 2 patches across a 1280 px stage as high as their row: a band would cost scale.
    const wide = { ...base, width: 1280, height: 430, gap: 2, overlay: true };
    const L = layoutPanes(wide);
    expect(L.titles).toBe('overlay');
    expect(L.arrangement).toBe('row');
    expect(L.scale).toBeCloseTo((1278 / 2 - 8) / 360, 9);
    L.heads.forEach((hd, k) => {
      expect(hd.top).toBe(L.canvases[k].top);
      expect(hd.left).toBe(L.canvases[k].left);
    });
    for (const r of [...L.canvases, ...L.heads]) expect(inside(r, wide.width, wide.height)).toBe(true);
    // Not allowed to overlay: the bands, at the smaller scale that leaves them room.
    const banded = layoutPanes({ ...wide, overlay: false });
    expect(banded.titles).toBe('band');
    expect(banded.scale).toBeCloseTo((430 - 44 - 8) / 240, 9);
    expect(banded.scale).toBeLessThan(L.scale);
    // Two 8 : 5 tissues with room to spare for the bands: the width limits both, the bands stay.
    const spare = layoutPanes({ ...wide, tissueW: 800, tissueH: 500, height: 460 });
    expect(spare.titles).toBe('band');
    expect(spare.scale).toBeCloseTo((1278 / 2 - 8) / 800, 9);
  });

  it('by width (a flowing page): stacks below the threshold, and says the height it needs', () => {
    const phone = layoutPanes({ ...base, width: 377, height: 0, top: 50, fitWidth: true, stackBelow: 600 });
    expect(phone.arrangement).toBe('stack');
    expect(phone.canvases[0].width).toBeCloseTo(377, 9);
    expect(phone.height).toBe(Math.ceil(50 + 2 * (44 + phone.canvases[0].height) + base.gap));
    const tablet = layoutPanes({ ...base, width: 756, height: 0, fitWidth: true, stackBelow: 600 });
    expect(tablet.arrangement).toBe('row');
    expect(tablet.height).toBe(Math.ceil(44 + tablet.canvases[0].height));
  });
});
