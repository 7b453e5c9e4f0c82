// Pins profileByDistance (viz/profile.ts): distance to the nearest cell of the "from" type,
// binned, with the fraction of cells in the counted state per bin.
import { describe, expect, it } from 'vitest';
import { profileByDistance } from '../../viz/distanceChart';
import { bandStatus, binEdges, binsPerBar, mergeBins, MIN_TRUSTED_CELLS } from '../../viz/profile';
import { frameWith } from './frameFixture';

const TUMOUR = 0;
const T = 1;
const SUPPRESSED = 1;
const base = { cellType: T, state: SUPPRESSED, fromType: TUMOUR, binWidth: 50, maxDistance: 200 };

describe('profileByDistance', () => {
  it('returns every bin, centred, even with no cells', () => {
    const bins = profileByDistance(frameWith([]), base);
    expect(bins.map((b) => b.distance)).toEqual([25, 75, 125, 175]);
    expect(bins.every((b) => b.n === 0 && b.fraction === 0)).toBe(true);
  });

  it('bins each cell by the distance to the nearest cell of the from-type', () => {
    const f = frameWith([
      { x: 0, y: 0, type: TUMOUR },
      { x: 1000, y: 0, type: TUMOUR },
      { x: 30, y: 0, type: T, state: SUPPRESSED }, // 30 µm → bin 0
      { x: 0, y: 40, type: T, state: 0 }, // 40 µm → bin 0
      { x: 1000, y: 60, type: T, state: SUPPRESSED }, // 60 µm from the second tumour cell → bin 1
      { x: 500, y: 0, type: T, state: SUPPRESSED }, // 500 µm: beyond maxDistance, left out
    ]);
    const bins = profileByDistance(f, base);
    expect(bins[0]).toEqual({ distance: 25, fraction: 0.5, n: 2 });
    expect(bins[1]).toEqual({ distance: 75, fraction: 1, n: 1 });
    expect(bins[2].n + bins[3].n).toBe(0);
  });

  it('uses centre-to-centre distance (a cell exactly on a bin edge goes up)', () => {
    const f = frameWith([
      { x: 0, y: 0, type: TUMOUR },
      { x: 30, y: 40, type: T }, // exactly 50 µm
    ]);
    expect(profileByDistance(f, base)[1].n).toBe(1);
  });

  it('counts only the cell type asked for', () => {
    const f = frameWith([
      { x: 0, y: 0, type: TUMOUR },
      { x: 10, y: 0, type: 2, state: SUPPRESSED },
    ]);
    expect(profileByDistance(f, base).reduce((a, b) => a + b.n, 0)).toBe(0);
  });

  it('measures within each tissue, or only in the tissue asked for', () => {
    const f = frameWith([
      { x: 0, y: 0, type: TUMOUR, tissue: 0 },
      { x: 10, y: 0, type: T, tissue: 1, state: SUPPRESSED }, // no tumour in tissue 1
      { x: 120, y: 0, type: T, tissue: 0, state: SUPPRESSED },
      { x: 0, y: 0, type: TUMOUR, tissue: 2 },
      { x: 10, y: 0, type: T, tissue: 2 },
    ]);
    const all = profileByDistance(f, base);
    expect(all[0].n).toBe(1); // the tissue-2 cell
    expect(all[2].n).toBe(1); // the tissue-0 cell at 120 µm
    const only0 = profileByDistance(f, { ...base, tissue: 0 });
    expect(only0.map((b) => b.n)).toEqual([0, 0, 1, 0]);
  });

  it('excludes the cell itself when profiling against its own type', () => {
    const f = frameWith([
      { x: 0, y: 0, type: T, state: SUPPRESSED },
      { x: 70, y: 0, type: T, state: 0 },
    ]);
    const bins = profileByDistance(f, { ...base, fromType: T });
    expect(bins[1]).toEqual({ distance: 75, fraction: 0.5, n: 2 });
  });

  it('gives a partial last bin its own centre and stays finite for bad options', () => {
    const f = frameWith([{ x: 0, y: 0, type: TUMOUR }]);
    expect(profileByDistance(f, { ...base, maxDistance: 120 }).map((b) => b.distance)).toEqual([25, 75, 110]);
    for (const b of profileByDistance(f, { ...base, binWidth: 0, maxDistance: 3 })) expect(Number.isFinite(b.distance)).toBe(true);
    expect(profileByDistance(f, { ...base, maxDistance: NaN })).toEqual([]);
  });
});

describe('bands for the distance chart', () => {
  const bins = (ns: number[], hits: number[], width = 25) => ns.map((n, i) => ({ distance: (i + 0.5) * width, fraction: n > 0 ? hits[i] / n : 0, n }));

  it('calls a band empty, too few (1–2 cells) or enough', () => {
    expect(MIN_TRUSTED_CELLS).toBe(3);
    expect([0, 1, 2, 3, 40].map(bandStatus)).toEqual(['empty', 'few', 'few', 'ok', 'ok']);
    expect(bandStatus(NaN)).toBe('empty');
  });

  it('joins neighbouring bins: cells add up, the fraction is the joint share, the centre mid-span', () => {
    const merged = mergeBins(bins([2, 1, 0, 0, 4, 0], [2, 0, 0, 0, 1, 0]), 2);
    expect(merged).toEqual([
      { distance: 25, fraction: 2 / 3, n: 3 },
      { distance: 75, fraction: 0, n: 0 },
      { distance: 125, fraction: 0.25, n: 4 },
    ]);
    // A short remainder joins the last group rather than making a narrow bar of its own.
    expect(mergeBins(bins([2, 1, 0, 0, 4], [2, 0, 0, 0, 1]), 2)).toEqual([
      { distance: 25, fraction: 2 / 3, n: 3 },
      { distance: 87.5, fraction: 0.25, n: 4 },
    ]);
    // Joining never invents or loses cells.
    expect(merged.reduce((a, b) => a + b.n, 0)).toBe(7);
    expect(mergeBins(bins([1, 2], [1, 1]), 1)).toEqual(bins([1, 2], [1, 1]));
    expect(mergeBins(bins([1, 2], [1, 1]), NaN)).toEqual(bins([1, 2], [1, 1]));
  });

  it('finds bin edges from centres, keeping a narrower last bin its true end', () => {
    expect(binEdges([{ distance: 25, fraction: 0, n: 0 }, { distance: 75, fraction: 0, n: 0 }, { distance: 110, fraction: 0, n: 0 }])).toEqual([
      { x0: 0, x1: 50 },
      { x0: 50, x1: 100 },
      { x0: 100, x1: 120 },
    ]);
    const f = frameWith([{ x: 0, y: 0, type: TUMOUR }]);
    const e = binEdges(profileByDistance(f, { ...base, maxDistance: 120 }));
    expect(e[e.length - 1].x1).toBe(120);
  });

  it('joins just enough bins for each bar to hold its label', () => {
    expect(binsPerBar(16, 320, 20)).toBe(1); // 20 px bars already fit
    expect(binsPerBar(16, 320, 21)).toBe(2);
    expect(binsPerBar(16, 100, 40)).toBe(7);
    expect(binsPerBar(4, 10, 1000)).toBe(4); // never more than all of them
    expect(binsPerBar(16, 0, 20)).toBe(1);
  });
});
