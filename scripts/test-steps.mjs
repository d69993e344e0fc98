#!/usr/bin/env node
// The test commands as plain sequences of steps, each announced as it starts and timed as it ends:
//   node scripts/test-steps.mjs test    `npm test`: needs Node and what `npm ci` installs, nothing else
//   node scripts/test-steps.mjs soak    `npm run test:soak`: the walks at scale
//   node scripts/test-steps.mjs all     `npm run test:all`: the full gate CI runs (.ci/run): `npm test`
//                                       and everything that needs Java, Python, Go, a browser or the
//                                       registries, the soak walks, mutation testing, the release end
//                                       to end and the interop checks
// `npm test` stops at its first failing step; the full gate runs every step and fails at the end.
// With `--results <dir>`, jest's results are written there as JSON and `<dir>/summary.json` holds
// the counts of the closing "N passed, N failed" line (tests of jest and the release end to end,
// and one for each other step).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const [list = 'test', ...rest] = process.argv.slice(2);
const resultsAt = rest.indexOf('--results');
const resultsDir = resultsAt >= 0 ? path.resolve(rest[resultsAt + 1]) : undefined;
// Anything else goes to jest: `npm test -- -t 'Retry-After'`.
const jestArgs = rest.filter((_, i) => resultsAt < 0 || (i !== resultsAt && i !== resultsAt + 1));

/** @typedef {{ name: string, command: string[], jest?: string, release?: boolean }} Step */
/** @param {string} name @param {string[]} projects @param {string[]} [extra] @returns {Step} */
const jest = (name, projects, extra = []) => ({
  name,
  command: [process.execPath, path.join(root, 'node_modules/jest/bin/jest.js'), '--selectProjects', ...projects, ...extra, ...jestArgs],
  jest: projects.join('+'),
});

/** @type {Step[]} */
const NODE_ONLY = [
  // Per-task lines as turbo runs them; a task's own log only when it ran (not from turbo's cache).
  { name: 'build, typecheck and API reports (turbo)', command: [bin('turbo'), 'run', 'build', 'typecheck', 'api:check', '--output-logs=new-only'] },
  { name: 'typecheck scripts/', command: [bin('tsc'), '-p', 'scripts/tsconfig.json'] },
  { name: 'ESLint', command: [bin('eslint'), '.', '--max-warnings', '0'] },
  jest('jest: Node suites, and the built CommonJS entry', ['node', 'node-cjs-build']),
];
// Walks at scale take minutes of CPU; a busy machine may take several times as long.
const SOAK = [jest('jest: soak walks at scale', ['soak'], ['--testTimeout', '900000'])];
const npm = (script, ...args) => ['npm', 'run', ...args, script];

/** @type {Record<string, Step[]>} */
const LISTS = {
  test: NODE_ONLY,
  soak: SOAK,
  all: [
    { name: 'spec lint (Redocly, recommended rules)', command: npm('lint') },
    { name: 'generated code matches spec/ (drift check: Java, Maven)', command: npm('check:generated') },
    // oasdiff (spec diff) and actionlint (workflow lint), pinned, built once with `go install` into
    // node_modules/.cache/go-tools; the scripts also do this themselves on first use.
    { name: 'Go tools: oasdiff and actionlint', command: [process.execPath, 'scripts/tools/go-tool.mjs', 'oasdiff', 'actionlint'] },
    { name: 'the pending changesets cover the spec diff (check:spec-changeset)', command: npm('check:spec-changeset') },
    ...NODE_ONLY,
    jest('jest: suites that need Java, Python, Go, a browser or the registries', ['toolchains']),
    ...SOAK,
    { name: 'mutation testing (npm run test:mutation)', command: npm('test:mutation') },
    { name: 'release end to end (npm run test:release)', command: npm('test:release'), release: true },
    { name: 'interop with Huawei SDKs (npm run test:interop, where present)', command: npm('test:interop', '--if-present') },
  ],
};

if (!Object.hasOwn(LISTS, list)) {
  console.error(`unknown list ${list}; one of ${Object.keys(LISTS).join(', ')}`);
  process.exit(2);
}
const steps = LISTS[list];
const keepGoing = list === 'all';
if (resultsDir) mkdirSync(resultsDir, { recursive: true });

/** Runs `command`, its output passed through; resolves to its exit code and, if asked, its output. */
function run(command, capture) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: root,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', REDOCLY_TELEMETRY: 'off', DO_NOT_TRACK: '1' },
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        output += chunk;
      });
      child.stderr.on('data', (chunk) => {
        process.stderr.write(chunk);
        output += chunk;
      });
    }
    child.on('error', (error) => {
      console.error(error.message);
      resolve({ code: 1, output });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
const begun = Date.now();
let passed = 0;
let failed = 0;
const failedSteps = [];
for (const [index, step] of steps.entries()) {
  console.log(`\n▶ [${index + 1}/${steps.length}] ${step.name}`);
  const started = Date.now();
  let command = step.command;
  let json;
  if (step.jest && resultsDir) {
    json = path.join(resultsDir, `jest-${step.jest}.json`);
    rmSync(json, { force: true });
    command = [...command, '--json', '--outputFile', json];
  }
  const { code, output } = await run(command, step.release);
  let stepPassed = code === 0 ? 1 : 0;
  let stepFailed = code === 0 ? 0 : 1;
  if (json) {
    // jest's own counts; a failure around the tests (a suite that did not load) counts once more.
    const report = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : undefined;
    stepPassed = report?.numPassedTests ?? 0;
    stepFailed = (report?.numFailedTests ?? 0) + (report?.numRuntimeErrorTestSuites ?? 0);
    if (code !== 0 && stepFailed === 0) stepFailed = 1;
  } else if (step.release) {
    const line = [...output.matchAll(/^release e2e: (\d+) passed, (\d+) failed$/gm)].at(-1);
    stepPassed = line ? Number(line[1]) : 0;
    stepFailed = line ? Number(line[2]) : 1;
    if (code !== 0 && stepFailed === 0) stepFailed = 1;
  }
  passed += stepPassed;
  failed += stepFailed;
  console.log(`${code === 0 ? '✔' : '✘'} [${index + 1}/${steps.length}] ${step.name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds(started)}`);
  if (code !== 0) {
    failedSteps.push(step.name);
    if (!keepGoing) break;
  }
}
console.log(`\n${failedSteps.length === 0 ? 'all steps passed' : `failed: ${failedSteps.join('; ')}`} (${seconds(begun)})`);
if (resultsDir) writeFileSync(path.join(resultsDir, 'summary.json'), `${JSON.stringify({ passed, failed, failedSteps })}\n`);
if (keepGoing) console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 ? 0 : 1);
