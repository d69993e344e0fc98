#!/usr/bin/env node
// Committed, so that npm links this command at install time, before anything is built.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const built = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(built)) {
  console.error('dli-connections is not built yet: run `npm run build` at the root of the repository first.');
  process.exit(1);
}
// `list` streams any number of connections: this process favours a small heap over speed (the
// young generation stays at its first size, the heap grows sparingly), so its memory stays flat
// (docs/performance.md). Only heuristics V8 reads as it runs; set before anything else is loaded.
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--optimize-for-size');
await import(built.href);
