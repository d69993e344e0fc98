// The drift check in a scratch copy of the repository: a spec change without regeneration fails
// it, naming the files; `npm run generate` makes it pass, with the new property in both packages.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = path.resolve(__dirname, '../..');
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'dli-drift-test-'));
  for (const item of ['spec', 'scripts', 'openapitools.json', 'packages/types/src/generated', 'packages/client/src/generated', 'packages/mock-server/src/generated']) {
    cpSync(path.join(root, item), path.join(scratch, item), { recursive: true });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const node = (script: string) => spawnSync(process.execPath, [path.join(scratch, 'scripts', script)], { encoding: 'utf8', cwd: scratch });

test('generation is deterministic: regenerating the committed code changes nothing', () => {
  const check = node('check-generated.mjs');
  // A tool below may emit bare colour resets (ESC[0m) now and then; nothing else may be said.
  expect(stripVTControlCharacters(check.stderr)).toBe('');
  expect(check.status).toBe(0);
});

test('a new schema property fails the check until regenerated, then reaches its one definition in @dli-sdk/types', () => {
  const specFile = path.join(scratch, 'spec/dli-enhanced-connections.yaml');
  const spec = readFileSync(specFile, 'utf8');
  const anchor = '        ipv6_enable:\n';
  expect(spec).toContain(anchor);
  writeFileSync(specFile, spec.replace(anchor, `        drift_probe:\n          type: string\n          description: Added by the drift test.\n${anchor}`));

  const stale = node('check-generated.mjs');
  expect(stale.status).toBe(1);
  expect(stale.stderr).toContain('differs: packages/types/src/generated/schema.ts');
  // The client's generated layer names wire types from @dli-sdk/types: it holds no copy to go stale.
  expect(stale.stderr).not.toContain('packages/client/src/generated/');

  expect(node('generate.mjs').status).toBe(0);
  expect(readFileSync(path.join(scratch, 'packages/types/src/generated/schema.ts'), 'utf8')).toContain('drift_probe?: string;');
  expect(existsSync(path.join(scratch, 'packages/client/src/generated/models'))).toBe(false);
  expect(node('check-generated.mjs').status).toBe(0);
});

test('without Java, generate stops with a clear message', () => {
  const run = spawnSync(process.execPath, [path.join(scratch, 'scripts', 'generate.mjs'), '--out', path.join(scratch, 'out')], {
    encoding: 'utf8',
    cwd: scratch,
    env: { ...process.env, PATH: '/nonexistent' }, // node itself is started by its absolute path
  });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain('npm run generate needs Java 11 or newer on the PATH');
});
