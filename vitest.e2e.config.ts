import { defineConfig } from 'vitest/config';

// End-to-end tests in a real browser: run by `npm run test:e2e`, apart from the unit suite.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
