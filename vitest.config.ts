// Unit, property and statistical tests of the engine and the CLI (the browser tests live in
// test/e2e and run with vitest.e2e.config.ts after a build; the three-engine check in test/engines
// runs with vitest.engines.config.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/engines/**', 'test/cluster/**', 'node_modules/**'],
    testTimeout: 120_000,
    // A hook that runs the CLI waits on a child process: on a loaded machine (npm test runs the
    // browser files beside these) that takes longer than vitest's default 10 s.
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
