// Loaded by StrykerJS from its sandbox, so that the tests run against the sandbox's mutated sources.
module.exports = require('./jest.config.cjs')('client');
