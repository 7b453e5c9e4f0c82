// `npx tsx bench/passes.ts [--scene letters|bench] [--packets N] [--steps K]`: where one engine step
// goes, rule by rule (release, diffusion, fates, blood, …, compaction), in CPU ms per step at N
// packets, best and median over K steps. The letters scene is the page's ?bench (4 sub-steps).
import { RULES, step } from '../sim/index';
import { lettersModel } from './lettersScene';
import { benchInjection, benchScenario } from './scene';
import { createModel, parseScenario, schedule } from '../sim/index';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const scene = option('scene', 'letters');
const packets = Number(option('packets', '1000000'));
const steps = Number(option('steps', '20'));
if (!(packets > 0) || !(steps > 0)) throw new Error('--packets and --steps must be positive numbers');

function benchModel() {
  const p = parseScenario(benchScenario(packets));
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  const m = createModel(p.value, 'bench');
  schedule(m, benchInjection(packets));
  step(m, 1);
  return m;
}

const m = scene === 'letters' ? lettersModel(packets, createModel, (x) => step(x, 1)) : benchModel();
step(m, 3); // warm up
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const names = [...RULES.filter((r) => r.run).map((r) => r.name), 'compact'];
const ms: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let k = 0; k < steps; k++) {
  for (const rule of RULES) {
    if (!rule.run) continue;
    const t0 = cpu();
    rule.run(m);
    ms[rule.name].push(cpu() - t0);
  }
  const t0 = cpu();
  m.vesicles.compact();
  m.cells.compact();
  ms.compact.push(cpu() - t0);
  m.tick++;
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const perRule = Object.fromEntries(names.map((n) => [n, { best: +Math.min(...ms[n]).toFixed(2), median: +median(ms[n]).toFixed(2) }]));
const total = names.reduce((s, n) => s + median(ms[n]), 0);
const ns = m.tables.diffusion.substeps[0];
console.log(JSON.stringify({ bench: 'engine.passes', scene, packets: m.vesicles.count, substeps: ns, msPerStepMedian: +total.toFixed(1), diffusionMsPerSubstep: +(median(ms.diffusion) / ns).toFixed(2), perRule }));
