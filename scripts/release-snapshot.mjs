#!/usr/bin/env node
// npm run release:snapshot -- <tag>: publishes the pending changesets as snapshot versions
// (0.0.0-<tag>-<timestamp>) under the dist-tag <tag>, never `latest`, then puts the working tree
// back as it was: snapshot versions are never committed.
import { execFileSync } from 'node:child_process';

const tag = process.argv[2];
if (!tag || !/^[a-z][a-z0-9-]*$/.test(tag) || tag === 'latest') {
  console.error('usage: npm run release:snapshot -- <tag>   (lower-case letters, digits and dashes; not "latest")');
  process.exit(2);
}
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim();
if (dirty) {
  console.error('release:snapshot needs a clean working tree (it restores it afterwards):\n' + dirty);
  process.exit(2);
}
try {
  run('npx', ['changeset', 'version', '--snapshot', tag]);
  run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  run('npx', ['changeset', 'publish', '--tag', tag, '--no-git-tag']);
} finally {
  run('git', ['checkout', '--', '.']);
  run('git', ['clean', '-fdq', '--', '.changeset', 'packages']);
}
