// Where one engine step goes, rule by rule, timed with a clock the caller gives (CPU time in Node,
// performance.now() in a browser): shared by bench/passes.ts and bench/passesInChromium.ts.
import { RULES, step, type Model } from '../sim/index';
import { lettersModel } from './lettersScene';

export interface PassTimes {
  scene: string;
  packets: number;
  substeps: number;
  msPerStepMedian: number;
  diffusionMsPerSubstep: number;
  perRule: Record<string, { best: number; median: number }>;
}

/** One step of m with each rule's run and the compaction timed apart: ms by name. */
export function timedStep(m: Model, clock: () => number): Record<string, number> {
  const ms: Record<string, number> = {};
  for (const rule of RULES) {
    if (!rule.run) continue;
    const t0 = clock();
    rule.run(m);
    ms[rule.name] = clock() - t0;
  }
  const t0 = clock();
  m.vesicles.compact();
  m.cells.compact();
  ms.compact = clock() - t0;
  m.tick++;
  return ms;
}

/** Best and median of each name's times, and the step's total of medians. */
export function summarise(samples: Record<string, number>[], m: Model, scene: string): PassTimes {
  const names = Object.keys(samples[0]);
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const col = (n: string) => samples.map((s) => s[n]);
  const perRule = Object.fromEntries(names.map((n) => [n, { best: +Math.min(...col(n)).toFixed(2), median: +median(col(n)).toFixed(2) }]));
  const total = names.reduce((s, n) => s + median(col(n)), 0);
  const ns = m.tables.diffusion.substeps[0];
  return { scene, packets: m.vesicles.count, substeps: ns, msPerStepMedian: +total.toFixed(1), diffusionMsPerSubstep: +(median(col('diffusion')) / ns).toFixed(2), perRule };
}

/** Times `steps` steps of m (after 3 to warm up), each rule's run and the compaction apart. */
export function passTimes(m: Model, steps: number, clock: () => number, scene: string): PassTimes {
  step(m, 3);
  const samples: Record<string, number>[] = [];
  for (let k = 0; k < steps; k++) samples.push(timedStep(m, clock));
  return summarise(samples, m, scene);
}

/** The ?bench scene with `packets` packets, injected. */
export function lettersReady(packets: number): Model {
  return lettersModel(packets, undefined, (x) => step(x, 1));
}
