// The Go tools the checks run (oasdiff for the spec diff, actionlint for the workflows), pinned and
// built once with `go install` into node_modules/.cache/go-tools/<name>-<version>/, so `npm test`
// works right after `npm ci` on a machine with Go, and a second run costs nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const GO_TOOLS = {
  oasdiff: { module: 'github.com/oasdiff/oasdiff', version: 'v1.37.0' },
  actionlint: { module: 'github.com/rhysd/actionlint/cmd/actionlint', version: 'v1.7.12' },
};

/** The path of the tool's binary, building it first when it is not in the cache yet. */
export function goTool(name) {
  const { module, version } = GO_TOOLS[name];
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'go-tools', `${name}-${version}`);
  const binary = path.join(dir, name);
  if (existsSync(binary)) return binary;
  // Build into a fresh folder and move it in place, so a build that is killed halfway leaves no
  // binary that a later run would trust. Concurrent first runs each build; the first rename wins.
  const scratch = `${dir}.${process.pid}.tmp`;
  mkdirSync(scratch, { recursive: true });
  process.stderr.write(`Building ${name} ${version} with go install (once; cached in node_modules/.cache/go-tools)...\n`);
  try {
    execFileSync('go', ['install', `${module}@${version}`], {
      env: { ...process.env, GOBIN: scratch },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    const reason = error.code === 'ENOENT' ? 'Go is not installed (https://go.dev/dl/, Go ≥ 1.22)' : String(error.stderr ?? error.message).trim();
    throw new Error(`Could not build ${name} ${version}: ${reason}`, { cause: error });
  }
  try {
    renameSync(scratch, dir);
  } catch (error) {
    // Another first run (a parallel test worker) finished first: keep its binary.
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(binary)) throw error;
  }
  return binary;
}

// `node scripts/tools/go-tool.mjs oasdiff actionlint` builds them ahead of time (CI does).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const name of process.argv.slice(2)) console.log(goTool(name));
}
