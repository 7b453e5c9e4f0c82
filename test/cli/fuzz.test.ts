// Fuzzing the whole command line in-process with fast-check (fixed seed): generated arguments,
// --set settings, scenario files, run files and results files. Every case must end in a clean
// result (exit 0 or 1) or one clear line on stderr with exit 2 (after any warnings): no stack trace, no "internal
// error", no temporary or partial file left behind, each case within a few seconds of CPU.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lesson } from '../../lessons/index';
import { scratchDir } from './helpers';
import { cpuMark, cpuMsSince } from '../cpuTime';
import { cliHere } from './inProcess';
import type { CliResult } from './helpers';

const dir = scratchDir();
const at = (name: string) => join(dir, name);
const SEED = 20261203;
/** Simulated hours kept tiny so that a case that runs finishes fast. */
const HOURS = ['0.05', '0.1'];

let runFile = '';
let results = '';
beforeAll(async () => {
  writeFileSync(at('letters.json'), JSON.stringify(lesson('letters')));
  const a = await cliHere(['run', '--scenario', 'letters', '--hours', '0.2', '--save-run', at('good.run.json'), '--json', at('j.json')]);
  expect(a.code, a.stderr).toBe(0);
  runFile = readFileSync(at('good.run.json'), 'utf8');
  const b = await cliHere(['sweep', '--scenario', 'letters', '--hours', '0.05', '--seeds', '1-2', '--workers', '1', '--out', at('good.csv')]);
  expect(b.code, b.stderr).toBe(0);
  results = readFileSync(at('good.csv'), 'utf8');
}, 300_000);

/** Checks one finished case: a clean end or one clear message, and no file left half-made. */
function clean(r: CliResult, args: readonly string[], start: NodeJS.CpuUsage): void {
  const where = JSON.stringify(args);
  expect([0, 1, 2], `${where}\n${r.stderr}`).toContain(r.code);
  expect(r.stderr, where).not.toMatch(/internal error|\n\s+at |TypeError|RangeError|ReferenceError|NaN runs/);
  // validate lists a file's problems on stdout; everything else says what is wrong in one line on stderr.
  if (r.code === 2 && args[0] === 'validate' && r.stderr === '') expect(r.stdout, where).toMatch(/: not a valid /);
  else if (r.code === 2) expect(r.stderr, where).toMatch(/^((warning|note|sweep): [^\n]*\n)*cellpost: [^\n]+\n$/);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp')), where).toEqual([]);
  expect(cpuMsSince(start), where).toBeLessThan(20_000);
}

async function check(args: string[]): Promise<void> {
  const start = cpuMark();
  const r = await cliHere(args);
  clean(r, args, start);
  for (const f of readdirSync(dir)) if (f.startsWith('out')) rmSync(at(f), { recursive: true, force: true });
}

const word = fc.oneof(
  fc.constantFrom('run', 'replay', 'validate', 'sweep', 'merge', 'scenarios', '--help', '-', '--', '--scenario', '--set', '--vary', '--hours', '--seed', '--csv', '--json', '--out', '--save-run', '--cells', '--packets', '--shard', '--seeds', '--workers', '--resume', '--verify', 'letters', 'nope'),
  fc.constantFrom('0', '-1', '1e309', 'NaN', 'Infinity', '0x10', '1/0', '2/1', '10001', '0.05', 'a=b', '=', '__proto__', 'constructor', 'toString'),
  fc.string({ maxLength: 12 }),
);

const settingPath = fc.oneof(
  fc.constantFrom(
    'tissues.tissue.cells.0.type',
    'tissues.tissue.cells.length',
    'cellTypes.sender.release.length',
    'cellTypes.sender.radius',
    'tissues.tissue.diffusion',
    'limits.vesicleCapacity',
    'limits.cellCapacity',
    '__proto__.polluted',
    'constructor.prototype.x',
    'signals',
    'tissues.tissue.barriers',
    'sampleEveryMinutes',
  ),
  fc.array(fc.constantFrom('tissues', 'tissue', 'cells', '0', 'type', 'length', 'cellTypes', 'sender', 'release', 'toString', '__proto__', 'x'), { minLength: 1, maxLength: 5 }).map((p) => p.join('.')),
);
const settingValue = fc.oneof(
  fc.constantFrom('1', '0', '-1', '1e9', '100000000', 'NaN', 'Infinity', 'true', 'null', '[]', '{}', '"x"', 'toString', 'constructor', '[1,2]', '{"a":1}'),
  fc.double().map(String),
  fc.string({ maxLength: 8 }),
);

