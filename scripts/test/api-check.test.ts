// A stale API report fails api:check with the command that fixes it (`npm run api:update`), not
// API Extractor's own advice to copy files around. Runs on a scratch copy of @dli-sdk/types.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'dli-api-check-'));
  for (const file of ['api-extractor.base.json', 'tsconfig.base.json']) cpSync(path.join(root, file), path.join(scratch, file));
  for (const entry of ['package.json', 'api-extractor.json', 'tsconfig.json', 'src', 'review', 'dist']) {
    cpSync(path.join(root, 'packages/types', entry), path.join(scratch, 'packages/types', entry), { recursive: true });
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const check = () =>
  spawnSync(process.execPath, [path.join(root, 'scripts/api-check.mjs')], { cwd: path.join(scratch, 'packages/types'), encoding: 'utf8' });

test('a current report passes; a stale one fails and says to run npm run api:update', () => {
  expect(check().status).toBe(0);
  const report = path.join(scratch, 'packages/types/review/types.api.md');
  writeFileSync(report, readFileSync(report, 'utf8').replace('export type paths', 'export type pathsRenamed'));
  const stale = check();
  expect(stale.status).toBe(1);
  expect(stale.stderr).toContain('npm run api:update');
  expect(stale.stdout + stale.stderr).not.toContain('perform a local build');
});
