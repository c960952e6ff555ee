// Mutation testing (npm run test:mutation): does the suite fail when the code is wrong? Stryker 9.6
// (the last line that runs on Node 20), the vitest runner with per-test coverage (each mutant runs
// only the tests that reach it), incremental (a rerun tests only mutants whose code or tests changed).
// scripts/mutation.ts runs it once per folder with a floor, naming the folder in UDE_MUTATION_FOLDER;
// `npm run test:mutation -- --mutate 'mocks/core/auth.ts'` runs it once over the files named.
const folder = process.env.UDE_MUTATION_FOLDER;
const slug = folder === undefined ? 'all' : folder.replace(/\/$/, '').replaceAll('/', '-');
const everything = ['mocks/core/**/*.ts', 'mocks/state/**/*.ts', 'contracts/**/*.ts'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    ...(folder === undefined ? everything : [`${folder}**/*.ts`]),
    // Generated from the OpenAPI document (npm run generate): tested stale-free, not hand-written.
    '!**/generated/**',
    // Dredd's and Prism's runners are driven as processes; their tests cannot reach a mutant.
    '!contracts/dredd/**',
    '!contracts/prism/**',
  ],
  incremental: true,
  incrementalFile: `reports/mutation/${slug}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${slug}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${slug}/mutation.json` },
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  timeoutMS: 20_000,
  // Module-level values (the credential pattern, the limits) are mutants too; each costs a fresh module load.
  ignoreStatic: false,
  // Vitest does not type-check, so mutants need no @ts-nocheck; and the generated files' staleness test
  // compares their bytes, which that comment would change.
  disableTypeChecks: false,
  // The per-folder floors (≥ 90% mocks/core and mocks/state, ≥ 85% the contract checks) are checked on
  // the JSON reports by scripts/mutation.ts; this only colours Stryker's own summary.
  thresholds: { high: 90, low: 85, break: null },
};
