import { defineConfig } from 'vitest/config';

// `npm run test:seeds`: the whole drift collection under 20 seeds (test/seeds), a leg of its own in CI.
// Out of `npm test` for its length (about 2,000 whole runs); two shards, one a core.
export default defineConfig({
  test: {
    include: ['test/seeds/**/*.test.ts'],
    setupFiles: ['test/setup/node-entry-points.ts'],
    maxWorkers: 2,
    testTimeout: 120_000,
  },
});
