// Runs a `cellpost` command line inside the test process (src/cli/cli.ts runCli) with stdout and
// stderr captured (give absolute paths): fast enough for hundreds of cases (fuzzing), where
// a child process per case would take seconds each. The language is English unless `env` says
// otherwise (a tester's own locale does not change what the tests read).
import { vi } from 'vitest';
import { runCli } from '../../src/cli/cli';
import type { CliResult } from './helpers';

/** Runs one command line; never throws (a failure is the result's code and stderr). */
export async function cliHere(args: readonly string[], env: NodeJS.ProcessEnv = { ...process.env, CELLPOST_LANG: 'en' }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(args, env);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
