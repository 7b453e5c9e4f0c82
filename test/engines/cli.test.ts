// The command line under Bun (JavaScriptCore) as under Node: `cellpost --lang nb` finds its
// bokmål catalogues (JSON imports, loaded on demand) and phrasebook, and a run's CSV is the same
// bytes in Bun and Node, in English and bokmål.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUN, ROOT } from './bun';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

const MAIN = join(ROOT, 'src/cli/main.ts');

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((done) => {
    execFile(command, [...args], { cwd: ROOT, env: { ...process.env, DO_NOT_TRACK: '1', CELLPOST_LANG: 'en', ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const bun = (args: readonly string[], env?: NodeJS.ProcessEnv) => {
  if (!existsSync(BUN)) throw new Error(`Bun not found at ${BUN}: npm install brings it (the "bun" devDependency ships the binary), or set BUN_PATH`);
  return run(BUN, ['--no-install', MAIN, ...args], env);
};
const node = (args: readonly string[], env?: NodeJS.ProcessEnv) => run(process.execPath, [join(ROOT, 'bin/cellpost.js'), ...args], env);

describe('cellpost under Bun', () => {
  it('prints bokmål help, rules and errors with --lang nb', async () => {
    const help = await bun(['--lang', 'nb', '--help']);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('cellpost: kjør Cellpost-simuleringer fra kommandolinja');
    const rules = await bun(['rules', '--scenario', 'letters'], { CELLPOST_LANG: 'nb' });
    expect(rules.code, rules.stderr).toBe(0);
    expect(rules.stdout).toMatch(/^Brev med adresse: reglene forklart med enkle ord\n\nAvsendercelle\n/);
    const bad = await bun(['run', '--scenario', 'leters'], { LANG: 'nb_NO.UTF-8', CELLPOST_LANG: '' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cellpost: ukjent scenario «leters» \(mente du letters\?\)/);
  });

  it('writes the same CSV as Node in English and bokmål', async () => {
    const args = ['run', '--scenario', 'letters', '--hours', '0.5', '--csv', '-'];
    const [bunEn, bunNb, nodeEn] = await Promise.all([bun(args), bun([...args, '--lang', 'nb']), node(args)]);
    for (const r of [bunEn, bunNb, nodeEn]) expect(r.code, r.stderr).toBe(0);
    expect(nodeEn.stdout.split('\n').length).toBeGreaterThan(3);
    expect(bunEn.stdout).toBe(nodeEn.stdout);
    expect(bunNb.stdout).toBe(nodeEn.stdout);
  });
});
