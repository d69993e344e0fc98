// @ts-check
// StrykerJS's options for one package's mutation run (see run.mjs, which runs both packages).
/**
 * The hand-written runtime of a package, mutated and tested by that package's own tests: the
 * stand-in is measured by its tests, not by the client's suites that happen to run it (which
 * would rerun hundreds of HTTP tests for every mutant of the stand-in). Generated code is not
 * ours to test, and `bin.ts` entry points (with the stand-in's `bin-options.ts`, whose refusals
 * exit the process) run only as subprocesses, which in-process coverage cannot see.
 * @param {'client' | 'mock-server'} packageName
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerOptions(packageName) {
  return {
    packageManager: 'npm',
    testRunner: 'jest',
    // A config file, not an object: StrykerJS loads it inside its sandbox, where `rootDir` must point.
    jest: { projectType: 'custom', configFile: `scripts/mutation/jest.${packageName}.config.cjs`, enableFindRelatedTests: false },
    coverageAnalysis: 'perTest',
    // A static mutant (module-level code: a constant, a regex literal, a Set of statuses) runs on
    // import, before any test, so StrykerJS can only judge it by the whole suite, tens of seconds
    // each under load. They are reported as ignored, and counted in no score.
    ignoreStatic: true,
    mutate: [`packages/${packageName}/src/**/*.ts`, `!packages/${packageName}/src/generated/**`, `!packages/${packageName}/src/bin.ts`, `!packages/${packageName}/src/bin-options.ts`],
    // scripts/mutation/score.mjs holds both packages' scores to their targets.
    thresholds: { high: 90, low: 80, break: null },
    reporters: ['clear-text', 'progress', 'json', 'html'],
    clearTextReporter: { allowColor: false, logTests: false },
    jsonReporter: { fileName: `reports/mutation/${packageName}.json` },
    htmlReporter: { fileName: `reports/mutation/${packageName}.html` },
    // Mutants whose code and covering tests did not change keep the committed result, so a run
    // after a small change tests only what the change touched. run.mjs rebuilds this file from the
    // committed baseline (scripts/mutation/baseline/<package>.txt) before the run and writes the
    // baseline from it after (see baseline.mjs).
    incremental: true,
    incrementalFile: `reports/mutation/${packageName}.incremental.json`,
    // The sandbox needs the packages and the configs; everything else at the top level (release
    // scripts, benchmarks, a local Python venv) would only slow the copy down or break it.
    ignorePatterns: ['/*', '!/packages', '!/spec', '!/scripts', '/scripts/*', '!/scripts/mutation', '!/package.json', '!/jest.config.cjs', '!/tsconfig.base.json'],
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    // A mutant's run may take this much longer than its tests took in the first run before it is
    // called a timeout: two workers share two cores, so runs are slower than the first, alone.
    timeoutFactor: 2.5,
    timeoutMS: 3_000,
  };
}
