// The engine benchmark (`npm run bench`): vesicle-updates per second for the full step
// (release, diffusion with binding checks, fates, compaction) at 10k, 100k and 1M packets with
// 500 cells, and the bytes each packet costs. Prints one JSON line per size and a summary line.
// Each size is measured `REPEATS` times and the best kept: on a shared machine, other work only
// ever slows a measurement down. Rates are given per second of wall time and of this process's
// CPU time (which other processes on a busy machine do not inflate). A last line times the page's
// ?bench scene at 1M (the letters tissue, 4 diffusion sub-steps a step): its steps per second are
// what the page can show at most.
import { createModel, parseScenario, schedule, step, VesicleStore } from '../sim/index';
import { benchInjection, benchScenario } from './scene';
import { lettersModel } from './lettersScene';
import type { Model } from '../sim/index';

function scenario(packets: number) {
  const p = parseScenario(benchScenario(packets));
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  const m = createModel(p.value, 'bench');
  schedule(m, benchInjection(packets));
  step(m, 1);
  return m;
}

const REPEATS = 3;

/** CPU seconds (user + system) this process has used. */
function cpuSeconds(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
}

function measureSize(packets: number, minSeconds: number, m: Model = scenario(packets)) {
  step(m, 3); // warm up the JIT on this size
  let wall = { rate: 0, steps: 0, msPerStep: 0 };
  let cpuRate = 0;
  for (let r = 0; r < REPEATS; r++) {
    let updates = 0;
    let steps = 0;
    const t0 = performance.now();
    const c0 = cpuSeconds();
    while (performance.now() - t0 < (minSeconds * 1000) / REPEATS || steps < 5) {
      updates += m.vesicles.count * m.tables.diffusion.substeps[0];
      step(m, 1);
      steps++;
    }
    const seconds = (performance.now() - t0) / 1000;
    cpuRate = Math.max(cpuRate, updates / (cpuSeconds() - c0));
    if (updates / seconds > wall.rate) wall = { rate: updates / seconds, steps, msPerStep: (seconds * 1000) / steps };
  }
  const v = m.vesicles;
  const allocated = v.columns().reduce((bytes, col) => bytes + col.array.byteLength, 0);
  return {
    packets: v.count,
    cells: m.cells.count,
    steps: wall.steps,
    substeps: m.tables.diffusion.substeps[0],
    updatesPerSecond: Math.round(wall.rate),
    updatesPerCpuSecond: Math.round(cpuRate),
    msPerStep: +wall.msPerStep.toFixed(2),
    cpuMsPerStep: +(((v.count * m.tables.diffusion.substeps[0]) / cpuRate) * 1000).toFixed(2),
    bytesPerPacket: VesicleStore.bytesPerPacket,
    bytesAllocatedPerPacket: +(allocated / v.count).toFixed(1),
  };
}

const sizes = [10_000, 100_000, 1_000_000];
const results = sizes.map((n) => measureSize(n, n >= 1_000_000 ? 4 : 2));
for (const r of results) console.log(JSON.stringify({ bench: 'engine.step', ...r }));
const letters = measureSize(1_000_000, 4, lettersModel(1_000_000, createModel, (m) => step(m, 1)));
console.log(JSON.stringify({ bench: 'engine.step', scene: 'letters (?bench)', ...letters }));
const big = results[results.length - 1];
console.log(
  JSON.stringify({
    bench: 'summary',
    node: process.version,
    at1M: { updatesPerSecond: big.updatesPerSecond, updatesPerCpuSecond: big.updatesPerCpuSecond, goal: 40_000_000, bytesPerPacket: big.bytesPerPacket, goalBytes: 40 },
    ratio100kTo10k: +(results[1].updatesPerSecond / results[0].updatesPerSecond).toFixed(2),
    letters1M: { msPerStep: letters.msPerStep, cpuMsPerStep: letters.cpuMsPerStep, stepsPerSecond: +(1000 / letters.msPerStep).toFixed(1), updatesPerCpuSecond: letters.updatesPerCpuSecond },
  }),
);
