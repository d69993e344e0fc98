#!/usr/bin/env node
// A change to spec/ (or to the generator pin) changes what @dli-sdk/types and @dli-sdk/client
// contain, but changesets cannot see it: the spec lives outside every package. This fails when
// either changed since the last release and no pending changeset names a generated package.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const GENERATED_PACKAGES = ['@dli-sdk/types', '@dli-sdk/client'];
const SOURCES = ['spec', 'openapitools.json'];

const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
const root = git('rev-parse', '--show-toplevel');
process.chdir(root);

// The last release is the last commit that changed the client's version (or first set it).
const MANIFEST = 'packages/client/package.json';
const versionAt = (commit) => {
  try {
    return JSON.parse(git('show', `${commit}:${MANIFEST}`)).version;
  } catch {
    return undefined;
  }
};
const lastRelease = git('log', '--format=%H', '--', MANIFEST)
  .split('\n')
  .filter(Boolean)
  .find((commit) => versionAt(commit) !== versionAt(`${commit}^`));
const committed = lastRelease ? git('diff', '--name-only', `${lastRelease}..HEAD`, '--', ...SOURCES) : '';
const uncommitted = git('status', '--porcelain', '--', ...SOURCES);
const changed = [...new Set([...committed.split('\n'), ...uncommitted.split('\n').map((line) => line.slice(3))])].filter(Boolean);

if (changed.length === 0) {
  console.log('spec/ has not changed since the last release.');
  process.exit(0);
}

const changesetDir = path.join(root, '.changeset');
const pending = existsSync(changesetDir)
  ? readdirSync(changesetDir).filter((file) => file.endsWith('.md') && file !== 'README.md')
  : [];
const covering = pending.filter((file) => {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(changesetDir, file), 'utf8'))?.[1] ?? '';
  return GENERATED_PACKAGES.some((name) => frontMatter.includes(`"${name}"`) || frontMatter.includes(`'${name}'`));
});

if (covering.length === 0) {
  console.error(`These files changed since the last release, but no changeset names ${GENERATED_PACKAGES.join(' or ')}:`);
  for (const file of changed) console.error(`  ${file}`);
  console.error('Run `npm run changeset`, pick both generated packages (they version together) and describe the API change.');
  process.exit(1);
}
console.log(`spec/ changed since the last release; covered by: ${covering.join(', ')}`);
