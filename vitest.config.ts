// Unit, property and statistical tests of the engine and the CLI (the browser tests live in
// test/e2e and run with vitest.e2e.config.ts after a build; the three-engine check in test/engines
// runs with vitest.engines.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/engines/**', 'test/cluster/**', 'node_modules/**'],
    // npm test runs these beside the type-check, lint and browser lanes on two cores, where a test
    // can take ten times its idle time: nk-weapons' TGF-β check (ten 10 h runs, 10 s idle) took 85 s
    // in one CI run and passed 120 s in the next. A hang still ends well inside CI's 90 minutes.
    testTimeout: 600_000,
    // A hook that runs the CLI waits on a child process: on a loaded machine (npm test runs the
    // browser files beside these) that takes longer than vitest's default 10 s.
    hookTimeout: 600_000,
    pool: 'forks',
    // The files of a worker share one module graph: the engine, the lessons, the lab and zod load
    // once per worker, not once per file (a fresh process per file cost ~1 s of CPU each, most of
    // the files' time). test/setup/everyFile.ts puts back the state a file may change (the language).
    isolate: false,
    // CELLPOST_FILE_CPU=FILE: a line of CPU time per test file (test/setup/fileCpu.ts).
    setupFiles: ['test/setup/everyFile.ts', ...(process.env.CELLPOST_FILE_CPU ? ['test/setup/fileCpu.ts'] : [])],
  },
});
