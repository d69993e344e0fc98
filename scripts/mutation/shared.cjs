const path = require('node:path');

module.exports = {
  /** One JSON line [test file, full test name] per test, written in StrykerJS's sandbox. */
  TEST_FILES_INDEX: path.resolve('.mutation-test-files.ndjson'),
  /** The variable StrykerJS's instrumented code reads to know which mutant is on. */
  ACTIVE_MUTANT: '__STRYKER_ACTIVE_MUTANT__',
};
