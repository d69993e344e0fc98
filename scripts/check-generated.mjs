#!/usr/bin/env node
// Drift check: regenerates into a temporary folder and fails, naming every file, when the
// committed generated code differs from what the spec produces now.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { generatedDirs, repoRoot } from './generator-config.mjs';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dli-drift-'));
try {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate.mjs'), '--out', tmp], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const drift = [];
  for (const dir of Object.values(generatedDirs)) {
    const committed = filesUnder(path.join(repoRoot, dir));
    const fresh = filesUnder(path.join(tmp, dir));
    for (const file of new Set([...committed, ...fresh])) {
      const rel = path.join(dir, file);
      if (!committed.includes(file)) drift.push(`missing (not committed): ${rel}`);
      else if (!fresh.includes(file)) drift.push(`stale (no longer generated): ${rel}`);
      else if (!readFileSync(path.join(repoRoot, rel)).equals(readFileSync(path.join(tmp, rel))))
        drift.push(`differs: ${rel}`);
    }
  }
  if (drift.length > 0) {
    console.error(`Generated code is out of date with spec/ (${drift.length} file(s)):`);
    for (const line of drift) console.error(`  ${line}`);
    console.error('Run `npm run generate` and commit the result.');
    process.exit(1);
  }
  console.log('Generated code matches spec/.');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
