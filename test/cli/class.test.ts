// `cellpost class` (src/cli/commands/class.ts): run files from `cellpost run --save-run` and a file
// of links verified and grouped; the CSV equals the rows `cellpost run --json` gives for the same
// seeds; a copy and an edited file are listed, not counted; --class-code prints the seeds.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classCsv, classSeed, settingsText } from '../../src/lab';
import { scratchDir } from './helpers';
import { cliHere } from './inProcess';

describe('cellpost class', () => {
  it('verifies and groups run files, lists a copy and an edited file, and writes the CSV cellpost run gives', async () => {
    const dir = scratchDir();
    const rows = [];
    const files: string[] = [];
    for (const k of [1, 2, 3]) {
      const seed = classSeed(40, k);
      const file = join(dir, `s${k}.json`);
      const json = join(dir, `s${k}.summary.json`);
      const r = await cliHere(['run', '--scenario', 'letters', '--seed', seed, '--hours', '0.5', '--set', 'tissues.tissue.diffusion=2', '--save-run', file, '--json', json]);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(readFileSync(json, 'utf8'));
      rows.push({ lesson: s.scenario, settings: settingsText(s.overrides), seed, hours: (s.steps * s.dtSeconds) / 3600, metric: 'cells.reader.responding', value: s.finalMetrics['cells.reader.responding'], unit: 'cells', hash: s.finalHash });
      files.push(file);
    }
    writeFileSync(join(dir, 'copy.json'), readFileSync(files[0]));
    writeFileSync(join(dir, 'edited.json'), readFileSync(files[1], 'utf8').replace('"stopTick": 180', '"stopTick": 170'));
    writeFileSync(join(dir, 'links.txt'), 'https://x.org/?lesson=letters&seed=1&set.tissues.tissue.diffusion=oops\n');
    const out = join(dir, 'class.csv');
    const r = await cliHere(['class', ...files, join(dir, 'copy.json'), join(dir, 'edited.json'), join(dir, 'links.txt'), '--csv', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(classCsv(rows));
    expect(rows[0].settings).toBe('tissues.tissue.diffusion=2');
    expect(r.stdout).toContain('3 runs counted; 3 not counted');
    expect(r.stdout).toMatch(/letters \(Letters with an address\), tissues\.tissue\.diffusion=2, 0\.5 h: Readers responding/);
    expect(r.stdout).toMatch(/mean .*, 95 % interval .* \(n = 3\)/);
    expect(r.stdout).toContain('4. copy.json: duplicate: the same lesson, settings, seed and events as run 1 (s1.json)');
    expect(r.stdout).toMatch(/5\. edited\.json: (tampered|invalid): /);
    expect(r.stdout).toContain('6. links.txt: invalid: the link is damaged or altered');
  });

  it('prints the seeds of a class code, and refuses bad numbers and a missing file list', async () => {
    const r = await cliHere(['class', '--class-code', '12', '--students', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`student,seed\n1,${classSeed(12, 1)}\n2,${classSeed(12, 2)}\n3,${classSeed(12, 3)}\n`);
    expect((await cliHere(['class', '--class-code', 'x'])).stderr).toContain('--class-code: a class number is a whole number from 1 to 999,999');
    expect((await cliHere(['class', '--class-code', '3', '--students', '1000'])).code).toBe(2);
    expect((await cliHere(['class'])).stderr).toContain('class needs at least one run file');
  });
});
