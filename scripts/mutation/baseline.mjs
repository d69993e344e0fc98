// The committed mutation baselines, `scripts/mutation/baseline/<package>.txt`: StrykerJS's
// incremental results with everything StrykerJS can rebuild left out, in a stable order.
//
// StrykerJS's own incremental file (JSON) holds every source and test file in full, every mutant's
// place, mutator and replacement, and the list of tests covering it: megabytes, rewritten in
// another order by every run. What it needs to reuse a result is less:
// - a mutated file's source as the results saw it. Kept as its git blob id: the text is the
//   working tree's file when unchanged, else `git cat-file` (it was committed with the
//   baseline). Which mutants a source has is not kept either: StrykerJS's instrumenter gives the
//   same list from the same text, in well under a second; each file line keeps their number and
//   a digest of the list, and a file whose list differs is simply tested again.
// - each mutant's status, and for a killed one the test that killed it. A killed mutant is
//   reused when that test still covers it unchanged; a surviving one (also no coverage, timeout,
//   runtime error) when no test that is new or changed since covers it, so it is written as
//   covered by every test that existed: the same decision, without the list.
// - each test as a short id (a hash of its file and full name), its place, and its file's git
//   blob id, so StrykerJS can tell a changed test from a moved one. The names themselves come from
//   jest before the run (`collectTestNames`): a test whose id no current test has was renamed or
//   removed, and its results are not reused.
//
// The file, a line each:
//   source <path> <blob> <mutant count> <digest of the mutant list>
//   <status letter>[<killing test id>,...]    one line per mutant, in the instrumenter's order
//   tests <path> <blob>
//   <test id> <line>:<column>                  one line per test
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Instrumenter } from '@stryker-mutator/instrumenter';

const STATUS_LETTER = { Killed: 'K', Survived: 'S', NoCoverage: 'N', Timeout: 'T', RuntimeError: 'R', CompileError: 'C', Ignored: 'I' };
const LETTER_STATUS = Object.fromEntries(Object.entries(STATUS_LETTER).map(([status, letter]) => [letter, status]));
const ID_LENGTH = 6;

const HEADER = `# Mutation baseline: StrykerJS's results in a compact, stable form (scripts/mutation/baseline.mjs
# writes and reads it; do not edit). "source" lines: a file, its git blob, its mutant count and their
# digest, then a line per mutant: status (K killed, S survived, N no coverage, T timeout, R runtime
# error, C compile error, I ignored) and the ids of the tests that killed it. "tests" lines: a test
# file and its git blob, then a line per test: id and place.
`;

