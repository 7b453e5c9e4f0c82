// Runs the real `cellpost` command (node bin/cellpost.js) as a child process and collects its
// exit code, stdout and stderr, for the CLI tests (in English unless `env` says otherwise).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/cellpost.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = { CELLPOST_LANG: 'en' }): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? Number((err as { code?: number }).code ?? 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'cellpost-cli-'));
}