/** A JSON value with parts of a scenario, mutated at random places. */
function mutateJson(text: string): fc.Arbitrary<string> {
  const base = JSON.parse(text) as unknown;
  const leaves: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    leaves.push(path);
    if (v !== null && typeof v === 'object' && path.length < 6) for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
  };
  walk(base, []);
  const value = fc.oneof(
    fc.constantFrom(null, -1, 0, 1e308, 'x', '', [], {}, true, 'constructor', '__proto__', 1e10, 2 ** 53, -0.5),
    fc.jsonValue({ maxDepth: 2 }),
  );
  return fc.tuple(fc.constantFrom(...leaves), value, fc.boolean(), fc.nat(3)).map(([path, v, remove, cut]) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    if (path.length === 0) return cut === 3 ? text.slice(0, text.length >> 1) : JSON.stringify(v);
    let node = copy as Record<string | number, unknown>;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (remove) delete node[last];
    else node[last] = v;
    const out = JSON.stringify(copy);
    return cut === 3 ? out.slice(0, Math.floor(out.length * 0.9)) : out;
  });
}

/** A results file with one field of one line replaced, or lines cut. */
function mutateResults(text: string): fc.Arbitrary<string> {
  const lines = text.trimEnd().split('\n');
  const width = lines[0].split(',').length;
  const field = fc.oneof(fc.constantFrom('Infinity', '1e10', 'abc', '-5', '0', '', '"', '"a,b"', '99999999999', 'NaN', '1.5', '3'), fc.string({ maxLength: 6 }));
  return fc.tuple(fc.nat(lines.length - 1), fc.nat(width - 1), field, fc.boolean()).map(([li, fi, v, cut]) => {
    const copy = lines.map((l) => l.split(','));
    copy[li][fi] = v;
    const out = `${copy.map((l) => l.join(',')).join('\n')}\n`;
    return cut ? out.slice(0, out.length - 7) : out;
  });
}

const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

describe('fuzzing the command line', () => {
  it('generated arguments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (words) => {
        // Keep runs short and outputs in the scratch folder.
        const args = words.map((w) => (w === '--hours' ? w : w)).flatMap((w, k, all) => (all[k - 1] === '--hours' ? [HOURS[k % 2]] : [w]));
        const safe = args.map((a, k) => (['--csv', '--json', '--out', '--save-run', '--cells', '--packets'].includes(args[k - 1]) && a !== '-' ? at(`out-${k}`) : a));
        if (safe[0] === 'sweep' && !safe.includes('--hours')) safe.push('--hours', '0.05');
        if (safe[0] === 'sweep') safe.push('--workers', '1', '--seeds', '1');
        if (safe[0] === 'run' && !safe.includes('--hours')) safe.push('--hours', '0.05');
        await check(safe);
      }),
      params(60),
    );
  }, 600_000);

  it('generated --set settings', async () => {
    await fc.assert(
      fc.asyncProperty(settingPath, settingValue, async (path, value) => {
        await check(['run', '--scenario', 'letters', '--hours', '0.05', '--set', `${path}=${value}`, '--json', at('out.json')]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      params(60),
    );
  }, 600_000);

  it('generated scenario files', async () => {
    await fc.assert(
      fc.asyncProperty(mutateJson(readFileSync(at('letters.json'), 'utf8')), async (text) => {
        writeFileSync(at('in.json'), text);
        await check(['validate', at('in.json')]);
        await check(['run', '--scenario-file', at('in.json'), '--hours', '0.05', '--csv', at('out.csv')]);
      }),
      params(40),
    );
  }, 600_000);

  it('generated run files', async () => {
    await fc.assert(
      fc.asyncProperty(mutateJson(runFile), async (text) => {
        writeFileSync(at('in.run.json'), text);
        await check(['validate', at('in.run.json')]);
        await check(['replay', at('in.run.json'), '--verify', '--csv', at('out.csv')]);
      }),
      params(40),
    );
  }, 600_000);

  it('generated results files', async () => {
    await fc.assert(
      fc.asyncProperty(mutateResults(results), async (text) => {
        writeFileSync(at('in.csv'), text);
        await check(['merge', at('out.csv'), at('in.csv'), at('good.csv')]);
        writeFileSync(at('resume.csv'), text);
        await check(['sweep', '--scenario', 'letters', '--hours', '0.05', '--seeds', '1-2', '--workers', '1', '--out', at('resume.csv'), '--resume']);
      }),
      params(40),
    );
  }, 600_000);
});