/** The git blob id of `text` (what `git hash-object` prints), computed without git. */
export function blobId(text) {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A test's short id: stable while its file and full name stay the same. */
export function testId(file, name) {
  return createHash('sha1').update(`${file}\n${name}`).digest('base64url').slice(0, ID_LENGTH);
}

const byPosition = (a, b) => a.line - b.line || a.column - b.column;
const mutantOrder = (a, b) =>
  byPosition(a.location.start, b.location.start) ||
  byPosition(a.location.end, b.location.end) ||
  (a.mutatorName < b.mutatorName ? -1 : a.mutatorName > b.mutatorName ? 1 : 0) ||
  ((a.replacement ?? '') < (b.replacement ?? '') ? -1 : (a.replacement ?? '') > (b.replacement ?? '') ? 1 : 0);
const identity = (m) => `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement ?? ''}`;
const digest = (mutants) => createHash('sha1').update(mutants.map(identity).join('\n')).digest('hex').slice(0, 12);
const posix = (file) => file.split(path.sep).join('/');

/**
 * Writes the compact baseline at `target` from StrykerJS's incremental JSON at `report`, relative
 * to the repository root `root`.
 */
export function writeBaseline(report, target, root) {
  const { files, testFiles = {} } = JSON.parse(readFileSync(report, 'utf8'));
  const lines = [];
  const idOf = new Map(); // StrykerJS's test id → ours
  const testSections = [];
  const ids = new Map(); // our id → file and name, to catch a collision
  for (const [file, { source, tests }] of Object.entries(testFiles)) {
    const relative = posix(path.relative(root, path.resolve(root, file)));
    const rows = [];
    for (const test of tests) {
      const id = testId(relative, test.name);
      const seen = ids.get(id);
      if (seen && seen !== `${relative}\n${test.name}`) throw new Error(`two tests share the id ${id}; raise ID_LENGTH in baseline.mjs`);
      ids.set(id, `${relative}\n${test.name}`);
      idOf.set(test.id, id);
      const start = test.location?.start ?? { line: 0, column: 0 };
      rows.push({ id, start });
    }
    rows.sort((a, b) => byPosition(a.start, b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const unique = rows.filter((row, i) => i === 0 || row.id !== rows[i - 1].id || byPosition(row.start, rows[i - 1].start) !== 0);
    testSections.push({ relative, blob: source === undefined ? '-' : blobId(source), rows: unique });
  }
  const sources = Object.entries(files)
    .map(([file, { source, mutants }]) => ({ relative: posix(path.relative(root, path.resolve(root, file))), source, mutants: [...mutants].sort(mutantOrder) }))
    .sort((a, b) => (a.relative < b.relative ? -1 : 1));
  for (const { relative, source, mutants } of sources) {
    lines.push(`source ${relative} ${blobId(source)} ${mutants.length} ${digest(mutants)}`);
    for (const mutant of mutants) {
      const letter = STATUS_LETTER[mutant.status];
      if (letter === undefined) throw new Error(`${relative}: mutant ${identity(mutant)} has no result (${mutant.status})`);
      const killers = mutant.status === 'Killed' ? [...new Set((mutant.killedBy ?? []).map((id) => idOf.get(id)).filter(Boolean))].sort() : [];
      lines.push(`${letter}${killers.join(',')}`);
    }
  }
  for (const { relative, blob, rows } of testSections.sort((a, b) => (a.relative < b.relative ? -1 : 1))) {
    lines.push(`tests ${relative} ${blob}`);
    for (const { id, start } of rows) lines.push(`${id} ${start.line}:${start.column}`);
  }
  writeFileSync(target, `${HEADER}${lines.join('\n')}\n`);
}

/** The text of `file` at git blob `blob`: the working tree's when it matches, else git's, else undefined. */
function textAt(root, file, blob) {
  if (blob === '-') return undefined;
  const current = path.join(root, file);
  if (existsSync(current)) {
    const text = readFileSync(current, 'utf8');
    if (blobId(text) === blob) return text;
  }
  const shown = spawnSync('git', ['cat-file', 'blob', blob], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return shown.status === 0 ? shown.stdout : undefined;
}

function parseBaseline(text) {
  const sources = [];
  const testFiles = [];
  let section;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('source ')) {
      const [, file, blob, count, sum] = line.split(' ');
      section = { file, blob, count: Number(count), digest: sum, results: [] };
      sources.push(section);
    } else if (line.startsWith('tests ')) {
      const [, file, blob] = line.split(' ');
      section = { file, blob, tests: [] };
      testFiles.push(section);
    } else if (section?.results) {
      section.results.push({ status: LETTER_STATUS[line[0]], killers: line.length > 1 ? line.slice(1).split(',') : [] });
    } else if (section?.tests) {
      const [id, place] = line.split(' ');
      const [lineNumber, column] = place.split(':').map(Number);
      section.tests.push({ id, start: { line: lineNumber, column } });
    } else {
      throw new Error(`a line of the baseline outside any section: ${line}`);
    }
  }
  return { sources, testFiles };
}

const quietLogger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => true,
  isErrorEnabled: () => true,
  isFatalEnabled: () => true,
  trace() {},
  debug() {},
  info() {},
  warn: (...args) => console.warn(...args),
  error: (...args) => console.error(...args),
  fatal: (...args) => console.error(...args),
};

/**
 * Rebuilds StrykerJS's incremental JSON at `report` from the compact baseline at `source`.
 * `names` maps test ids to the current tests' full names (see collectTestNames). Returns what
 * could be restored, for the log.
 */
export async function readBaseline(source, report, root, names) {
  const { sources, testFiles } = parseBaseline(readFileSync(source, 'utf8'));
  const texts = sources.map(({ file, blob }) => textAt(root, file, blob));
  const instrumented = await new Instrumenter(quietLogger).instrument(
    sources.flatMap(({ file }, i) => (texts[i] === undefined ? [] : [{ name: path.join(root, file), content: texts[i], mutate: true }])),
    { ignorers: [], plugins: null, excludedMutations: [] },
  );
  const mutantsOf = new Map();
  for (const mutant of instrumented.mutants) {
    const file = posix(path.relative(root, mutant.fileName));
    // StrykerJS's positions are 0-based; its reports' are 1-based.
    const location = {
      start: { line: mutant.location.start.line + 1, column: mutant.location.start.column + 1 },
      end: { line: mutant.location.end.line + 1, column: mutant.location.end.column + 1 },
    };
    if (!mutantsOf.has(file)) mutantsOf.set(file, []);
    mutantsOf.get(file).push({ mutatorName: mutant.mutatorName, replacement: mutant.replacement, location });
  }

  const tests = {};
  const allIds = [];
  const jsonId = new Map(); // our id → the id in the JSON (ours, numbered where a name repeats)
  for (const { file, blob, tests: rows } of testFiles) {
    const text = textAt(root, file, blob);
    const known = rows.filter(({ id }) => names.has(id));
    if (known.length === 0) continue;
    tests[file] = {
      ...(text === undefined ? {} : { source: text }),
      tests: known.map(({ id, start }, i) => {
        const unique = known.findIndex((row) => row.id === id) === i ? id : `${id}~${i}`;
        if (!jsonId.has(id)) jsonId.set(id, unique);
        allIds.push(unique);
        return { id: unique, name: names.get(id), location: { start } };
      }),
    };
  }

  const files = {};
  let reusable = 0;
  let dropped = 0;
  for (const [i, { file, count, digest: sum, results }] of sources.entries()) {
    const mutants = (mutantsOf.get(file) ?? []).sort(mutantOrder);
    if (texts[i] === undefined || mutants.length !== count || digest(mutants) !== sum || results.length !== count) {
      dropped++;
      continue;
    }
    files[file] = {
      language: 'typescript',
      source: texts[i],
      mutants: mutants.flatMap((mutant, index) => {
        const { status, killers } = results[index];
        if (status === 'Ignored') return [];
        reusable++;
        const killedBy = killers.map((id) => jsonId.get(id)).filter(Boolean);
        return [{ id: `${file}#${index}`, ...mutant, status, killedBy, coveredBy: status === 'Killed' ? [] : allIds }];
      }),
    };
  }
  writeFileSync(report, JSON.stringify({ schemaVersion: '2', thresholds: { high: 90, low: 80 }, projectRoot: root, files, testFiles: tests }));
  return { files: Object.keys(files).length, dropped, mutants: reusable, tests: allIds.length };
}

/**
 * The full names of the tests StrykerJS will see, by test id: jest over `config` with no test
 * selected, so that it only loads the suites and lists their tests (skipped) with their names.
 */
export function collectTestNames(root, config) {
  const out = path.join(root, 'reports/mutation', `names-${process.pid}.json`);
  const jest = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/jest/bin/jest.js'), '--config', config, '--testNamePattern', '^(?!)$', '--testEnvironment', 'node', '--testSequencer', '@jest/test-sequencer', '--silent', '--json', '--outputFile', out],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (!existsSync(out)) throw new Error(`jest could not list the tests:\n${jest.stderr}`);
  const { testResults } = JSON.parse(readFileSync(out, 'utf8'));
  const names = new Map();
  for (const { name: file, assertionResults } of testResults) {
    const relative = posix(path.relative(root, file));
    for (const { fullName } of assertionResults) names.set(testId(relative, fullName), fullName);
  }
  return names;
}
