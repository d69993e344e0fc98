// The jest environment of mutation runs. It does two things jest cannot be asked for from outside:
// - In the first, mutant-free run it records which file holds each test and how long it took, so
//   `sequencer.cjs` can load only the files whose tests cover a mutant (StrykerJS selects tests by
//   name alone, and jest would otherwise load every suite for every mutant), quickest first.
// - With a mutant active it stops at the first failing test (StrykerJS turns jest's bail off, as
//   jest has no programmatic bail): one failure kills the mutant, so the rest is wasted time.
// - With a mutant active a test may take MUTANT_TEST_TIMEOUT_MS: the longest of these suites'
//   tests takes about two seconds alone, so a mutant that makes a request hang (a lost abort, a
//   timer never set) fails its test then, where the first run's limit would wait out StrykerJS's
//   much longer timeout. The first run keeps the config's limit, so load cannot fail it.
const { appendFileSync } = require('node:fs');
const { TestEnvironment } = require('jest-environment-node');
const { TEST_FILES_INDEX, ACTIVE_MUTANT } = require('./shared.cjs');

const MUTANT_TEST_TIMEOUT_MS = 15_000;

// Module state outlives one suite: jest loads the environment once per worker process.
let killedMutant;

function testName(test) {
  const names = [];
  for (let block = test; block && block.parent; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

class MutationEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async handleTestEvent(event, state) {
    await super.handleTestEvent?.(event, state);
    const mutant = process.env[ACTIVE_MUTANT];
    if (mutant === undefined) {
      if (event.name === 'test_done') {
        appendFileSync(TEST_FILES_INDEX, `${JSON.stringify([this.testPath, testName(event.test), event.test.duration ?? 0])}\n`);
      }
      return;
    }
    if (event.name === 'run_start') state.testTimeout = Math.min(state.testTimeout, MUTANT_TEST_TIMEOUT_MS);
    // A test counts as failed once it is done with errors: those of its own code and hooks, and
    // those a failed beforeAll hands to every test under it (which never run, but are reported
    // failed only if not skipped here first).
    if (event.name === 'test_done' && event.test.errors.length > 0) killedMutant = mutant;
    if (event.name === 'test_start' && killedMutant === mutant) event.test.mode = 'skip';
  }
}

module.exports = MutationEnvironment;
