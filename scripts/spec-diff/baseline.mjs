// The spec of the last release. Rule: the last commit that changed the version of
// @dli-sdk/client — a "Version Packages" commit, which the release workflow publishes — or, when
// the version never changed, the commit that first set it (in practice the first commit: nothing
// is published yet, so the whole spec is new for the first release).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SPEC_FILE = 'spec/dli-enhanced-connections.yaml';
export const GENERATED_PACKAGES = ['@dli-sdk/types', '@dli-sdk/client'];
const MANIFEST = 'packages/client/package.json';

export const git = (cwd, ...args) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });

/** The file at a commit, or undefined where it did not exist. */
export function fileAt(root, commit, file) {
  try {
    return git(root, 'show', `${commit}:${file}`);
  } catch {
    return undefined;
  }
}

const versionAt = (root, commit) => {
  const text = fileAt(root, commit, MANIFEST);
  return text === undefined ? undefined : JSON.parse(text).version;
};

/** The baseline commit: the given ref, or the last release by the rule above. */
export function baseline(root, ref) {
  // In a shallow clone the release commit may be missing, and HEAD would pass for it silently.
  if (git(root, 'rev-parse', '--is-shallow-repository').trim() === 'true') {
    throw new Error('this is a shallow clone: the spec diff needs the history back to the last release (git fetch --unshallow, or actions/checkout with fetch-depth: 0).');
  }
  const commit = ref
    ? commitOf(root, ref)
    : git(root, 'log', '--format=%H', '--', MANIFEST)
        .split('\n')
        .filter(Boolean)
        .find((c) => versionAt(root, c) !== versionAt(root, `${c}^`));
  if (!commit) throw new Error(`No commit sets the version in ${MANIFEST}: nothing to compare the spec with.`);
  const subject = git(root, 'log', '-1', '--format=%s', commit).trim();
  const title = subject.length > 60 ? `${subject.slice(0, 57)}...` : subject;
  return { commit, short: commit.slice(0, 9), title, version: versionAt(root, commit) };
}

function commitOf(root, ref) {
  try {
    return git(root, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`).trim();
  } catch {
    throw new Error(`${JSON.stringify(ref)} is not a commit of this repository (give a branch, tag or commit id).`);
  }
}

/** Writes the spec/ folder as it was at the commit into dir; returns the path of its main file. */
export function materializeSpec(root, commit, dir) {
  const files = git(root, 'ls-tree', '-r', '-z', '--name-only', commit, '--', 'spec').split('\0').filter(Boolean);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), fileAt(root, commit, file));
  }
  return files.includes(SPEC_FILE) ? path.join(dir, SPEC_FILE) : undefined;
}
