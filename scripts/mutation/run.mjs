#!/usr/bin/env node
// `npm run test:mutation`: StrykerJS over each package in turn, then the score gate over both.
// Each package's committed baseline (scripts/mutation/baseline/<package>.txt, see baseline.mjs)
// becomes StrykerJS's incremental file before its run, so that only mutants whose code or tests
// changed run again, and the incremental file StrykerJS writes becomes the baseline again after.
//   --package client|mock-server   one package only (the score gate then reads the other's last report)
//   --from-scratch                 ignore the baseline: every mutant runs (about 50 minutes on 2 cores)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectTestNames, readBaseline, writeBaseline } from './baseline.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const stryker = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
const args = process.argv.slice(2);
const only = args.includes('--package') ? args[args.indexOf('--package') + 1] : undefined;
const fromScratch = args.includes('--from-scratch');

mkdirSync(path.join(root, 'reports/mutation'), { recursive: true });
for (const packageName of ['client', 'mock-server'].filter((name) => only === undefined || name === only)) {
  const baseline = path.join(here, 'baseline', `${packageName}.txt`);
  // Where StrykerJS reads and writes its incremental JSON (reports/ is not committed).
  const incremental = path.join(root, 'reports/mutation', `${packageName}.incremental.json`);
  const started = Date.now();
  rmSync(incremental, { force: true });
  if (existsSync(baseline) && !fromScratch) {
    console.log(`mutation: ${packageName}: listing the tests and rebuilding StrykerJS's incremental file from ${path.relative(root, baseline)}`);
    const names = collectTestNames(root, path.join(here, `jest.${packageName}.config.cjs`));
    const restored = await readBaseline(baseline, incremental, root, names);
    console.log(
      `mutation: ${packageName}: ${restored.mutants} results of ${restored.files} files and ${restored.tests} tests to reuse` +
        `${restored.dropped ? `; ${restored.dropped} files changed beyond reuse` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  // stryker.config.mjs names the same incremental file.
  const run = spawnSync(process.execPath, [stryker, 'run', path.join(here, `${packageName}.stryker.mjs`)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeBaseline(incremental, baseline, root);
  console.log(`mutation: ${packageName}: done in ${((Date.now() - started) / 60_000).toFixed(1)} min; ${path.relative(root, baseline)} rewritten`);
}
const score = spawnSync(process.execPath, [path.join(here, 'score.mjs')], { cwd: root, stdio: 'inherit' });
process.exit(score.status ?? 1);
