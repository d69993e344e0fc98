#!/usr/bin/env node
// npm run spec:policy: the version policy of spec-diff/policy.json as the Markdown table the
// docs/spec-changes.md shows (a test keeps that copy equal to this output).
import { policy } from './spec-diff/policy.mjs';

const all = [
  ...policy.rules,
  ...Object.values(policy.servers),
  policy.documentation,
  policy.text,
  policy.generator,
  ...Object.values(policy.surface),
  policy.unknown,
];
console.log("| change to `spec/` (or to a generated package's API report) | bump |");
console.log('|---|---|');
for (const bump of ['major', 'minor', 'patch']) {
  for (const what of new Set(all.filter((rule) => rule.class === bump).map((rule) => rule.what))) console.log(`| ${what} | ${bump} |`);
}
