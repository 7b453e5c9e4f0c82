// `npx tsx bench/passes.ts [--scene letters|bench] [--packets N] [--steps K]`: where one engine step
// goes, rule by rule (release, diffusion, fates, blood, …, compaction), in CPU ms per step at N
// packets, best and median over K steps. The letters scene is the page's ?bench (4 sub-steps).
import { createModel, parseScenario, schedule, step } from '../sim/index';
import { benchInjection, benchScenario } from './scene';
import { lettersReady, passTimes } from './passTimes';

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

const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const m = scene === 'letters' ? lettersReady(packets) : benchModel();
console.log(JSON.stringify({ bench: 'engine.passes', ...passTimes(m, steps, cpu, scene) }));
