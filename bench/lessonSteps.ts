// `npx tsx bench/lessonSteps.ts [REV] [--steps N]`: every lesson at its defaults, stepped by this
// tree's engine and by the engine of git revision REV (default main) in one process, alternating
// step by step; prints CPU ms per step of each (after a 50-step warm-up) and whether the state
// hashes agree. For changes that speed up large runs: small runs must not get slower.
import * as here from '../sim/index';
import { lessons } from '../lessons/index';
import { engineAt } from './engineAt';

const args = process.argv.slice(2);
const rev = args[0] && !args[0].startsWith('--') ? args[0] : 'main';
const i = args.indexOf('--steps');
const steps = i >= 0 ? Number(args[i + 1]) : 300;
if (!(steps > 50)) throw new Error('--steps must be a number above 50');

const there = await engineAt(rev);
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
for (const l of lessons()) {
  const mine = here.createModel(l, l.seed);
  const theirs = there.createModel(l, l.seed);
  let msHere = 0;
  let msThere = 0;
  for (let k = 0; k < steps; k++) {
    const t0 = cpu();
    if (k % 2 === 0) here.step(mine, 1);
    else there.step(theirs, 1);
    const t1 = cpu();
    if (k % 2 === 0) there.step(theirs, 1);
    else here.step(mine, 1);
    const t2 = cpu();
    if (k < 50) continue;
    msHere += k % 2 === 0 ? t1 - t0 : t2 - t1;
    msThere += k % 2 === 0 ? t2 - t1 : t1 - t0;
  }
  const n = steps - 50;
  console.log(
    JSON.stringify({
      bench: 'engine.lessonSteps',
      lesson: l.id,
      packets: mine.vesicles.count,
      cells: mine.cells.count,
      msPerStep: { here: +(msHere / n).toFixed(3), [rev]: +(msThere / n).toFixed(3) },
      ratio: +(msThere / msHere).toFixed(2),
      sameHashes: here.stateHash(mine) === there.stateHash(theirs),
    }),
  );
}
