// The local registry of `npm run test:release`: verdaccio, pinned with its lockfile in
// scripts/tools/verdaccio/, installed once with `npm ci` into node_modules/.cache/verdaccio-<version>/.
// It serves one test, so the repository's own `npm ci` does not carry its 240-odd packages.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifestDir = path.join(repoRoot, 'scripts', 'tools', 'verdaccio');

/** The path of verdaccio's bin, installing it first when it is not in the cache yet. */
export function verdaccioBin() {
  const { version } = JSON.parse(readFileSync(path.join(manifestDir, 'package-lock.json'), 'utf8')).packages['node_modules/verdaccio'];
  const dir = path.join(repoRoot, 'node_modules', '.cache', `verdaccio-${version}`);
  const bin = path.join(dir, 'node_modules', '.bin', 'verdaccio');
  if (existsSync(bin)) return bin;
  // Install into a fresh folder and move it in place, so an install killed halfway leaves nothing
  // a later run would trust.
  const scratch = `${dir}.${process.pid}.tmp`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(path.join(manifestDir, file), path.join(scratch, file));
  process.stderr.write(`Installing verdaccio ${version} (once; cached in node_modules/.cache)...\n`);
  try {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
    rmSync(dir, { recursive: true, force: true });
    renameSync(scratch, dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return bin;
}
