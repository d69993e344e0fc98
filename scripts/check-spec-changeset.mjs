#!/usr/bin/env node
// CI: the pending changesets must give @dli-sdk/types and @dli-sdk/client at least the bump the
// spec diff requires. changesets cannot see spec/ (it lives outside every package), and a patch
// changeset for a breaking change would reach every caret range of the types' users.
import { pendingBump } from './spec-diff/changesets.mjs';
import { CLASSES, formatChange, specDiff } from './spec-diff/index.mjs';

let diff;
try {
  diff = specDiff();
} catch (error) {
  console.error(`check:spec-changeset: ${error.message}`);
  process.exit(2);
}
const { root, base, entries, required, bump, version } = diff;
const since = `since the last release (${base.short} "${base.title}")`;
if (required === 'none') {
  console.log(`spec/ has no change that needs a release ${since}.`);
  process.exit(0);
}
const pending = pendingBump(root);
const zero = bump !== required ? ` (a ${required} change, which is a ${bump} while the version is ${version})` : '';
if (CLASSES.indexOf(pending.bump) >= CLASSES.indexOf(bump)) {
  console.log(`spec/ changed ${since} and needs a ${bump} release${zero}; covered by ${pending.files.join(', ')} (${pending.bump}).`);
  process.exit(0);
}
const given = pending.bump === 'none' ? 'no pending changeset names @dli-sdk/types or @dli-sdk/client' : `the pending changesets give only ${pending.bump} (${pending.files.join(', ')})`;
console.error(`spec/ changed ${since} and needs a ${bump} release of @dli-sdk/types and @dli-sdk/client${zero}, but ${given}.`);
console.error('The changes, each with its class:');
for (const entry of entries) console.error(formatChange(entry));
console.error(`Fix: run \`npm run spec:changeset\` (writes a ${bump} changeset with a line per change), or raise your changeset's bump to ${bump}.`);
process.exit(1);
