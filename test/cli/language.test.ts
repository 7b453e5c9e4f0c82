// `cellpost` in English and bokmål (src/cli/language.ts, src/cli/messages.ts): how the language is
// chosen (--lang, CELLPOST_LANG, the locale), bokmål help and errors, a clear refusal of an
// unknown language, and machine outputs (CSV, JSON, run files, cell and packet tables, class CSV,
// sweep results) that are byte for byte the same in both languages.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chooseLanguage, fromLocale } from '../../src/cli/language';
import { NARROW_NBSP } from '../../src/i18n/numbers';
import { cli, scratchDir } from './helpers';
import { cliHere } from './inProcess';

const EN = { CELLPOST_LANG: 'en' };
const NB = { CELLPOST_LANG: 'nb' };

describe('choosing the language', () => {
  it('takes --lang first, then CELLPOST_LANG, then LC_ALL, LC_MESSAGES and LANG, else English', () => {
    expect(chooseLanguage(['--lang', 'nb', 'run'], {})).toEqual({ lang: 'nb', argv: ['run'], badEnv: undefined });
    expect(chooseLanguage(['run', '--lang=en'], { CELLPOST_LANG: 'nb' }).lang).toBe('en');
    expect(chooseLanguage(['run'], { CELLPOST_LANG: 'nb', LANG: 'en_GB.UTF-8' }).lang).toBe('nb');
    expect(chooseLanguage(['run'], { LC_ALL: 'nb_NO.UTF-8' }).lang).toBe('nb');
    expect(chooseLanguage(['run'], { LC_ALL: 'C', LANG: 'nb_NO.UTF-8' }).lang).toBe('en');
    expect(chooseLanguage(['run'], { LC_MESSAGES: 'nn_NO', LANG: 'en_US' }).lang).toBe('nb');
    expect(chooseLanguage(['run'], { LANG: 'no_NO' }).lang).toBe('nb');
    expect(chooseLanguage(['run'], { LC_ALL: '', LANG: 'nb' }).lang).toBe('nb');
    expect(chooseLanguage(['run'], {}).lang).toBe('en');
    expect(['nb_NO.UTF-8', 'nn', 'no', 'NB_no', 'nb@euro'].map(fromLocale)).toEqual(['nb', 'nb', 'nb', 'nb', 'nb']);
    expect(['en_US.UTF-8', 'C', 'POSIX', 'de_DE', 'nbx', ''].map(fromLocale)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });

  it('leaves everything after -- alone and reports a bad --lang or CELLPOST_LANG', () => {
    expect(chooseLanguage(['merge', '--', '--lang', 'nb'], {})).toEqual({ lang: 'en', argv: ['merge', '--', '--lang', 'nb'] });
    expect(chooseLanguage(['--lang', 'xx', 'run'], {})).toMatchObject({ lang: 'en', argv: ['run'], badFlag: 'xx' });
    expect(chooseLanguage(['run', '--lang'], {})).toMatchObject({ badFlag: '' });
    expect(chooseLanguage(['run', '--lang', '--seed', '3'], {})).toMatchObject({ argv: ['run', '--seed', '3'], badFlag: '' });
    expect(chooseLanguage(['run'], { CELLPOST_LANG: 'fr', LANG: 'nb_NO' })).toMatchObject({ lang: 'nb', badEnv: 'fr' });
  });
});

describe('cellpost in bokmål', () => {
  it('prints the help in bokmål with --lang nb, and in English again without it', async () => {
    const nb = await cliHere(['--lang', 'nb', '--help'], EN);
    expect(nb.code).toBe(0);
    expect(nb.stdout).toContain('cellpost: kjør Cellpost-simuleringer fra kommandolinja');
    expect(nb.stdout).toContain('Avslutningskoder:');
    expect(nb.stdout).not.toMatch(/Usage|Exit codes/);
    const run = await cliHere(['run', '--help'], NB);
    expect(run.stdout).toContain('Bruk: cellpost run --scenario ID [valg]');
    expect(run.stdout).toContain(`høyst 10${NARROW_NBSP}000`);
    const en = await cliHere(['--help'], EN);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('--lang en|nb');
  });

  it('gives a bokmål error on one line with the usual exit code', async () => {
    const r = await cliHere(['run', '--scenario', 'leters', '--lang', 'nb'], EN);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cellpost: ukjent scenario «leters» (mente du letters?); innebygde scenarioer: letters, immune-suppression, liquid-biopsy, nk-weapons, block-release, calm-inflammation, gut-messages, organ-address, autoimmune-signature\n');
    const hours = await cliHere(['run', '--scenario', 'letters', '--hours', '20000'], { LANG: 'nb_NO.UTF-8' });
    expect(hours.code).toBe(2);
    expect(hours.stderr).toBe(`cellpost: --hours 20000 er over grensen på 10${NARROW_NBSP}000 simulerte timer (omtrent 14 måneder); kjør i deler eller gjør den kortere\n`);
  });

  it('refuses an unknown --lang with a clear message (exit 2)', async () => {
    const r = await cliHere(['--lang', 'xx', 'scenarios'], EN);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('cellpost: unknown language "xx" for --lang; Cellpost speaks en (English) and nb (Norwegian bokmål)\n');
    const empty = await cliHere(['scenarios', '--lang'], EN);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe('cellpost: --lang needs a value: en (English) or nb (Norwegian bokmål)\n');
    const env = await cliHere(['--version'], { CELLPOST_LANG: 'klingon' });
    expect(env.code).toBe(0);
    expect(env.stderr).toBe('cellpost: warning: CELLPOST_LANG="klingon" is not a language Cellpost speaks (en, nb); it is ignored\n');
  });

  it('lists the lessons with their bokmål titles and prints the rules with the bokmål phrasebook', async () => {
    const list = await cliHere(['scenarios'], NB);
    expect(list.stdout).toMatch(/^letters +Brev med adresse$/m);
    const rules = await cliHere(['rules', '--scenario', 'letters'], NB);
    expect(rules.code, rules.stderr).toBe(0);
    expect(rules.stdout).toMatch(/^Brev med adresse: reglene forklart med enkle ord\n\nAvsendercelle\n- Starter med 12 i /);
    expect(rules.stdout).toContain('- Slipper ut 300 brevvesikler per time per celle.');
    expect(rules.stdout).not.toMatch(/\b(Starts with|Releases|the rules in plain words)\b/);
  });

  it('prints the run summary in bokmål: words, numbers and the lesson title', async () => {
    const r = await cliHere(['run', '--scenario', 'letters', '--hours', '0.5'], NB);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^letters \(Brev med adresse\): frø 1, 0,5 t = 180 steg på 10 s, motor \S+$/);
    expect(r.stdout).toMatch(/\ntilstandshash [0-9a-f]{16} {2}\(\d+ målinger i alt: bruk --json eller --csv\)\n$/);
  });
});

