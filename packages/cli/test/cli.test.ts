// dli-connections as a user runs it: a subprocess of the built bin against the stand-in.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { type MockDli, startMockDli } from '@dli-sdk/mock-server';
import type { EnhancedConnection } from '@dli-sdk/client';

const BIN = path.resolve(__dirname, '../dist/bin.js');
const connection = (json: string) => JSON.parse(json) as EnhancedConnection;
const connections = (json: string) => JSON.parse(json) as EnhancedConnection[];
const AK = 'CLITESTAK00000000000';
const SK = 'cli-test-secret-key-do-not-print';
const TOKEN = 'cli-test-token-do-not-print';
const PROJECT = 'f00dfeedf00dfeedf00dfeedf00dfeed';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let mock: MockDli;
const akEnv = () => ({ HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT });
const at = () => ['--endpoint', mock.url];

beforeAll(async () => {
  mock = await startMockDli({ connections: 230, seed: 9, auth: { credentials: [{ ak: AK, sk: SK }], tokens: [TOKEN] } });
});
afterAll(() => mock.close());

function expectNoSecrets(run: Run) {
  for (const text of [run.stdout, run.stderr]) {
    expect(text).not.toContain(SK);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/Signature=/);
  }
}

test('list --mock --output ndjson --max-items 3 prints three JSON lines and says it uses the stand-in', async () => {
  const run = await cli(['list', '--mock', '--output', 'ndjson', '--max-items', '3']);
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines.map((line) => connection(line).id)).toHaveLength(3);
  expect(run.stderr).toContain('Using the embedded DLI stand-in');
});

test('list --mock prints a table of the seeded connections', async () => {
  const run = await cli(['list', '--mock']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('│ id');
  expect(run.stdout.match(/[0-9a-f]{8}-[0-9a-f]{4}-4/g)).toHaveLength(40);
  expect(run.stdout).not.toContain('\x1b['); // no colour codes in a pipe
  expect(run.stderr).not.toContain('page(s)'); // no progress line when stderr is not a TTY
});

test.each(['json', 'ndjson', 'csv', 'table'])('list --output %s walks every page with AK/SK from the environment', async (format) => {
  const run = await cli(['list', ...at(), '--output', format, '--page-size', '40', '--concurrency', '3'], akEnv());
  expect(run.code).toBe(0);
  const ids = mock.connections.map((c) => c.id);
  if (format === 'json') expect(connections(run.stdout).map((c) => c.id)).toEqual(ids);
  if (format === 'ndjson') expect(run.stdout.trim().split('\n').map((l) => connection(l).id)).toEqual(ids);
  if (format === 'csv') {
    const [header, ...rows] = run.stdout.trim().split('\n');
    expect(header).toBe('id,name,status,queues,pools,dest_vpc_id,dest_network_id,isPrivis,create_time');
    expect(rows.map((r) => r.split(',')[0])).toEqual(ids);
  }
  if (format === 'table') for (const id of ids) expect(run.stdout).toContain(id!);
  expectNoSecrets(run);
});

test('filters reach the server: --status (any case), --name, --tags; --token authenticates', async () => {
  const target = mock.connections.find((c) => c.status === 'DELETED')!;
  const run = await cli(
    ['list', ...at(), '--project-id', PROJECT, '--token', TOKEN, '--status', 'deleted', '--name', target.name!, '--tags', 'env=prod', '--output', 'json'],
  );
  expect(run.code).toBe(0);
  const last = new URL(mock.requests.at(-1)!.url, mock.url).searchParams;
  expect(last.get('status')).toBe('DELETED');
  expect(last.get('name')).toBe(target.name);
  expect(last.get('tags')).toBe('env=prod');
  for (const c of connections(run.stdout)) expect(c.status).toBe('DELETED');
  expectNoSecrets(run);
});

test('get <id> prints the connection; an unknown id exits 1 with code, message and request id', async () => {
  const target = mock.connections[5];
  const ok = await cli(['get', target.id!, ...at()], akEnv());
  expect(ok.code).toBe(0);
  expect(JSON.parse(ok.stdout)).toMatchObject({ id: target.id, name: target.name, is_success: true });
  const missing = await cli(['get', 'no-such-connection', ...at()], akEnv());
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/^error: DLI\.0002 The connection no-such-connection does not exist\. \(HTTP 400, request id [0-9a-f]{32}\)\n$/);
});

test('a refused signature exits 1 and prints no secret', async () => {
  const run = await cli(['list', ...at()], { ...akEnv(), HUAWEICLOUD_SDK_SK: 'wrong-but-still-secret' });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('APIGW.0301');
  expect(run.stderr).not.toContain('wrong-but-still-secret');
  expectNoSecrets(run);
});

test('a network error exits 1', async () => {
  const run = await cli(['list', '--endpoint', 'http://127.0.0.1:9'], akEnv());
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^error: .*failed/);
});

test.each([
  [['list', '--output', 'xml', '--mock'], "argument 'xml' is invalid"],
  [['list', '--page-size', '0', '--mock'], 'must be an integer ≥ 1'],
  [['list', '--status', 'RUNNING', '--mock'], 'filters.status must be one of ACTIVE, DELETED'],
  [['frobnicate'], "unknown command 'frobnicate'"],
  [['list', '--region', 'cn-north-4', '--project-id', 'p'], 'no credentials'],
  [['list', '--region', 'cn-north-4'], '--project-id (or HUAWEICLOUD_SDK_PROJECT_ID) is required'],
])('usage error %j exits 2', async (args, message) => {
  const run = await cli(args);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
});

test('with nothing configured, it explains how to configure and how --mock works', async () => {
  const run = await cli(['list']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('No DLI endpoint is configured');
  expect(run.stderr).toContain('HUAWEICLOUD_SDK_AK');
  expect(run.stderr).toContain('dli-connections list --mock');
});

test('--help shows examples', async () => {
  const run = await cli(['list', '--help']);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Examples:');
  expect(run.stdout).toContain('--output <format>');
});

test('50 000 connections stream as ndjson in a 64 MB heap (flat memory)', async () => {
  const big = await startMockDli({ connections: 50_000, seed: 2 });
  try {
    const run = await cli(['list', '--endpoint', big.url, '--project-id', PROJECT, '--token', 'unused-by-an-open-stand-in', '--output', 'ndjson'], {}, ['--max-old-space-size=64']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(50_000);
    expect(connection(lines[49_999]).id).toBe(big.connections[49_999].id);
  } finally {
    await big.close();
  }
});

test('a progress line (pages, items) appears on stderr only when it is a terminal, and is cleared', () => {
  // `script` runs the CLI in a pseudo-terminal, as a person at a terminal would.
  const command = `${process.execPath} ${BIN} list --mock --output ndjson --page-size 10`;
  const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
  expect(tty.status).toBe(0);
  expect(tty.stdout).toContain('\r4 page(s), 40 connection(s)…');
  expect(tty.stdout).toContain('\r\x1b[K');
});
