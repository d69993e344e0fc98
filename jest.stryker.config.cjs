/**
 * The jest config StrykerJS runs for each mutant: the sources project of jest.config.cjs only.
 * The second project reruns suites against the built dist/index.cjs, which mutants of src/ never
 * reach, and the suites left out here test built output or other processes (browser bundle,
 * module formats, README examples, the CLI binary), the compiler (types in errors) or source text (handlers facts), so in-process
 * coverage cannot see them; the soak suites are left to `npm test` because their walks at scale
 * cover every mutant and would run for each one.
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
  testEnvironment: require.resolve('./scripts/mutation/environment.cjs'),
  testSequencer: require.resolve('./scripts/mutation/sequencer.cjs'),
  testPathIgnorePatterns: ['/node_modules/', '/test/(browser|module-formats|readme|soak|types-in-errors|handlers-facts)\\.test\\.ts$'],
};
