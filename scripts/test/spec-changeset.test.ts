// The rule "a spec change reaches users as a version", in a scratch git repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.resolve(__dirname, '../check-spec-changeset.mjs');
let repo: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const check = () => spawnSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' });
const changeset = (packages: string[]) => `---\n${packages.map((p) => `"${p}": minor`).join('\n')}\n---\n\nA change.\n`;

beforeEach(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'dli-spec-changeset-'));
  git('init', '-q');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  write('packages/client/package.json', JSON.stringify({ name: '@dli-sdk/client', version: '1.0.0' }));
  write('spec/api.yaml', 'openapi: 3.0.3\n');
  write('openapitools.json', '{}\n');
  git('add', '-A');
  git('commit', '-qm', 'release 1.0.0');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

test('no spec change since the release: passes', () => {
  expect(check().status).toBe(0);
});

test('a committed spec change without a changeset fails, naming the file', () => {
  write('spec/api.yaml', 'openapi: 3.0.3\n# changed\n');
  git('commit', '-qam', 'change the spec');
  const result = check();
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('spec/api.yaml');
});

test('an uncommitted change of the generator pin fails too', () => {
  write('openapitools.json', '{"generator-cli":{"version":"9"}}\n');
  expect(check().status).toBe(1);
});

test('a changeset naming only other packages does not cover it; one naming a generated package does', () => {
  write('spec/api.yaml', 'openapi: 3.0.3\n# changed\n');
  write('.changeset/cli-only.md', changeset(['@dli-sdk/cli']));
  expect(check().status).toBe(1);
  write('.changeset/api.md', changeset(['@dli-sdk/types', '@dli-sdk/client']));
  expect(check().status).toBe(0);
});

test('after a release (version bump) the slate is clean again', () => {
  write('spec/api.yaml', 'openapi: 3.0.3\n# changed\n');
  git('commit', '-qam', 'change the spec');
  write('packages/client/package.json', JSON.stringify({ name: '@dli-sdk/client', version: '1.1.0' }));
  git('commit', '-qam', 'release 1.1.0');
  expect(check().status).toBe(0);
});
