// The CLI refuses bad input with exit code 2 and one clear line on stderr that names the problem
// and the allowed values — never a stack trace, never NaN. Every case runs in-process (the
// command line's own runCli, as bin/cellpost.js runs it; test/cli/inProcess.ts), and a sample of
// them again through the real `cellpost` process, with `--help`, for its exit codes and streams;
// the other help and listings run in-process.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scratchDir, type CliResult } from './helpers';
import { cliHere } from './inProcess';

const dir = scratchDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const notJson = join(dir, 'not.json');
writeFileSync(notJson, '{"id": "x", ');
const badScenario = join(dir, 'bad-scenario.json');
writeFileSync(badScenario, JSON.stringify({ id: 'x', title: 'x', vesicleTypes: {}, cellTypes: {}, tissues: { t: { name: 't', diffusion: 900 } } }));

/** [arguments, what the one stderr line must contain] */
const cases: [string[], RegExp][] = [
  [['run', '--scenario', 'letters', '--set', 'tissues.tissue.diffusion=900'], /^tissues\.tissue\.diffusion \(vesicle diffusion\) must be between 0 and 50 µm²\/s; got 900$/],
  [['run', '--scenario', 'letters', '--set', 'tissues.tissue.diffusion=fast'], /vesicle diffusion.*between 0 and 50.*"fast".*not a number/],
  [['run', '--scenario', 'letters', '--set', 'tissues.tissue.difusion=2'], /unknown --set path "tissues\.tissue\.difusion"; did you mean tissues\.tissue\.diffusion/],
  [['run', '--scenario', 'letters', '--set', 'cellTypes.reader.transitions.0.n=2.5'], /Hill steepness.*whole number between 1 and 8; got 2\.5/],
  [['run', '--scenario', 'letters', '--set', 'nonsense'], /--set needs path=value/],
  [['run', '--scenario', 'letters', '--set', 'vesicleTypes.letter.labels=["nope"]'], /unknown label "nope"; labels: tag/],
  [['run', '--scenario', 'letters', '--set', 'vesicleTypes.letter.labels=[tag'], /takes a JSON value like \["tag"\]/],
  [['run', '--scenario', 'letterz'], /unknown scenario "letterz" \(did you mean letters\?\); built-in scenarios: letters, immune-suppression/],
  [['run'], /missing --scenario ID/],
  [['run', '--scenario', 'letters', '--hours', '-5'], /--hours must be more than 0 and at most 10000; got -5/],
  [['run', '--scenario', 'letters', '--hours', '1e9'], /over the limit of 10000 simulated hours/],
  [['run', '--scenario', 'letters', '--hours', 'NaN'], /--hours must be a number of simulated hours.*got "NaN"/],
  [['run', '--scenario', 'letters', '--hours', '0.0001'], /shorter than one time step/],
  [['run', '--scenario', 'letters', '--sed', '3'], /unknown option --sed for `cellpost run` \(did you mean --seed\?\); options: --scenario,/],
  [['run', '--scenario', 'letters', '--seed'], /--seed needs a value/],
  [['run', '--scenario', 'letters', '--hours', '1', '--hours', '2'], /--hours was given twice/],
  [['run', '--scenario', 'letters', 'extra'], /unexpected argument "extra"/],
  [['run', '--scenario', 'letters', '--csv', '/nonexistent-dir/x.csv'], /--csv \/nonexistent-dir\/x\.csv: cannot write/],
  [['run', '--scenario-file', join(dir, 'missing.json')], /cannot read scenario file .*missing\.json: no such file/],
  [['run', '--scenario-file', notJson], /not valid JSON: it ends too early/],
  [['run', '--scenario-file', badScenario], /tissues\.t\.diffusion: vesicle diffusion must be at most 50/],
  [['run', '--scenario', 'letters', '--scenario-file', badScenario], /not both/],
  [['replay', join(dir, 'missing.run.json')], /cannot read run file .*: no such file/],
  [['replay', notJson], /not a valid run file: not valid JSON/],
  [['replay', badScenario], /not a valid run file: format: this is a scenario file, not a run file/],
  [['replay'], /missing the run file/],
  [['replay', notJson, '--hours', '2'], /unknown option --hours for `cellpost replay`/],
  [['validate'], /missing the file to check/],
  [['validate', dir], /cannot read file .*: it is a directory/],
  [['scenarios', 'nope'], /unknown scenario "nope"/],
  [['rn'], /unknown command "rn" \(did you mean run\?\); commands: scenarios, run, replay, validate/],
  [[], /missing command/],
];

/** One line on stderr naming the problem, exit code 2, nothing on stdout. */
function refused(r: CliResult, message: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0].replace(/^cellpost: /, '')).toMatch(message);
  expect(r.stderr.replace('"NaN"', '')).not.toMatch(/\n\s+at |NaN|undefined/);
  expect(r.stdout).toBe('');
}

/** The cases run again as a process: a value out of range, an unknown option, a file that is not JSON, an unknown command. */
const THROUGH_THE_PROCESS = new Set([0, 13, 19, 30]);

describe('cellpost refuses bad input with one line and exit code 2', () => {
  // In-process: one after another (the captured stdout and stderr are the process's own).
  it.each(cases)('cellpost %j', async (args, message) => {
    refused(await cliHere(args), message);
  });

  it.concurrent.each(cases.filter((_, i) => THROUGH_THE_PROCESS.has(i)))('the cellpost process %j', async (args, message) => {
    refused(await cli(args), message);
  });
});

describe('help and listings', () => {
  /** Help prints to stdout only, and exits 0. */
  const helps = (r: CliResult) => {
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^(Usage|cellpost:)/);
    expect(r.stderr).toBe('');
  };
  it.concurrent('the cellpost process --help prints help and exits 0', async () => helps(await cli(['--help'])));

  it.each([['--help'], ['run', '--help'], ['help', 'replay']])('cellpost %s %s prints help and exits 0', async (...args) => helps(await cliHere(args)));

  it('scenarios lists each built-in scenario with its title', async () => {
    const r = await cliHere(['scenarios']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^letters\s+Letters with an address$/m);
    expect(r.stdout).toMatch(/^immune-suppression\s+A tumour weakens its guards$/m);
  });

  it('scenarios ID lists the adjustable paths with unit and range', async () => {
    const r = await cliHere(['scenarios', 'letters']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^tissues\.tissue\.diffusion\s+0\.5 µm²\/s\s+0 to 50\s+vesicle diffusion$/m);
  });

  it('validate lists every problem of a scenario file with its path (exit 2)', async () => {
    const file = join(dir, 'two-problems.json');
    writeFileSync(file, JSON.stringify({ id: '1bad', title: 'x', vesicleTypes: {}, cellTypes: {}, tissues: { t: { name: 't', diffusion: 900 } } }));
    const r = await cliHere(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/not a valid scenario file \(2 problems\)/);
    expect(r.stdout).toMatch(/^ {2}id: an id starts with a letter/m);
    expect(r.stdout).toMatch(/^ {2}tissues\.t\.diffusion: vesicle diffusion must be at most 50/m);
  });

  it('validate accepts a built-in lesson file', async () => {
    const r = await cliHere(['validate', 'lessons/letters.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid scenario file: letters \(Letters with an address\)/);
  });
});
