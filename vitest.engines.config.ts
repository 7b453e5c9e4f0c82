// The engines check: every lesson's state hash computed by Node (V8), Bun (JavaScriptCore) and
// Firefox ESR (SpiderMonkey) must be the same (test/engines/engines.test.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/engines/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
