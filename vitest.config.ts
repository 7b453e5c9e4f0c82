// Unit, property and statistical tests of the engine and the CLI (the browser tests live in
// test/e2e and run with vitest.e2e.config.ts after a build; the three-engine check in test/engines
// runs with vitest.engines.config.ts).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A built-in lesson's id (lessons/<id>.json holds a lesson; the catalogue and glossary do not). */
function isLesson(id: string): boolean {
  const file = join(import.meta.dirname, 'lessons', `${id}.json`);
  return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { lesson?: unknown }).lesson !== undefined;
}
/** The lessons' statistics, the longest files by far: test/lessons/<lesson id>.test.ts and test/lessons/claims/. */
const isStatistics = (file: string): boolean => /[/\\]test[/\\]lessons[/\\]claims[/\\]/.test(file) || (/[/\\]test[/\\]lessons[/\\][^/\\]+\.test\.ts$/.test(file) && isLesson(basename(file, '.test.ts')));

/**
 * Vitest's order (the longest first when it has timed an earlier run here; on a fresh clone, as in
 * CI, the largest file first), except that on a fresh clone the lessons' statistics go first. The
 * claims files are four lines long, so by size they came last, and with two workers the last
 * ones ran alone at the end (claims/block-release.test.ts took 292 s of the 1042 s the unit tests
 * took in the last CI run, the last but one to start); started first, the shorter files fill in
 * around them.
 */
class StatisticsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const timed = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`) !== undefined;
    if (sorted.every(timed)) return sorted;
    const first = sorted.filter((f) => isStatistics(f.moduleId));
    return [...first, ...sorted.filter((f) => !isStatistics(f.moduleId))];
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/engines/**', 'test/cluster/**', 'node_modules/**'],
    testTimeout: 120_000,
    // A hook that runs the CLI waits on a child process: on a loaded machine (npm test runs the
    // browser files beside these) that takes longer than vitest's default 10 s.
    hookTimeout: 120_000,
    pool: 'forks',
    // The files of a worker share one module graph: the engine, the lessons, the lab and zod load
    // once per worker, not once per file (a fresh process per file cost ~1 s of CPU each, most of
    // the files' time). test/setup/everyFile.ts puts back the state a file may change (the language).
    isolate: false,
    setupFiles: ['test/setup/everyFile.ts'],
    sequence: { sequencer: StatisticsFirst },
  },
});
