// The test sequencer of mutation runs: when StrykerJS asks for some tests by name, only the suites
// that hold one of them run (see environment.cjs, which records where each test lives).
const { existsSync, readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;
const { TEST_FILES_INDEX } = require('./shared.cjs');

let filesByTest;

function testFiles() {
  if (!filesByTest && existsSync(TEST_FILES_INDEX)) {
    filesByTest = new Map();
    for (const line of readFileSync(TEST_FILES_INDEX, 'utf8').split('\n').filter(Boolean)) {
      const [file, name] = JSON.parse(line);
      filesByTest.set(name, [...(filesByTest.get(name) ?? []), file]);
    }
  }
  return filesByTest;
}

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.namePattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    const index = this.namePattern && testFiles();
    if (!index) return super.sort(tests);
    const pattern = new RegExp(this.namePattern, 'i'); // as jest matches it
    const wanted = new Set();
    for (const [name, files] of index) if (pattern.test(name)) for (const file of files) wanted.add(file);
    // A name the index does not know (it never should) runs everything rather than nothing.
    return super.sort(wanted.size > 0 ? tests.filter((test) => wanted.has(test.path)) : tests);
  }
}

module.exports = MutationSequencer;
