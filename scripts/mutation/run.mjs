#!/usr/bin/env node
// `npm run test:mutation`: StrykerJS over each package in turn, then the score gate over both.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sanitizeBaseline } from './baseline.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const stryker = path.resolve(here, '../../node_modules/@stryker-mutator/core/bin/stryker.js');

for (const packageName of ['client', 'mock-server']) {
  const run = spawnSync(process.execPath, [stryker, 'run', path.join(here, `${packageName}.stryker.mjs`)], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  sanitizeBaseline(path.join(here, 'baseline', `${packageName}.json`));
}
const score = spawnSync(process.execPath, [path.join(here, 'score.mjs')], { stdio: 'inherit' });
process.exit(score.status ?? 1);
