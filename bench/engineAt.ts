// The engine (sim/) of another git revision, loaded beside this tree's for same-process
// comparisons (bench/compare.ts, bench/lessonSteps.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Sim = typeof import('../sim/index');

/**
 * Extracts sim/ of a revision into tmp/compare/SHA/ (ignored by git and lint; inside the project so
 * its imports resolve and it is compiled with the project's settings, as under node_modules it
 * is not) and returns that directory.
 */
export function engineDirAt(revision: string): string {
  const root = resolve(import.meta.dirname, '..');
  const sha = execFileSync('git', ['rev-parse', '--short', revision], { cwd: root, encoding: 'utf8' }).trim();
  const dir = join(root, 'tmp', 'compare', sha);
  if (!existsSync(join(dir, 'sim', 'index.ts'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', sha, 'sim'], { cwd: root });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  return dir;
}

/** The engine of a revision, loaded (see engineDirAt). */
export async function engineAt(revision: string): Promise<Sim> {
  return (await import(join(engineDirAt(revision), 'sim', 'index.ts'))) as Sim;
}
