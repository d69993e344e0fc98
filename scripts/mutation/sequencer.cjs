// The test sequencer of mutation runs: when StrykerJS asks for some tests by name, only the suites
// that hold one of them run, the quickest first (see environment.cjs, which records where each
// test lives and how long it took). A mutant's run stops at its first failing test, so the cheap
// unit suites get the first chance to kill it; jest's own order, slowest first, suits the opposite
// case of a run that must finish everything.
const { existsSync, readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;
const { TEST_FILES_INDEX } = require('./shared.cjs');

/** @type {Array<{ file: string, name: string, ms: number }> | undefined} */
let recorded;

function recordedTests() {
  if (!recorded && existsSync(TEST_FILES_INDEX)) {
    recorded = readFileSync(TEST_FILES_INDEX, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [file, name, ms] = JSON.parse(line);
        return { file, name, ms };
      });
  }
  return recorded;
}

class MutationSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.namePattern = options.globalConfig.testNamePattern;
  }

  sort(tests) {
    const index = this.namePattern && recordedTests();
    if (!index) return super.sort(tests);
    const pattern = new RegExp(this.namePattern, 'i'); // as jest matches it
    const cost = new Map(); // file → milliseconds of its wanted tests
    for (const { file, name, ms } of index) if (pattern.test(name)) cost.set(file, (cost.get(file) ?? 0) + ms);
    // A name the index does not know (it never should) runs everything rather than nothing.
    if (cost.size === 0) return super.sort(tests);
    return tests.filter((test) => cost.has(test.path)).sort((a, b) => cost.get(a.path) - cost.get(b.path));
  }
}

module.exports = MutationSequencer;
