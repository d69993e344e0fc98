// Test helper: build a pinned Go tool before a suite needs it. On the first run after `npm ci`
// that takes about a minute, longer than a test's timeout, so it runs in a beforeAll of its own.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export function buildGoToolBeforeAll(name: 'oasdiff' | 'actionlint') {
  beforeAll(() => {
    execFileSync(process.execPath, [path.resolve(__dirname, '../tools/go-tool.mjs'), name], { stdio: 'ignore' });
  }, 600_000);
}
