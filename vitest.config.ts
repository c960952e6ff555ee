import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // `npm run bench -- --quick` takes about a minute: its test runs in `npm run test:bench` (and in CI),
    // so that `npm test` stays quick.
    // test/seeds (the drift collection under 20 seeds) is `npm run test:seeds`, a leg of its own.
    exclude: ['test/bench/**', 'test/seeds/**', '**/node_modules/**'],
    setupFiles: ['test/setup/node-entry-points.ts'],
    // Vitest runs one worker fewer than the CPUs, so on two cores the files ran one at a time (120-130 s).
    // Most of them wait on child processes and sockets, not on the CPU: two workers there took 72 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
