import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (npm run test:mutation). Left out: tests whose code under
// test runs in another process (the CLI, the packed tarball, the benchmark, Dredd, Prism, the mock
// process of bounded-admin, hostile deployments), where Stryker's active mutant never reaches, so they
// could not kill one and would only slow every run; and the browser and docs builds (Vite, tsc),
// which compile files rather than run them.
// For a folder of the mock (UDE_MUTATION_FOLDER=mocks/…), the contract suite's tests are left out too:
// they test the suite, with the mock as its subject, and the mock's own tests are what must pin its
// rules (they are also the slowest: each runs the whole suite, many times over).
const mockFolder = process.env.UDE_MUTATION_FOLDER?.startsWith('mocks/') === true;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/cli/**',
      'test/package/**',
      'test/bench/**',
      'test/docs/**',
      'test/browser-builds/**',
      'test/contracts/dredd.test.ts',
      'test/contracts/prism-proxy.test.ts',
      'test/contracts/hostile-deployments.test.ts',
      'test/reliability/bounded-admin.test.ts',
      ...(mockFolder ? ['test/contracts/**'] : []),
    ],
    setupFiles: ['test/setup/node-entry-points.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
