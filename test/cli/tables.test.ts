// `cellpost run --cells`, `--cells-every` and `--packets`: the cells file is the app's cells CSV
// text (the same writer in src/lab), a header once and every moment asked for; the packets file
// counts every packet of the engine; outputs never overwrite each other or an input (exit 2 with
// one line), and a packets file over the cap says so and how to get fewer packets. `--cells -`
// runs through the real `cellpost` process (standard output holds the table and nothing else);
// the other command lines run in-process, one after another (test/cli/inProcess.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createModel, holdings, step } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { cellTable, cellsCsv, cellsLines, PACKET_COLUMNS } from '../../src/lab';
import { writePackets } from '../../src/cli/tables';
import { cli, ROOT, scratchDir } from './helpers';
import { cliHere } from './inProcess';

const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

/** The letters lesson in Node, seed 3, stepped to `steps`. */
function letters(steps: number) {
  const m = createModel(lesson('letters')!, '3');
  step(m, steps);
  return m;
}

describe('cellpost run --cells and --packets', () => {
  it('--cells writes the living cells at the end, byte for byte the app’s cells CSV', async () => {
    const r = await cliHere(['run', '--scenario', 'letters', '--seed', '3', '--hours', '1', '--cells', at('end.csv'), '--json', at('end.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(at('end.csv'), 'utf8')).toBe(cellsCsv(cellTable(letters(360))));
  });

  it('--cells-every writes the cells at 0 h, every interval and at the end, under one header, and the run is the same', async () => {
    const r = await cliHere(['run', '--scenario', 'letters', '--seed', '3', '--hours', '1.25', '--cells', at('every.csv'), '--cells-every', '0.5', '--json', at('every.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m = createModel(lesson('letters')!, '3');
    const want = [cellsCsv(cellTable(m)).trimEnd()];
    for (const to of [180, 360, 450]) {
      step(m, to - m.tick);
      want.push(...cellsLines(cellTable(m)));
    }
    const text = readFileSync(at('every.csv'), 'utf8');
    expect(text).toBe(`${want.join('\n')}\n`);
    expect([...new Set(text.trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]))]).toEqual(['0', '0.5', '1', '1.25']);
    // Reading the cells does not touch the run: the same final hash as the engine alone.
    const hash = JSON.parse(readFileSync(at('every.json'), 'utf8')).finalHash;
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hash).toBe(JSON.parse((await cliHere(['run', '--scenario', 'letters', '--seed', '3', '--hours', '1.25', '--json', '-'])).stdout).finalHash);
  });

  it('--packets lists every packet: free ones at their place, bound and blood ones counted', async () => {
    const r = await cliHere(['run', '--scenario', 'liquid-biopsy', '--seed', '2', '--hours', '2.5', '--packets', at('packets.csv'), '--json', at('packets.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m = createModel(lesson('liquid-biopsy')!, '2');
    step(m, Math.round((2.5 * 3600) / m.dt));
    const [head, ...rows] = readFileSync(at('packets.csv'), 'utf8').trimEnd().split('\n');
    expect(head).toBe(PACKET_COLUMNS.join(','));
    const sum: Record<string, number> = { free: 0, bound: 0, blood: 0 };
    for (const row of rows) {
      const f = row.split(',');
      sum[f[1]] += Number(f[6]);
    }
    expect(sum).toEqual(holdings(m));
    expect(sum.blood).toBeGreaterThan(0);
  });

  it.concurrent('--cells - sends the table to standard output, and nothing else goes there', async () => {
    const r = await cli(['run', '--scenario', 'letters', '--seed', '3', '--hours', '1', '--cells', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(cellsCsv(cellTable(letters(360))));
  });

  it('over the cap writes 1 in every k free packets and says so, with the cap and how to get fewer packets', () => {
    const m = letters(360);
    const file = at('capped.csv');
    const note = writePackets(file, m, 1000);
    expect(m.vesicles.count).toBeGreaterThan(2000);
    const k = Math.ceil(m.vesicles.count / 1000);
    expect(note).toContain(`${m.vesicles.count} free packets at 1 h, over the cap of 1000 rows`);
    expect(note).toContain(`1 in every ${k} of them`);
    expect(note).toMatch(/For fewer packets: a shorter --hours, less release \(--set cellTypes\.TYPE\.release\.0\.perHour=…\)/);
    const free = readFileSync(file, 'utf8').split('\n').filter((l) => l.split(',')[1] === 'free');
    expect(free.length).toBe(Math.ceil(m.vesicles.count / k));
    expect(writePackets(at('all.csv'), m)).toBeNull();
  });
});

describe('outputs never overwrite each other or an input', () => {
  const scenario = at('scenario.json');
  copyFileSync(join(ROOT, 'lessons/letters.json'), scenario);
  writeFileSync(at('keep.csv'), 'keep\n');
  const cases: [string[], RegExp][] = [
    [['run', '--scenario', 'letters', '--csv', at('keep.csv'), '--cells', at('keep.csv')], /^--csv and --cells both name .*keep\.csv; give each output its own file$/],
    [['run', '--scenario', 'letters', '--packets', at('keep.csv'), '--json', relative(ROOT, at('keep.csv'))], /^--json and --packets both name .*keep\.csv; give each output its own file$/],
    [['run', '--scenario', 'letters', '--save-run', at('keep.csv'), '--cells', at('keep.csv')], /^--save-run and --cells both name/],
    [['run', '--scenario-file', scenario, '--cells', scenario], /^--cells .*scenario\.json is the --scenario-file being read; choose another file name so the input is not overwritten$/],
    [['run', '--scenario', 'letters', '--cells', '-', '--csv', '-'], /^--csv - and --cells - cannot both write to standard output; give one of them a file name$/],
    [['run', '--scenario', 'letters', '--cells-every', '1'], /^--cells-every needs --cells FILE/],
    [['run', '--scenario', 'letters', '--cells', at('x.csv'), '--cells-every', '0'], /^--cells-every must be a number of simulated hours more than 0; got "0"$/],
    [['run', '--scenario', 'letters', '--cells', at('x.csv'), '--cells-every', 'often'], /^--cells-every must be a number of simulated hours more than 0; got "often"$/],
    [['run', '--scenario', 'letters', '--cells', at('x.csv'), '--cells-every', '0.0001'], /^--cells-every 0\.0001 is shorter than one time step \(10 s\)/],
    [['run', '--scenario', 'letters', '--hours', '100', '--cells', at('x.csv'), '--cells-every', '0.003'], /^--cells-every 0\.003 over this run makes 36002 tables of cells, more than 10000; give a longer interval$/],
    [['run', '--scenario', 'letters', '--packets', '/nonexistent-dir/p.csv'], /^--packets \/nonexistent-dir\/p\.csv: cannot write/],
  ];
  // In-process, one after another (the command line's own runCli; test/cli/errors.test.ts runs
  // refusals through the real process too).
  it.each(cases)('cellpost %j', async (args, message) => {
    const r = await cliHere(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^cellpost: /)]);
    expect(r.stderr.trimEnd().replace(/^cellpost: /, '')).toMatch(message);
    expect(r.stdout).toBe('');
    expect(readFileSync(at('keep.csv'), 'utf8')).toBe('keep\n');
    expect(existsSync(at('x.csv'))).toBe(false);
  });

  it('replay refuses an output that is the run file it reads', async () => {
    const run = at('r.run.json');
    expect((await cliHere(['run', '--scenario', 'letters', '--hours', '0.5', '--save-run', run])).code).toBe(0);
    const before = readFileSync(run, 'utf8');
    const r = await cliHere(['replay', run, '--csv', run]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cellpost: --csv .*r\.run\.json is the run file being read; choose another file name/);
    expect(readFileSync(run, 'utf8')).toBe(before);
  });

  it('cellpost help run documents --cells, --cells-every and --packets', async () => {
    const r = await cliHere(['help', 'run']);
    for (const flag of ['--cells FILE', '--cells-every HOURS', '--packets FILE']) expect(r.stdout).toContain(flag);
  });
});
