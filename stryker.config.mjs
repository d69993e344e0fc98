// @ts-check
/**
 * Mutation testing (`npm run test:mutation`): StrykerJS mutates the hand-written runtime and the
 * stand-in and reruns, per mutant, the jest tests that cover it. Generated code is not ours to test
 * and the two `bin.ts` entry points only run as subprocesses, which in-process coverage cannot see.
 * `scripts/mutation-score.mjs` then holds the files the issue names to their own, higher bar.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.stryker.config.cjs', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'packages/client/src/**/*.ts',
    '!packages/client/src/generated/**',
    'packages/mock-server/src/**/*.ts',
    '!packages/*/src/bin.ts',
  ],
  thresholds: { high: 90, low: 80, break: 80 },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Mutants whose code and covering tests did not change keep their last result, so a run after a
  // small change takes minutes once a full run's file is committed.
  incremental: true,
  incrementalFile: 'stryker-incremental.json',
  // The sandbox needs the packages and the jest configs; everything else at the top level (the
  // release scripts, benchmarks, a local Python venv) would only slow the copy down or break it.
  ignorePatterns: ['/*', '!/packages', '!/spec', '!/scripts', '/scripts/*', '!/scripts/mutation', '!/package.json', '!/jest.config.cjs', '!/jest.stryker.config.cjs', '!/tsconfig.base.json'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Added to a mutant's expected test time: an infinite loop or a lost timer costs this much.
  timeoutMS: 3_000,
};
