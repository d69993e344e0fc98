#!/usr/bin/env node
// Committed, so that npm links this command at install time, before anything is built.
import { existsSync } from 'node:fs';

const built = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(built)) {
  console.error('dli-mock is not built yet: run `npm run build` at the root of the repository first.');
  process.exit(1);
}
await import(built.href);
