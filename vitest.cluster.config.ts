// The cluster recipes of docs/sweeps.md run as written: a Slurm job array on a one-node cluster
// (started by .ci/slurm-up) and GNU parallel over this machine (test/cluster/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
