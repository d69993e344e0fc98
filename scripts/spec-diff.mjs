#!/usr/bin/env node
// npm run spec:diff -- [base-ref]: every change of spec/ since the last release (or base-ref),
// each with the bump class our version policy (spec-diff/policy.json) gives it.
import { formatChange, specDiff } from './spec-diff/index.mjs';

const ref = process.argv[2];
try {
  const { base, entries, required, bump, version } = specDiff({ ref });
  console.log(`spec/ against ${base.short} ("${base.title}"${base.version ? `, @dli-sdk/client ${base.version}` : ''}):`);
  if (entries.length === 0) {
    console.log('  no change');
  } else {
    for (const entry of entries) console.log(formatChange(entry));
  }
  const zero = bump !== required ? ` (${required} while ${version} is 0.x)` : '';
  console.log(`required bump of @dli-sdk/types and @dli-sdk/client: ${required === 'none' ? 'none' : bump}${zero}`);
} catch (error) {
  console.error(`spec:diff: ${error.message}`);
  process.exit(2);
}
