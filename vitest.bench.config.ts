import { defineConfig } from 'vitest/config';

// `npm run test:bench`: the benchmark in quick mode, so that its script cannot rot. Out of `npm test`
// (about a minute on two cores); CI runs it after `npm test`.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.test.ts'],
    setupFiles: ['test/setup/node-entry-points.ts'],
    testTimeout: 300_000,
  },
});
