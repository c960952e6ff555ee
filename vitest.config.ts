import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // `npm run bench -- --quick` takes about a minute: its test runs in `npm run test:bench` (and in CI),
    // so that `npm test` stays quick.
    exclude: ['test/bench/**', '**/node_modules/**'],
    setupFiles: ['test/setup/node-entry-points.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
