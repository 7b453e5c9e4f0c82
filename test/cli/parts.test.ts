// The CLI's small parts in-process: strict number parsing, finite number formatting, CSV
// quoting, option parsing and "did you mean" suggestions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmt } from '../../src/cli/numbers';
import { parseNumber } from '../../src/lab';
import { seriesCsv } from '../../src/cli/csv';
import { parseArgs } from '../../src/cli/args';
import { closest } from '../../src/cli/suggest';
import { CliError } from '../../src/cli/errors';

describe('parseNumber accepts plain finite numbers only', () => {
  it.each(['0', '2', '-5', '0.5', '.5', '1e3', '1E-3', ' 7 '])('%j is a number', (t) => expect(parseNumber(t)).toBe(Number(t)));
  it.each(['', 'abc', 'NaN', 'Infinity', '-Infinity', '1e', '0x10', '12abc', '1,5', '1e999'])('%j is not', (t) => expect(parseNumber(t)).toBeUndefined());
});

describe('fmt', () => {
  it('never prints NaN or Infinity and keeps whole numbers whole', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(fmt(x)).not.toMatch(/NaN|Infinity/);
      }),
    );
    expect(fmt(120)).toBe('120');
    expect(fmt(0.123456)).toBe('0.1235');
    expect(fmt(2.5e10)).toBe('2.5e+10');
  });
});

describe('seriesCsv', () => {
  it('writes t_hours then the metrics, quotes odd names and leaves non-finite values empty', () => {
    const csv = seriesCsv({ names: ['a', 'b,c'], t: [0, 0.5], values: [[1, Number.NaN], [2, 3]] });
    expect(csv).toBe('t_hours,a,"b,c"\n0,1,2\n0.5,,3\n');
  });
});

describe('parseArgs', () => {
  const spec = { seed: { kind: 'value' }, set: { kind: 'list' }, verify: { kind: 'switch' } } as const;
  it('reads --name value, --name=value, repeated lists, switches and positionals', () => {
    const a = parseArgs(['f.json', '--seed=3', '--set', 'a=1', '--set', 'b=2', '--verify'], spec, 'x');
    expect(a.values.get('seed')).toBe('3');
    expect(a.lists.get('set')).toEqual(['a=1', 'b=2']);
    expect(a.switches.has('verify')).toBe(true);
    expect(a.positionals).toEqual(['f.json']);
  });
  it('takes a negative number as a value', () => {
    expect(parseArgs(['--seed', '-5'], spec, 'x').values.get('seed')).toBe('-5');
  });
  it.each([
    [['--sede', '1'], /unknown option --sede .*did you mean --seed/],
    [['--seed'], /--seed needs a value/],
    [['--verify=yes'], /takes no value/],
    [['--seed', '1', '--seed', '2'], /given twice/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv, spec, 'x')).toThrow(CliError);
    expect(() => parseArgs(argv, spec, 'x')).toThrow(message);
  });
});

describe('closest', () => {
  const paths = ['tissues.tissue.diffusion', 'tissues.tissue.halfLifeHours', 'cellTypes.sender.radius', 'cellTypes.reader.radius'];
  it('finds typos and bare last parts, and nothing for unrelated names', () => {
    expect(closest('tissues.tissue.difusion', paths)).toEqual(['tissues.tissue.diffusion']);
    expect(closest('radius', paths)).toEqual(['cellTypes.reader.radius', 'cellTypes.sender.radius']);
    expect(closest('zzz.qqq', paths)).toEqual([]);
  });
});
