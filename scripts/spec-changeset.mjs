#!/usr/bin/env node
// npm run spec:changeset: writes .changeset/spec-changes.md for the generated packages with the bump
// the spec diff requires and a line per API change; edit it freely before committing.
// `npm run version-packages` moves those lines into the CHANGELOGs.
import { writeSpecChangeset } from './spec-diff/changesets.mjs';
import { specDiff } from './spec-diff/index.mjs';

try {
  const diff = specDiff();
  if (diff.required === 'none') {
    console.log('spec/ has no change that needs a release since the last one; no changeset written.');
    process.exit(0);
  }
  const { file, existed, lines } = writeSpecChangeset(diff.root, diff);
  console.log(`${existed ? 'Rewrote' : 'Wrote'} ${file}: ${diff.bump} for @dli-sdk/types and @dli-sdk/client, ${lines.length} line(s):`);
  for (const line of lines) console.log(`  ${line}`);
  console.log('Edit the text if you like (keep the bump at least as high), then commit it.');
} catch (error) {
  console.error(`spec:changeset: ${error.message}`);
  process.exit(2);
}
