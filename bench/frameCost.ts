// `npx tsx bench/frameCost.ts`: the CPU cost of one frame's work at 100k and 1M packets, without a
// browser, as the fastest of many repeats (robust on a busy machine): building a frame in the
// worker with fresh arrays or into a handed-back store, and the page's density layer — binning
// every dot on the page (before) or painting the worker's grid (now) — on a 1280 × 530 canvas.
import { createModel, densityGrids, frameStoreOf, makeFrame, step } from '../sim/index';
import { benchScenario } from '../src/app/bench';
import { binDots, createBins, densityLut, paintDensity } from '../viz/dotLayer';
import { createGridScratch, gridVisible, paintGrid } from '../viz/densityGrid';

const W = 1280;
const H = 530;

function fastest(repeats: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return Math.round(best * 100) / 100;
}

for (const n of [100_000, 1_000_000]) {
  const m = createModel(await benchScenario(n), '1');
  step(m, 2);
  const grids = densityGrids(m);
  const first = makeFrame(m, 0, undefined, grids);
  const store = frameStoreOf(first);
  const repeats = n > 200_000 ? 15 : 40;
  const fresh = fastest(repeats, () => makeFrame(m, 0, undefined, grids));
  const pooled = fastest(repeats, () => makeFrame(m, 0, store, grids));
  // The tissue fills the canvas at about 1 px per µm (the letters tissue is 800 × 500 µm).
  const map = { ax: 1.06, bx: 0, ay: 1.06, by: 0 };
  const pixels = new Uint32Array(W * H);
  const target = { pixels, width: W, height: H };
  const lut = densityLut();
  const bins = createBins(W, H, 4);
  const pageBinning = fastest(repeats, () => {
    binDots(first.vesicles, 0, map, W, H, bins);
    paintDensity(target, bins, lut, bins.max);
  });
  const s = createGridScratch();
  const g = first.density.grids[0];
  const pageGrid = fastest(repeats, () => {
    const { max } = gridVisible(first.density.counts, g, map, W, H, s);
    paintGrid(target, first.density.counts, g, s, lut, max);
  });
  console.log(JSON.stringify({ bench: 'frame-cost', packets: m.vesicles.count, makeFrameFreshMs: fresh, makeFramePooledMs: pooled, frameMB: +((first.vesicles.xy.byteLength + first.vesicles.tissue.byteLength + first.vesicles.type.byteLength) / 1e6).toFixed(1), pageDensityBinEveryDotMs: pageBinning, pageDensityFromGridMs: pageGrid }));
}
