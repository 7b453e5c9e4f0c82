// The browser sweep's plan (src/app/sweep/plan.ts) and the lab's results table
// (src/lab/sweep/results.ts): values and ranges are read and checked against the parameter, bad
// input gets one clear message, the browser's 2000-run cap holds, and the plan, run order, id and
// CSV equal `cellpost sweep`'s.
import { describe, expect, it } from 'vitest';
import { createModel, measure, parameterAt, stateHash, step } from '../../sim/index';
import { lesson } from '../../lessons/index';
import { parseArgs } from '../../src/cli/args';
import { readPlan as cliReadPlan } from '../../src/cli/sweep/plan';
import { cliCommand, combinationProblem, parseValues, readOneNumber, readPlan, type SweepInput, type SweepPlan } from '../../src/app/sweep/plan';
import { setLanguage } from '../../src/i18n/i18n';
import { headerFor, rowFor, runOf, SweepResults } from '../../src/lab';
import { defaultValues } from '../../src/app/sweep/form';
import { fitLabel } from '../../src/app/sweep/charts';

const letters = lesson('letters')!;
const diffusion = parameterAt(letters, 'tissues.tissue.diffusion')!;
const release = parameterAt(letters, 'cellTypes.sender.release.0.perHour')!;

const input = (o: Partial<SweepInput> = {}): SweepInput => ({ base: letters, vary: [{ path: diffusion.path, text: '0.5, 1' }], replicates: '2', firstSeed: '1', hours: '0.2', ...o });
const plan = (o: Partial<SweepInput> = {}): SweepPlan => {
  const r = readPlan(input(o));
  if (!r.ok) throw new Error(r.message);
  return r.plan;
};
const refusal = (o: Partial<SweepInput>) => {
  const r = readPlan(input(o));
  return r.ok ? null : { field: r.field, message: r.message };
};

describe('reading values and ranges', () => {
  it('expands lists and start:end:step ranges, mixed, as numbers', () => {
    expect(parseValues('0.5:2:0.5', diffusion)).toEqual({ ok: true, values: [0.5, 1, 1.5, 2] });
    expect(parseValues(' 0, 0.1:0.3:0.1 , 10', diffusion)).toEqual({ ok: true, values: [0, 0.1, 0.2, 0.3, 10] });
    expect(parseValues('2', diffusion)).toEqual({ ok: true, values: [2] });
  });

  it('refuses empty fields, step 0, backward ranges, text, duplicates and values out of range', () => {
    const msg = (text: string) => {
      const r = parseValues(text, diffusion);
      return r.ok ? '' : r.message;
    };
    expect(msg('')).toMatch(/^Give the values of vesicle diffusion: a list like .* or a range start:end:step/);
    expect(msg('0:1:0')).toBe('vesicle diffusion: range "0:1:0": the step must be more than 0.');
    expect(msg('2:1:0.5')).toMatch(/runs backwards; write 1:2:0.5/);
    expect(msg('1,,2')).toMatch(/an empty value/);
    expect(msg('abc')).toMatch(/"abc" is not a number/);
    expect(msg('0:1')).toMatch(/a range needs three numbers, start:end:step/);
    expect(msg('1, 1.0')).toMatch(/the value 1 is listed twice/);
    expect(msg('1, 900')).toBe('vesicle diffusion: 900 is out of range; it must be between 0 and 50 µm²/s.');
    expect(msg('-1')).toMatch(/-1 is out of range/);
    expect(msg('0:1e9:1e-3')).toMatch(/at most 2,000 runs/);
  });

  it('refuses fractions for whole-number parameters', () => {
    const cap = parameterAt(letters, 'limits.cellCapacity')!;
    const r = parseValues('500, 1000.5', cap);
    expect(r.ok ? '' : r.message).toMatch(/1000.5 is out of range; it must be a whole number between 10 and 200000/);
  });
});

