import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (npm run test:mutation). Left out: tests whose code under
// test runs in another process (the CLI, the packed tarball, the benchmark, Dredd, Prism, the mock
// process of bounded-admin, hostile deployments), where Stryker's active mutant never reaches, so they
// could not kill one and would only slow every run; and the browser and docs builds (Vite, tsc),
// which compile files rather than run them.
// For a folder of the mock (UDE_MUTATION_FOLDER=mocks/…), the contract suite's tests are left out too:
// they test the suite, with the mock as its subject, and the mock's own tests are what must pin its
// rules (they are also the slowest: each runs the whole suite, many times over).
// For the contract checks (UDE_MUTATION_FOLDER=contracts/…), the tests that run the whole suite against a
// mock for another purpose (drift mutants, faults, secrets, the CLI's refusals, HAR files, legitimate
// variations) are left out unless UDE_MUTATION_WHOLE_SUITE=1: every mutant of a check reaches all of
// them, about 10 s a mutant, hours a run. Without them the score is a lower bound, made by the rule
// tests (*-rules.test.ts), the generated-input and model-run tests, and one whole-suite run against the
// healthy mock (self-test.test.ts), which catches a check made over-eager.
const folder = process.env.UDE_MUTATION_FOLDER;
const mockFolder = folder?.startsWith('mocks/') === true;
const checksOnly = folder?.startsWith('contracts/') === true && process.env.UDE_MUTATION_WHOLE_SUITE !== '1';
const wholeSuiteTests = [
  'ci-never-misleads', 'faults', 'har', 'legitimate-variations', 'mutants', 'secret-scrub',
].map((name) => `test/contracts/${name}.test.ts`);

export default defineConfig({
  test: {
    // The checks' own tests live in test/contracts; the rest of test/ never reaches contracts/checks.
    include: checksOnly ? ['test/contracts/**/*.test.ts'] : ['test/**/*.test.ts'],
    exclude: [
      'test/cli/**',
      'test/package/**',
      'test/bench/**',
      'test/seeds/**',
      'test/docs/**',
      'test/browser-builds/**',
      'test/contracts/dredd.test.ts',
      'test/contracts/prism-proxy.test.ts',
      'test/contracts/hostile-deployments.test.ts',
      'test/reliability/bounded-admin.test.ts',
      ...(mockFolder ? ['test/contracts/**'] : []),
      ...(checksOnly ? wholeSuiteTests : []),
    ],
    setupFiles: ['test/setup/node-entry-points.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
