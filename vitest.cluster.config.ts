// The cluster recipes of docs/sweeps.md run as written: a Slurm job array on a one-node cluster
// (started by .ci/slurm-up) and GNU parallel over this machine (test/cluster/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