describe('the browser plan', () => {
  it('counts runs and numbers them as the CLI does (first parameter slowest, seed fastest)', () => {
    const p = plan({ vary: [{ path: diffusion.path, text: '0.5, 1' }, { path: release.path, text: '100, 200, 300' }], replicates: '2', firstSeed: '5' });
    expect(p.runs).toBe(12);
    expect(p.seeds).toEqual(['5', '6']);
    expect(p.seedsText).toBe('5-6');
    expect(p.steps).toBe(72);
    expect([1, 2, 3, 12].map((r) => runOf(p, r))).toEqual([
      { run: 1, seed: '5', index: [0, 0], sets: [{ path: diffusion.path, value: 0.5 }, { path: release.path, value: 100 }] },
      { run: 2, seed: '6', index: [0, 0], sets: [{ path: diffusion.path, value: 0.5 }, { path: release.path, value: 100 }] },
      { run: 3, seed: '5', index: [0, 1], sets: [{ path: diffusion.path, value: 0.5 }, { path: release.path, value: 200 }] },
      { run: 12, seed: '6', index: [1, 2], sets: [{ path: diffusion.path, value: 1 }, { path: release.path, value: 300 }] },
    ]);
  });

  it('caps a sweep at 2000 runs in the browser and says so', () => {
    expect(plan({ replicates: '1000' }).runs).toBe(2000);
    const r = refusal({ replicates: '1001' });
    expect(r?.field).toBe('size');
    expect(r?.message).toMatch(/^This sweep would have 2,002 runs \(2 values of vesicle diffusion × 1,001 replicates\); the browser runs at most 2,000 in one sweep/);
    expect(refusal({ replicates: '1e9' })?.message).toMatch(/at most 2,000/);
  });

  it('refuses bad replicates, seeds, hours, unknown or repeated parameters', () => {
    expect(refusal({ replicates: '0' })).toMatchObject({ field: 'replicates' });
    expect(refusal({ replicates: '2.5' })).toMatchObject({ field: 'replicates' });
    expect(refusal({ firstSeed: '-1' })).toMatchObject({ field: 'firstSeed' });
    expect(refusal({ hours: '0' })).toMatchObject({ field: 'hours' });
    expect(refusal({ hours: '20000' })).toMatchObject({ field: 'hours' });
    expect(refusal({ hours: '0.0001' })?.message).toMatch(/shorter than one time step/);
    expect(refusal({ vary: [{ path: 'nope', text: '1' }] })).toMatchObject({ field: 'vary0' });
    expect(refusal({ vary: [{ path: diffusion.path, text: '1' }, { path: diffusion.path, text: '2' }] })?.message).toMatch(/chosen twice/);
  });

  it('has the CLI plan’s sweep id, header and command line', () => {
    const p = plan({ vary: [{ path: diffusion.path, text: '0.5:1:0.5' }], replicates: '3', hours: '0.2' });
    const command = cliCommand(p, { lessonId: 'letters', overrides: new Map() });
    expect(command).toBe('npx cellpost sweep --scenario letters --vary tissues.tissue.diffusion=0.5:1:0.5 --seeds 1-3 --hours 0.2 --out results.csv');
    const argv = command.replace('npx cellpost sweep ', '').split(' ');
    const cli = cliReadPlan(parseArgs(argv, { scenario: { kind: 'value' }, vary: { kind: 'list' }, set: { kind: 'list' }, seeds: { kind: 'value' }, hours: { kind: 'value' }, out: { kind: 'value' } }, 'sweep'));
    expect(p.id).toBe(cli.id);
    expect(p.runs).toBe(cli.runs);
    expect(p.metricNames).toEqual(cli.metricNames);
    expect(headerFor(p)).toEqual(headerFor(cli));
  });

  it('writes the same CSV rows as the CLI, sorted by run whatever the finishing order', () => {
    const p = plan({ vary: [{ path: diffusion.path, text: '0.5, 1' }], replicates: '2', hours: '0.05' });
    const cli = cliReadPlan(parseArgs(['--scenario', 'letters', '--vary', 'tissues.tissue.diffusion=0.5,1', '--seeds', '1-2', '--hours', '0.05'], { scenario: { kind: 'value' }, vary: { kind: 'list' }, seeds: { kind: 'value' }, hours: { kind: 'value' } }, 'sweep'));
    const results = new SweepResults(p);
    const expected: string[] = [];
    for (const run of [3, 1, 4, 2]) {
      const t = runOf(p, run);
      const m = createModel({ ...letters, tissues: { ...letters.tissues, tissue: { ...letters.tissues.tissue, diffusion: t.sets[0].value as number } } }, t.seed);
      step(m, p.steps);
      const metrics = measure(m);
      const names = m.reporters.map((r) => r.name);
      results.add({ run, names, values: names.map((n) => metrics[n]), hash: stateHash(m) });
      expected[run - 1] = rowFor(cli, runOf(cli, run), { run, hash: stateHash(m), names, values: names.map((n) => metrics[n]) }).fields.join(',');
    }
    const lines = results.csv().trimEnd().split('\n');
    expect(lines[0]).toBe(headerFor(cli).join(','));
    expect(lines.slice(1)).toEqual(expected);
    expect(results.summary(p.metricNames.indexOf('uptake.reader')).map((c) => c[0].n)).toEqual([2, 2]);
  });

  it('refuses values that make the scenario invalid: the extremes as typed, every combination before starting', () => {
    const r = refusal({ vary: [{ path: 'limits.cellCapacity', text: '10, 5000' }] });
    expect(r?.field).toBe('vary0');
    expect(r?.message).toMatch(/^cell capacity = 10 makes the scenario invalid: .*capacity/);
    const p = plan({ vary: [{ path: 'limits.cellCapacity', text: '500, 5000' }] });
    expect([0, 1].map((c) => combinationProblem(p, c))).toEqual([null, null]);
    const bad = { ...p, vary: [{ ...p.vary[0], values: [500, 10, 5000] }] };
    expect(combinationProblem(bad, 1)).toMatch(/^cell capacity = 10 makes the scenario invalid/);
  });

  it('refuses a run that reports other metrics than the plan', () => {
    const p = plan();
    expect(() => new SweepResults(p).add({ run: 1, names: ['x'], values: [1], hash: '0' })).toThrow(/other metrics/);
  });
});

