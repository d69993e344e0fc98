/**
 * The jest config StrykerJS runs for each mutant of one package: the sources project of the
 * root jest.config.cjs over that package's own tests. The second project of the root config reruns
 * suites against the built dist/index.cjs, which mutants of src/ never reach. The suites left out
 * here test built output or code run in another process (the client's `test/runtimes/` and
 * `test/package/`: Chromium, workerd, module formats, README examples; the stand-in's binary), the
 * compiler (the fetch client's types) or source text (handlers facts): a mutant in src/ cannot
 * change what they see. The soak suites (`npm run test:soak`)
 * are left out because their walks at scale cover every mutant and would run for each one.
 */
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
const sources = require(path.join(repoRoot, 'jest.config.cjs')).projects.find((project) => project.displayName === 'node');

/** @param {string} packageName the folder under packages/ whose tests run */
module.exports = (packageName) => ({
  ...sources,
  rootDir: repoRoot,
  // For the first, mutant-free run, whose failure stops everything: as generous as `npm test`'s,
  // so that a machine busy with other work cannot fail it. With a mutant active, environment.cjs
  // lowers it to MUTANT_TEST_TIMEOUT_MS.
  testTimeout: 120_000,
  roots: [`<rootDir>/packages/${packageName}`],
  testEnvironment: require.resolve('./environment.cjs'),
  testSequencer: require.resolve('./sequencer.cjs'),
  testPathIgnorePatterns: ['/node_modules/', '/test/(runtimes|package)/', '/(bin-flags|bin-data|soak|handlers-facts|fetch-client-types)\\.test\\.ts$'],
});
