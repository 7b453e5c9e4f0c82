// One real run through the CLI: CSV, JSON summary and run file are written; replay --verify
// reproduces the recorded hashes; a run file with one hash edited fails verify (exit 1) and
// names the tick, hours and both hashes. The run and the first replay go through the real
// `cellpost` process; the edited replay, validate and the short summary run in-process
// (test/cli/inProcess.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRunFile } from '../../src/lab';
import { cli, scratchDir, type CliResult } from './helpers';
import { cliHere } from './inProcess';

const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'letters.csv');
const json = join(dir, 'letters.json');
const runFile = join(dir, 'letters.run.json');
let run: CliResult;

beforeAll(async () => {
  run = await cli(['run', '--scenario', 'letters', '--seed', '7', '--hours', '1.5', '--set', 'tissues.tissue.diffusion=1', '--set', 'events=[{"atHours":0.5,"kind":"drug","cellType":"sender","inhibition":0.5}]', '--csv', csv, '--json', json, '--save-run', runFile]);
});

describe('cellpost run → replay --verify', () => {
  it('runs quietly when --csv and --json are given', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('writes one CSV row per sample time: t_hours, then one column per metric', () => {
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header[0]).toBe('t_hours');
    expect(header).toContain('cells.reader.responding');
    expect(lines).toHaveLength(1 + 10); // samples every 10 min from 0 to 1.5 h
    expect(lines[1].split(',')[0]).toBe('0');
    expect(Number(lines[10].split(',')[0])).toBeCloseTo(1.5, 12);
    for (const l of lines.slice(1)) {
      expect(l.split(',')).toHaveLength(header.length);
      expect(l).not.toMatch(/NaN|Infinity|,,/);
    }
  });

  it('writes a JSON summary with scenario, seed, hours, final metrics, hash and engine version', () => {
    const s = JSON.parse(readFileSync(json, 'utf8'));
    expect(s).toMatchObject({ scenario: 'letters', seed: '7', hours: 1.5, steps: 540, engineVersion: expect.any(String), finalHash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(s.finalMetrics['cells.sender']).toBe(12);
    expect(s.overrides[0]).toEqual({ path: 'tissues.tissue.diffusion', value: 1 });
  });

  it('saves a valid run file with the event and hourly checkpoints', () => {
    const parsed = parseRunFile(readFileSync(runFile, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const f = parsed.value;
    expect(f.seed).toBe('7');
    expect(f.scenario.tissues.tissue.diffusion).toBe(1);
    expect(f.events).toEqual([{ tick: 180, kind: 'drug', cellType: 'sender', inhibition: 0.5 }]);
    expect(f.checkpoints.map((c) => c.tick)).toEqual([0, 360, 540]);
    expect(f.checkpoints[2].hash).toBe(JSON.parse(readFileSync(json, 'utf8')).finalHash);
  });

  it('replay --verify reproduces every checkpoint', async () => {
    const r = await cli(['replay', runFile, '--verify']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('verified: identical to the recorded run (3 checkpoints)\n');
    expect(r.code).toBe(0);
  });

  it('replay --verify of a run file with an edited hash exits 1 and names the tick', async () => {
    const f = JSON.parse(readFileSync(runFile, 'utf8'));
    const good = f.checkpoints[1].hash;
    f.checkpoints[1].hash = good === '0123456789abcdef' ? 'fedcba9876543210' : '0123456789abcdef';
    const edited = join(dir, 'edited.run.json');
    writeFileSync(edited, JSON.stringify(f));
    const r = await cliHere(['replay', edited, '--verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`cellpost: replay differs from the recorded run at tick 360 (1 h): expected hash ${f.checkpoints[1].hash}, got ${good}\n`);
  });

  it('validate recognises the run file', async () => {
    const r = await cliHere(['validate', runFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid run file: letters, seed 7, 540 steps \(1\.5 h\), 1 event, 3 checkpoints/);
  });

  it('without --csv/--json prints a short summary with the final hash', async () => {
    const r = await cliHere(['run', '--scenario', 'letters', '--seed', '7', '--hours', '0.5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^letters \(Letters with an address\): seed 7, 0\.5 h = 180 steps of 10 s/);
    expect(r.stdout).toMatch(/^ {2}cells\.sender +12 cells$/m);
    expect(r.stdout).toMatch(/^state hash [0-9a-f]{16}/m);
    expect(r.stdout).not.toMatch(/NaN/);
    expect(r.stderr).toBe('');
  });
});