describe('panel helpers', () => {
  it('starts values at half, same and double the current value, within the range', () => {
    expect(defaultValues(diffusion)).toBe('0.25, 0.5, 1');
    expect(defaultValues({ ...diffusion, value: 40 })).toBe('20, 40, 50');
    expect(defaultValues({ ...diffusion, value: 0 })).toBe('0, 12.5, 25');
  });

  it('shortens axis labels but keeps the unit', () => {
    expect(fitLabel('uptake: reader cell (has the receptor) (packets)', 200)).toBe('uptake: reader cell… (packets)');
    expect(fitLabel('short (µm)', 200)).toBe('short (µm)');
  });

  it('reads an hours field with a decimal comma or point in both languages, and words its refusals in bokmål', async () => {
    expect(readOneNumber('0.5')).toBe(0.5);
    expect(readOneNumber('0,5')).toBe(0.5);
    expect(readOneNumber('0,5,1')).toBeUndefined();
    await setLanguage('nb');
    try {
      expect(readOneNumber('0,5')).toBe(0.5);
      expect(readOneNumber(' 2.5 ')).toBe(2.5);
      expect(readOneNumber('1,000,5')).toBeUndefined();
      expect(parseValues('0:1:0', diffusion)).toMatchObject({ ok: false, message: 'vesicle diffusion: intervallet «0:1:0»: steget må være større enn 0.' });
      expect(parseValues('1, 900', diffusion)).toMatchObject({ ok: false, message: 'vesicle diffusion: 900 er utenfor området; verdien må være mellom 0 og 50 µm²/s.' });
    } finally {
      await setLanguage('en');
    }
  });
});
