#!/usr/bin/env node
// npm run lint:workflows [-- files...]: actionlint (pinned, built once by go-tool.mjs) over the
// GitHub Actions workflows, .github/workflows/*.yml by default.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goTool } from './tools/go-tool.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(repoRoot, '.github', 'workflows');
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
let actionlint;
try {
  actionlint = goTool('actionlint');
} catch (error) {
  console.error(`lint:workflows: ${error.message}`);
  process.exit(2);
}
const result = spawnSync(actionlint, ['-color=false', ...files], { stdio: 'inherit' });
if (result.status === 0) console.log(`actionlint: ${files.length} workflow(s), no problem`);
process.exit(result.status ?? 1);
