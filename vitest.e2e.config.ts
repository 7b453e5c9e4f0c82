// Browser tests: the built app served locally and driven in Debian's Chromium by playwright-core.
// globalSetup builds dist/ when it is out of date and starts one server and one Chromium for all
// files (test/e2e/globalSetup.ts); each file opens fresh pages with test/e2e/fixture.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
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
