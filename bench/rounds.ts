// Builds against builds over several rounds of bench:browser, for the long-task goal (no
// main-thread task over 50 ms while a lesson plays at 4×), whose count moves by several tasks
// between runs of one build: one number says little, rounds and alternation say more.
//
//   npx tsx bench/rounds.ts --dists /tmp/a-dist,/tmp/b-dist [--rounds 2] [--cases a,b] [--seconds 30]
//                           [--rate 4] [--over 50] [-- more flags for bench/browser.ts]
//
// Each round runs every case once per build in a fresh bench:browser process, and the build that
// goes first alternates from case to case and round to round. Prints each run as it ends, then a
// Markdown table (display fps median / tasks over --over ms as [ms after first picture, ms]) and
// per build: tasks over --over, the longest task, runs with none, the first picture's median.
import { spawnSync } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { loadavg } from 'node:os';
import { lessonIds } from '../lessons/index';
import { arg } from './args';

type Run = { build: string; round: number; case: string; fps: number; count: number; tasks: [number, number][]; firstPicture: number; load: number };

const split = process.argv.indexOf('--');
const passOn = split >= 0 ? process.argv.slice(split + 1) : [];
const dists = arg('dists', '').split(',').filter(Boolean);
if (dists.length === 0) throw new Error('--dists DIR[,DIR…] is required (builds made with `npx vite build --outDir DIR`)');
const rounds = Number(arg('rounds', '2'));
const seconds = arg('seconds', '30');
const rate = arg('rate', '4');
const over = Number(arg('over', '50'));
if (!(rounds >= 1 && rounds <= 20)) throw new Error('--rounds must be 1 to 20');
if (!(over > 0)) throw new Error('--over must be a positive number of ms');
const cases = arg('cases', lessonIds().join(',')).split(',');
const name = (d: string) => (basename(d) === 'dist' ? basename(dirname(d)) : basename(d));

/** One bench:browser run of one case on one build; null when it printed no row. */
function benchOnce(dist: string, c: string, round: number): Run | null {
  const out = spawnSync('npx', ['tsx', 'bench/browser.ts', '--no-build', '--dist', dist, '--rates', rate, '--seconds', seconds, '--cases', c, ...passOn], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const row = out.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((r) => r.case === c);
  if (!row) {
    console.error(`${name(dist)} ${c}: no result\n${out.stderr.slice(-2000)}`);
    return null;
  }
  const tasks = ((row.longTasks as [number, number][] | undefined) ?? []).filter(([, d]) => d > over);
  // The row lists the five longest; its count (when the build's bench gives it) has them all.
  const count = over === 50 && typeof row.longTaskCount === 'number' ? row.longTaskCount : tasks.length;
  return { build: name(dist), round, case: c, fps: Number(row.displayFpsMedian ?? row.drawFpsMedian), count, tasks, firstPicture: Number(row.firstPictureMs), load: Number(row.load ?? loadavg()[0]) };
}

const runs: Run[] = [];
let turn = 0;
for (let round = 1; round <= rounds; round++)
  for (const c of cases) {
    const order = turn++ % 2 === 0 ? dists : [...dists].reverse();
    for (const d of order) {
      const r = benchOnce(d, c, round);
      if (!r) continue;
      runs.push(r);
      console.log(JSON.stringify(r));
    }
  }

const builds = dists.map(name);
const cell = (r: Run | undefined) => (r ? `${r.fps} / ${r.count}${r.tasks.length ? ' ' + r.tasks.map(([t, d]) => `[${t}, ${d}]`).join(', ') : ''}` : '–');
const heads = Array.from({ length: rounds }, (_, i) => builds.map((b) => `${b} r${i + 1}`)).flat();
console.log(`\n| lesson | ${heads.join(' | ')} |\n|---|${heads.map(() => '---|').join('')}`);
for (const c of cases) {
  const cells = Array.from({ length: rounds }, (_, i) => builds.map((b) => cell(runs.find((r) => r.case === c && r.round === i + 1 && r.build === b)))).flat();
  console.log(`| ${c} | ${cells.join(' | ')} |`);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
console.log('');
for (const b of builds) {
  const mine = runs.filter((r) => r.build === b);
  const tasks = mine.flatMap((r) => r.tasks);
  const count = mine.reduce((n, r) => n + r.count, 0);
  const longest = Math.max(0, ...tasks.map(([, d]) => d));
  const clean = mine.filter((r) => r.count === 0).length;
  console.log(`${b}: ${count} tasks over ${over} ms in ${mine.length} runs (longest ${longest} ms; ${clean} runs with none); fps median lowest ${Math.min(...mine.map((r) => r.fps))}; first picture median ${median(mine.map((r) => r.firstPicture))} ms; load ${Math.min(...mine.map((r) => r.load))}–${Math.max(...mine.map((r) => r.load))}`);
}
