/**
 * The jest config StrykerJS runs for each mutant: the sources project of jest.config.cjs only.
 * The second project reruns suites against the built dist/index.cjs, which mutants of src/ never
 * reach, and the suites left out here test built output or other processes (browser bundle,
 * module formats, README examples, the CLI binary), so in-process coverage cannot see them; the
 * soak walk is left to `npm test` because it covers every mutant and would run for each one.
 */
const {
  projects: [sources],
  testTimeout,
} = require('./jest.config.cjs');

module.exports = {
  ...sources,
  rootDir: __dirname,
  testTimeout,
  roots: ['<rootDir>/packages/client', '<rootDir>/packages/mock-server'],
  testPathIgnorePatterns: ['/node_modules/', '/test/(browser|module-formats|readme|soak)\\.test\\.ts$'],
};
