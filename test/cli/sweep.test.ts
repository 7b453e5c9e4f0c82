// `cellpost sweep` and `cellpost merge`: results do not depend on the number of workers, shards
// merge into the unsharded table, --resume completes a cut-short file, a row matches `cellpost
// run`, and bad input gets one line and exit code 2. The reference sweep runs through the real
// `cellpost` process (its worker threads, exit code and streams); every other command line runs
// in-process, one after another (the command line's own runCli, test/cli/inProcess.ts), its
// sweeps on the same worker threads.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, scratchDir, type CliResult } from './helpers';
import { cliHere } from './inProcess';
import { ENGINE_VERSION as V } from '../../sim/version';

const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const read = (name: string) => readFileSync(at(name), 'utf8');

/** 2 diffusion values × 3 seeds = 6 short runs of letters. */
const SWEEP = ['sweep', '--scenario', 'letters', '--vary', 'tissues.tissue.diffusion=0.5:1:0.5', '--seeds', '1-3', '--hours', '0.2'];

/** A sweep that must succeed, through `run` (in-process unless told). */
async function sweep(out: string, more: string[], run: (args: readonly string[]) => Promise<CliResult> = cliHere) {
  const r = await run([...SWEEP, '--out', at(out), ...more]);
  expect(r.stderr).not.toMatch(/cellpost:|warning/);
  expect(r.code).toBe(0);
  return r;
}

// One sweep with 1 worker, through the real process, is the reference every other test compares against.
const reference = sweep('one.csv', ['--workers', '1', '--per-run-series', at('series')], cli);

describe('cellpost sweep', () => {
  it('gives the same results.csv with 1 and 2 workers', async () => {
    await reference;
    await sweep('two.csv', ['--workers', '2']);
    const text = read('one.csv');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^run,runs,sweep,scenario,engine_version,hours,seed,tissues\.tissue\.diffusion,cells\.sender,.*,state_hash$/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 8).filter((_, k) => k !== 2).join())).toEqual([
      `1,6,letters,${V},0.2,1,0.5`,
      `2,6,letters,${V},0.2,2,0.5`,
      `3,6,letters,${V},0.2,3,0.5`,
      `4,6,letters,${V},0.2,1,1`,
      `5,6,letters,${V},0.2,2,1`,
      `6,6,letters,${V},0.2,3,1`,
    ]);
    expect(read('two.csv')).toBe(text);
  });

  it('matches cellpost run for one row (state hash and series)', async () => {
    await reference;
    const r = await cliHere(['run', '--scenario', 'letters', '--seed', '2', '--hours', '0.2', '--set', 'tissues.tissue.diffusion=1', '--csv', at('run5.csv'), '--json', at('run5.json')]);
    expect(r.code).toBe(0);
    const row5 = read('one.csv').trimEnd().split('\n')[5].split(',');
    expect(row5.at(-1)).toBe(JSON.parse(read('run5.json')).finalHash);
    expect(read('series/run-5.csv')).toBe(read('run5.csv'));
  });

  it('shards 1/2 and 2/2, merged, equal the unsharded sweep', async () => {
    await reference;
    await sweep('s1.csv', ['--shard', '1/2', '--workers', '1']);
    await sweep('s2.csv', ['--shard', '2/2', '--workers', '1']);
    expect(read('s1.csv').trimEnd().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['1', '3', '5']);
    const m = await cliHere(['merge', at('merged.csv'), at('s2.csv'), at('s1.csv')]);
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/6 of 6 runs/);
    expect(read('merged.csv')).toBe(read('one.csv'));
    const missing = await cliHere(['merge', at('half.csv'), at('s1.csv'), at('s1.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/3 of 6 runs.*3 duplicate rows left out/);
    expect(missing.stderr).toBe('cellpost: 3 runs are missing: 2, 4, 6\n');
  });

  it('--resume after an interruption completes the same file', async () => {
    await reference;
    const lines = read('one.csv').split('\n');
    // the last two rows lost, and a row cut off in the middle of writing
    writeFileSync(at('cut.csv'), `${lines.slice(0, 5).join('\n')}\n${lines[6].slice(0, 30)}`);
    const plain = await cliHere([...SWEEP, '--out', at('cut.csv')]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/already exists; add --resume/);
    const r = await cliHere([...SWEEP, '--out', at('cut.csv'), '--resume', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 to run, 4 already done/);
    expect(read('cut.csv')).toBe(read('one.csv'));
    const again = await cliHere([...SWEEP, '--out', at('cut.csv'), '--resume']);
    expect(again.stdout).toMatch(/nothing to run/);
  });

  it('merge refuses files of different sweeps and runs with different results', async () => {
    await reference;
    const text = read('one.csv');
    writeFileSync(at('other-sweep.csv'), text.replace(/^(\d+,6,)\w+/gm, '$1abcdef012345'));
    writeFileSync(at('conflict.csv'), text.replace(/,\w{16}\n/, ',0000000000000000\n'));
    const a = await cliHere(['merge', at('m.csv'), at('one.csv'), at('other-sweep.csv')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^cellpost: .*other-sweep\.csv and .*one\.csv are not shards of the same sweep: sweep ids abcdef012345 and \w+ \(the --set, --vary, --seeds or --hours differ\)\n$/);
    const b = await cliHere(['merge', at('m.csv'), at('one.csv'), at('conflict.csv')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^cellpost: run 1 is in .* with different results \(state hash \w+ and 0000000000000000\)\n$/);
  });
});

const base = ['sweep', '--scenario', 'letters', '--hours', '0.2'];
/** [arguments, what the one stderr line must say] */
const cases: [string[], RegExp][] = [
  [[...base, '--out', at('x.csv'), '--vary', 'tissues.tissue.diffusion=1,900'], /^--vary tissues\.tissue\.diffusion \(vesicle diffusion\) must be between 0 and 50 µm²\/s; got 900$/],
  [[...base, '--out', at('x.csv'), '--vary', 'tissues.tissue.difusion=1'], /unknown --vary path "tissues\.tissue\.difusion"; did you mean tissues\.tissue\.diffusion/],
  [[...base, '--out', at('x.csv'), '--vary', 'limits.cellCapacity=10,1000'], /--vary limits\.cellCapacity=10 makes the scenario invalid: .*cell capacity is 10/],
  [[...base, '--out', at('x.csv'), '--seeds', '5-1'], /--seeds range 5-1 runs backwards; write 1-5/],
  [[...base, '--out', at('x.csv'), '--seeds', '1-1000', '--vary', 'tissues.tissue.diffusion=0:50:0.1'], /would have 501000 runs \(501 values of tissues\.tissue\.diffusion × 1000 seeds\); at most 100000 runs/],
  [[...base, '--out', at('x.csv'), '--shard', '3/2'], /--shard 3\/2: i must be between 1 and 2/],
  [[...base, '--out', at('x.csv'), '--shard', '0/0'], /--shard 0\/0: n must be at least 1/],
  [[...base], /missing --out FILE/],
  [['merge', at('out.csv'), join(ROOT, 'package.json')], /package\.json is not a sweep results file/],
];

describe('cellpost sweep and merge refuse bad input with one line and exit code 2', () => {
  // In-process, one after another (the command line's own runCli; test/cli/errors.test.ts runs
  // refusals through the real process too).
  it.each(cases)('cellpost %j', async (args, message) => {
    const r = await cliHere(args);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].replace(/^cellpost: /, '')).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
