// `npm run bench:compare -- [REV] [--packets N] [--reps R] [--pass NAME] [--scene bench|letters]`: this working tree's
// engine against the engine of git revision REV (default main) in one process, on the bench scene
// (or the page's ?bench scene, `--scene letters`: 4 diffusion sub-steps a step).
// Both models get the same saved state before every repetition; then one step (or one rule's
// pass, or `compact`) of each runs, alternating which goes first, timed in CPU time. Prints the
// best rates, their ratio, and whether the two engines' state hashes agreed after every step.
import * as here from '../sim/index';
import { benchInjection, benchScenario } from './scene';
import { lettersModel } from './lettersScene';
import { engineAt } from './engineAt';

type Sim = typeof here;
type Model = ReturnType<Sim['createModel']>;
type Snapshot = ReturnType<Sim['snapshot']>;

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const rev = args[0] && !args[0].startsWith('--') ? args[0] : 'main';
const packets = Number(option('packets', '1000000'));
const reps = Number(option('reps', '30'));
const pass = option('pass', 'step');
const scene = option('scene', 'bench');
if (!(packets > 0) || !(reps > 0)) throw new Error('--packets and --reps must be positive numbers');

function model(sim: Sim): Model {
  if (scene === 'letters') return lettersModel(packets, sim.createModel, (m) => sim.step(m, 4));
  const p = sim.parseScenario(benchScenario(packets));
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  const m = sim.createModel(p.value, 'bench');
  sim.schedule(m, benchInjection(packets));
  sim.step(m, 4);
  return m;
}

/** Puts a snapshot's run state into m (same scene), reusing m's arrays. */
function load(m: Model, snap: Snapshot): void {
  const v = m.vesicles;
  v.reserve(snap.vesicles.count - v.count);
  for (const col of v.columns()) col.array.set(snap.vesicles[col.name] as never);
  v.count = snap.vesicles.count;
  for (const col of m.cells.columns()) col.array.set(snap.cells.columns[col.name] as never);
  m.cells.count = snap.cells.count;
  m.cells.nextId = snap.cells.nextId;
  for (const name of Object.keys(snap.rng) as (keyof Model['rng'])[]) m.rng[name].setState(snap.rng[name]);
  m.blood.set(snap.blood);
  Object.assign(m.ledger, snap.ledger);
  m.tick = snap.tick;
  m.deaths.set(snap.deaths);
  m.uptakeTotals.set(snap.uptakeTotals);
}

/** One step, or just one part of it (the parts before it run untimed); returns CPU ms of the timed part. */
function timed(sim: Sim, m: Model): number {
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  if (pass === 'step') {
    const t0 = cpu();
    sim.step(m, 1);
    return cpu() - t0;
  }
  let ms = 0;
  for (const rule of sim.RULES) {
    if (!rule.run) continue;
    const t0 = cpu();
    rule.run(m);
    if (rule.name === pass) ms = cpu() - t0;
  }
  const t0 = cpu();
  m.vesicles.compact();
  if (pass === 'compact') ms = cpu() - t0;
  m.cells.compact();
  m.tick++;
  return ms;
}

const there = await engineAt(rev);
const mine = model(here);
const theirs = model(there);
// Both start from this state every repetition (the two engines agree on it: see sameHashes).
const saved = here.snapshot(mine);
const ms = { mine: [] as number[], theirs: [] as number[] };
let sameHashes = true;
for (let r = 0; r < reps; r++) {
  load(mine, saved);
  load(theirs, saved);
  if (r % 2 === 0) {
    ms.theirs.push(timed(there, theirs));
    ms.mine.push(timed(here, mine));
  } else {
    ms.mine.push(timed(here, mine));
    ms.theirs.push(timed(there, theirs));
  }
  if (here.stateHash(mine) !== there.stateHash(theirs)) sameHashes = false;
}
const best = (a: number[]) => Math.min(...a);
const quartile = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 4)];
const rate = (t: number) => Math.round((saved.vesicles.count / t) * 1000);
const sameStart = here.stateHash(model(here)) === there.stateHash(model(there));
console.log(
  JSON.stringify({
    bench: 'engine.compare',
    pass,
    packets: saved.vesicles.count,
    reps,
    against: rev,
    scene,
    updatesPerCpuSecond: { here: rate(best(ms.mine)), [rev]: rate(best(ms.theirs)) },
    ratioBest: +(best(ms.theirs) / best(ms.mine)).toFixed(3),
    ratioQuartile: +(quartile(ms.theirs) / quartile(ms.mine)).toFixed(3),
    sameHashes: sameHashes && sameStart,
  }),
);
