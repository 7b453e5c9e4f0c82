// Browser tests: the built app served locally and driven in Debian's Chromium by playwright-core.
// globalSetup builds dist/ when it is out of date and starts one server and one Chromium for all
// files (test/e2e/globalSetup.ts); each file opens fresh pages with test/e2e/fixture.ts.
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The files that measure time (redraw and frame rates, the heap over 30 s at 1M, main-thread task
 * lengths while playing). `npm test` runs them alone at the end, so no other work disturbs their
 * figures; the other files run beside the unit tests (scripts/test-all.ts, docs/testing.md).
 */
export const TIMED_FILES = ['test/e2e/frameBudget.test.ts', 'test/e2e/bench.test.ts', 'test/e2e/smoothPlay.test.ts'];

/**
 * `npm test` runs the untimed files in two processes side by side (each with its own server and
 * Chromium), so that neither is the long pole: the first takes these files (the six slowest, and
 * two smaller ones that even out the two processes' times once the slowest had their page loads
 * cut), the second every other untimed file (a new file goes to the second unless listed here).
 * docs/testing.md has the figures.
 */
export const UNTIMED_FIRST = [
  'test/e2e/promptCard.test.ts',
  'test/e2e/sizes.test.ts',
  'test/e2e/layout.test.ts',
  'test/e2e/app.test.ts',
  'test/e2e/sideBySide.test.ts',
  'test/e2e/builder.test.ts',
  'test/e2e/lessonPoints.test.ts',
  'test/e2e/earlyDrop.test.ts',
];

/**
 * CELLPOST_E2E_PART: `timed` runs only TIMED_FILES, `untimed` every other file, `untimed-1` and
 * `untimed-2` the untimed files split in two (UNTIMED_FIRST, then the rest); unset, every file.
 */
const part = process.env.CELLPOST_E2E_PART ?? '';
const PARTS: Record<string, { include: string[]; exclude: string[] }> = {
  '': { include: ['test/e2e/**/*.test.ts'], exclude: [] },
  timed: { include: TIMED_FILES, exclude: [] },
  untimed: { include: ['test/e2e/**/*.test.ts'], exclude: TIMED_FILES },
  'untimed-1': { include: UNTIMED_FIRST, exclude: TIMED_FILES },
  'untimed-2': { include: ['test/e2e/**/*.test.ts'], exclude: [...TIMED_FILES, ...UNTIMED_FIRST] },
};
const chosen = PARTS[part];
if (!chosen) throw new Error(`CELLPOST_E2E_PART=${part}: give timed, untimed, untimed-1, untimed-2, or leave it unset for every file`);

export default defineConfig({
  test: {
    include: chosen.include,
    exclude: [...configDefaults.exclude, ...chosen.exclude],
    globalSetup: ['test/e2e/globalSetup.ts'],
    // CELLPOST_FILE_CPU=FILE: a line of CPU time per test file, Chromium's included (test/setup/fileCpu.ts).
    setupFiles: process.env.CELLPOST_FILE_CPU ? ['test/setup/fileCpu.ts'] : [],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // expect.poll waits up to 10 s (not 1 s): a page on a busy shared machine is slow, not wrong.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    fileParallelism: false,
    // One process for all files, one after another (the files share nothing but the fixture's
    // stateless helpers): playwright-core and the app's modules are loaded once, not per file.
    isolate: false,
  },
});
