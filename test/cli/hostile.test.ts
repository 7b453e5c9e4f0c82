// The command line against hostile or broken input and outputs (issue: nothing lost, nothing
// overwritten, nothing crashes): results files with bad numbers, outputs that collide with each
// other or an input (hard links too), read-only or special outputs, special input files, and a
// failure that never leaves a partial or clobbered file. Runs in-process (test/cli/inProcess.ts).
import { chmodSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from './helpers';
import { cliHere } from './inProcess';
import { cpuMark, cpuMsSince } from '../cpuTime';
import { OutputFile } from '../../src/cli/files';
import { SeriesSink } from '../../src/cli/series';
import { createModel, step, type Model } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { seriesCsv } from '../../src/lab';

const dir = scratchDir();
const at = (name: string) => join(dir, name);

/** Files in the scratch folder (temporary files would show up here). */
const listing = () => readdirSync(dir).sort();

let results = '';
beforeAll(async () => {
  const r = await cliHere(['sweep', '--scenario', 'letters', '--hours', '0.2', '--seeds', '1-2', '--workers', '1', '--out', at('good.csv')]);
  expect(r.code, r.stderr).toBe(0);
  results = readFileSync(at('good.csv'), 'utf8');
}, 300_000);

/** The good results file with one column of every row replaced. */
function withColumn(name: string, value: string): string {
  const lines = results.trimEnd().split('\n');
  const k = lines[0].split(',').indexOf(name);
  return `${[lines[0], ...lines.slice(1).map((l) => l.split(',').map((f, i) => (i === k ? value : f)).join(','))].join('\n')}\n`;
}

describe('merge checks every number of a results file', () => {
  for (const bad of ['Infinity', '1e10', 'abc', '-5', '0', '2.5', '']) {
    it(`runs = "${bad}": one clear message, exit 2, no output file`, async () => {
      writeFileSync(at('bad.csv'), withColumn('runs', bad));
      const r = await cliHere(['merge', at('merged.csv'), at('bad.csv')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^cellpost: .*bad\.csv line 2: the runs column holds ".*"; it should be a whole number from 1 to 100,000\n$/);
      expect(existsSync(at('merged.csv'))).toBe(false);
    });
  }

  it('a run past the runs column and bad hours are refused too', async () => {
    writeFileSync(at('bad.csv'), withColumn('run', '3'));
    expect((await cliHere(['merge', at('merged.csv'), at('bad.csv')])).stderr).toMatch(/the run column holds "3"; it should be a whole number from 1 to 2/);
    writeFileSync(at('bad.csv'), withColumn('hours', 'NaN'));
    expect((await cliHere(['merge', at('merged.csv'), at('bad.csv')])).stderr).toMatch(/the hours column holds "NaN"/);
  });

  it('--resume refuses the same bad numbers before running anything', async () => {
    writeFileSync(at('resume.csv'), withColumn('runs', 'Infinity'));
    const r = await cliHere(['sweep', '--scenario', 'letters', '--hours', '0.2', '--seeds', '1-2', '--workers', '1', '--out', at('resume.csv'), '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/resume\.csv line 2: the runs column holds "Infinity"/);
  });

  it('OUT that is one of the inputs (or a hard link to one) is refused', async () => {
    writeFileSync(at('in.csv'), results);
    linkSync(at('in.csv'), at('in-link.csv'));
    const r = await cliHere(['merge', at('in-link.csv'), at('in.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the results file .* being merged/);
    expect(readFileSync(at('in.csv'), 'utf8')).toBe(results);
  });
});

describe('outputs are checked before anything runs', () => {
  const run = (...extra: string[]) => cliHere(['run', '--scenario', 'letters', '--hours', '0.1', ...extra]);

  it('--csv X --json X: refused, exit 2', async () => {
    const r = await run('--csv', at('x.out'), '--json', at('x.out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--csv and --json both name/);
  });

  it('an output that is a hard link of another output or of the scenario file is refused', async () => {
    writeFileSync(at('s.json'), JSON.stringify(lesson('letters')));
    linkSync(at('s.json'), at('s-link.json'));
    const before = readFileSync(at('s.json'), 'utf8');
    const r = await cliHere(['run', '--scenario-file', at('s.json'), '--hours', '0.1', '--save-run', at('s-link.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the --scenario-file being read/);
    expect(readFileSync(at('s.json'), 'utf8')).toBe(before);
  });

  it('a read-only existing output is refused up front (even for root), and no other output is made', async () => {
    writeFileSync(at('ro.csv'), 'keep me\n');
    chmodSync(at('ro.csv'), 0o444);
    const r = await run('--save-run', at('a.run.json'), '--csv', at('ro.csv'), '--json', at('b.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--csv .*ro\.csv: the file is read-only/);
    expect(existsSync(at('a.run.json'))).toBe(false);
    expect(readFileSync(at('ro.csv'), 'utf8')).toBe('keep me\n');
  });

  it('an output that is a folder or a pipe is refused; /dev/null is written in place', async () => {
    mkdirSync(at('folder'));
    expect((await run('--csv', at('folder'))).stderr).toMatch(/it is a directory/);
    execFileSync('mkfifo', [at('pipe')]);
    expect((await run('--csv', at('pipe'))).stderr).toMatch(/it is a pipe \(FIFO\); give a regular file/);
    expect((await run('--csv', '/dev/null')).code).toBe(0);
  });

  it('replay --json onto its own run file is refused and the run file is kept', async () => {
    expect((await run('--save-run', at('r.run.json'))).code).toBe(0);
    const before = readFileSync(at('r.run.json'), 'utf8');
    const r = await cliHere(['replay', at('r.run.json'), '--json', at('r.run.json')]);
    expect(r.code).toBe(2);
    expect(readFileSync(at('r.run.json'), 'utf8')).toBe(before);
  });
});

describe('reads are bounded and special files refused without blocking', () => {
  it('/dev/zero, a FIFO with no writer and a folder: one message each, exit 2, at once', async () => {
    const fifo = at('reader-fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [file, why] of [
      ['/dev/zero', 'a device'],
      [fifo, 'a pipe (FIFO)'],
      [dir, 'a directory'],
    ]) {
      const start = Date.now();
      const cpu = cpuMark();
      const r = await cliHere(['validate', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`cellpost: cannot read file ${file}: it is ${why}; give a regular file\n`);
      // Little work, and no wait: a blocked read would never end (the wall limit is only a guard).
      expect(cpuMsSince(cpu)).toBeLessThan(2000);
      expect(Date.now() - start).toBeLessThan(30_000);
    }
  });

  it('a file larger than the limit is refused by the bytes read', async () => {
    writeFileSync(at('big.json'), Buffer.alloc(50 * 1024 * 1024 + 10, 0x20));
    const r = await cliHere(['validate', at('big.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is too large \(over 50 MB, the limit\)/);
  });
});

describe('outputs are written whole or not at all', () => {
  it('an aborted output leaves the old file untouched and no temporary file behind', () => {
    writeFileSync(at('old.csv'), 'old\n');
    const before = listing();
    const out = new OutputFile(at('old.csv'), '--csv');
    out.write('new, half written');
    expect(readFileSync(at('old.csv'), 'utf8')).toBe('old\n');
    out.abort();
    expect(readFileSync(at('old.csv'), 'utf8')).toBe('old\n');
    expect(listing()).toEqual(before);
  });

  it('a committed output replaces the file in one step', () => {
    const out = new OutputFile(at('old.csv'), '--csv');
    out.write('a\n');
    out.write('b\n');
    out.commit();
    expect(readFileSync(at('old.csv'), 'utf8')).toBe('a\nb\n');
  });

  it('a run whose scenario is refused leaves no output at all', async () => {
    const before = listing();
    const r = await cliHere(['run', '--scenario', 'letters', '--hours', '0.1', '--set', 'tissues.tissue.cells.0.type=toString', '--csv', at('never.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(listing()).toEqual(before);
  });
});

describe('the series is streamed to disk', () => {
  it('the model never holds more than one piece, and the file equals the whole-series CSV', () => {
    const s = { ...lesson('letters')!, sampleEveryMinutes: 0.5 };
    const whole = createModel(s, '3');
    step(whole, 300);
    const m = createModel(s, '3');
    const out = new OutputFile(at('streamed.csv'), '--csv');
    const sink = new SeriesSink(out);
    sink.drain(m);
    for (let k = 0; k < 10; k++) {
      step(m, 30);
      expect(m.series.t.length).toBeLessThanOrEqual(10);
      sink.drain(m);
      expect(m.series.t.length).toBe(0);
    }
    sink.flush();
    out.commit();
    expect(readFileSync(at('streamed.csv'), 'utf8')).toBe(seriesCsv(whole.series));
  });

  it('writes a long series (8 MB of samples, synthetic) in pieces of about 1 MiB, never one string', () => {
    const names = Array.from({ length: 40 }, (_, k) => `metric.${k}`);
    const series = { names, units: names.map(() => ''), t: [] as number[], values: names.map(() => [] as number[]) };
    const m = { series } as unknown as Model;
    const out = new OutputFile(at('long.csv'), '--csv');
    const sink = new SeriesSink(out);
    let largest = 0;
    const write = out.write.bind(out);
    out.write = (text: string) => {
      largest = Math.max(largest, text.length);
      write(text);
    };
    for (let k = 0; k < 100; k++) {
      for (let i = 0; i < 1000; i++) {
        series.t.push(k * 1000 + i);
        series.values.forEach((v, j) => v.push(j + i / 7));
      }
      sink.drain(m);
    }
    sink.flush();
    out.commit();
    const bytes = readFileSync(at('long.csv')).length;
    expect(bytes).toBeGreaterThan(8 << 20);
    expect(out.writes).toBeGreaterThanOrEqual(Math.floor(bytes / (2 << 20)));
    expect(largest).toBeLessThan(2 << 20);
  });
});