describe('machine outputs do not change with the language', () => {
  /** Every output of one `run`, as bytes, written in one language. */
  async function runOutputs(env: NodeJS.ProcessEnv): Promise<Record<string, Buffer>> {
    const dir = scratchDir();
    const files = { csv: 'series.csv', json: 'summary.json', 'save-run': 'run.json', cells: 'cells.csv', packets: 'packets.csv' };
    const args = ['run', '--scenario', 'letters', '--seed', 'a', '--hours', '0.5', '--set', 'tissues.tissue.diffusion=1.5', '--cells-every', '0.25'];
    for (const [flag, name] of Object.entries(files)) args.push(`--${flag}`, join(dir, name));
    const r = await cliHere(args, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const out: Record<string, Buffer> = {};
    for (const name of Object.values(files)) out[name] = readFileSync(join(dir, name));
    const stdout = await cliHere(['run', '--scenario', 'letters', '--hours', '0.5', '--csv', '-'], env);
    out.stdout = Buffer.from(stdout.stdout);
    const replay = await cliHere(['replay', join(dir, 'run.json'), '--json', '-'], env);
    out.replay = Buffer.from(replay.stdout);
    const seeds = await cliHere(['class', '--class-code', '7', '--students', '4'], env);
    out.seeds = Buffer.from(seeds.stdout);
    const cls = await cliHere(['class', join(dir, 'run.json'), '--csv', '-'], env);
    out.classCsv = Buffer.from(cls.stdout);
    return out;
  }

  it('writes the same CSV, JSON, run file, cells, packets and class CSV in English and bokmål', async () => {
    const en = await runOutputs(EN);
    const nb = await runOutputs(NB);
    expect(Object.keys(nb)).toEqual(Object.keys(en));
    for (const k of Object.keys(en)) {
      expect(en[k].length, k).toBeGreaterThan(20);
      expect(nb[k].equals(en[k]), `${k} differs between en and nb`).toBe(true);
    }
    // The JSON summary keeps the lesson file's own title in every language.
    expect(JSON.parse(en['summary.json'].toString()).title).toBe('Letters with an address');
  });

  it('writes the same sweep results in English and bokmål (child processes, worker threads)', async () => {
    const results: string[] = [];
    for (const env of [EN, NB]) {
      const dir = scratchDir();
      const out = join(dir, 'results.csv');
      const r = await cli(['sweep', '--scenario', 'letters', '--vary', 'tissues.tissue.diffusion=0.5,1', '--seeds', '1', '--hours', '0.2', '--workers', '1', '--per-run-series', join(dir, 'series'), '--out', out], undefined, env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(env === NB ? /^sveip: 2 kjøringer/ : /^sweep: 2 runs/);
      results.push(readFileSync(out, 'utf8') + readdirSync(join(dir, 'series')).map((f) => readFileSync(join(dir, 'series', f), 'utf8')).join(''));
    }
    expect(results[1]).toBe(results[0]);
  }, 240_000);
});
