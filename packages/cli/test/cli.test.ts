// dli-connections as a user runs it: a subprocess of the built bin against the stand-in.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { EnhancedConnection } from '@dli-sdk/client';
import { type MockDli, startMockDli } from '@dli-sdk/mock-server';
import { expectNoSecretsIn } from '../../client/test/no-secrets';
import { BIN, cli, type Run, shell } from './run-cli';

const connection = (json: string) => JSON.parse(json) as EnhancedConnection;
const connections = (json: string) => JSON.parse(json) as EnhancedConnection[];

const AK = 'CLITESTAK00000000000';
const SK = 'cli-test-secret-key-do-not-print';
const TOKEN = 'cli-test-token-do-not-print';
const PROJECT = 'f00dfeedf00dfeedf00dfeedf00dfeed';

let mock: MockDli;
const akEnv = () => ({ HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT });
const at = () => ['--endpoint', mock.url];

beforeAll(async () => {
  mock = await startMockDli({ connections: 230, seed: 9, auth: { credentials: [{ ak: AK, sk: SK }], tokens: [TOKEN] } });
});
afterAll(() => mock.close());

function expectNoSecrets(run: Run) {
  for (const text of [run.stdout, run.stderr]) expectNoSecretsIn(text, [SK, TOKEN]);
}

test('list --mock --output ndjson --max-items 3 prints three JSON lines and says it uses the stand-in', async () => {
  const run = await cli(['list', '--mock', '--output', 'ndjson', '--max-items', '3']);
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines.map((line) => connection(line).id)).toHaveLength(3);
  expect(run.stderr).toContain('Using the DLI stand-in at http://127.0.0.1:');
});

test('list --mock in a pipe prints tab-separated lines, one per connection, without box drawing', async () => {
  const run = await cli(['list', '--mock']);
  expect(run.code).toBe(0);
  const lines = run.stdout.slice(0, -1).split('\n');
  expect(lines).toHaveLength(40);
  for (const line of lines) expect(line.split('\t')).toHaveLength(6);
  expect(lines[0]).toMatch(/^4c693ecc-bab8-4113-a838-129cedc9a563\twithvpc\tACTIVE\t2019-08-27T06:40:11.125Z\t/);
  expect(run.stdout).not.toMatch(/[│─┌┐└┘├┤]/);
  expect(run.stdout).not.toContain('\x1b['); // no colour codes in a pipe
  expect(run.stderr).not.toContain('page(s)'); // no progress line when stderr is not a TTY
});

test.each(['json', 'ndjson', 'csv', 'table', 'tsv'])('list --output %s walks every page with AK/SK from the environment', async (format) => {
  const run = await cli(['list', ...at(), '--output', format, '--page-size', '40', '--concurrency', '3'], akEnv());
  expect(run.code).toBe(0);
  const ids = mock.connections.map((c) => c.id);
  if (format === 'json') expect(connections(run.stdout).map((c) => c.id)).toEqual(ids);
  if (format === 'ndjson') expect(run.stdout.trim().split('\n').map((l) => connection(l).id)).toEqual(ids);
  if (format === 'csv') {
    const [header, ...rows] = run.stdout.trim().split('\n');
    expect(header).toBe('id,name,status,create_time,queues,pools,dest_vpc_id,dest_network_id,isPrivis');
    expect(rows.map((r) => r.split(',')[0])).toEqual(ids);
  }
  if (format === 'table' || format === 'tsv') for (const id of ids) expect(run.stdout).toContain(id);
  expectNoSecrets(run);
});

test('filters reach the server: --status (any case), --name, --tags; --token authenticates', async () => {
  const target = mock.connections.find((c) => c.status === 'DELETED')!;
  const run = await cli(
    ['list', ...at(), '--project-id', PROJECT, '--token', TOKEN, '--status', 'deleted', '--name', target.name, '--tags', 'env=prod', '--output', 'json'],
  );
  expect(run.code).toBe(0);
  const last = new URL(mock.requests.at(-1)!.url, mock.url).searchParams;
  expect(last.get('status')).toBe('DELETED');
  expect(last.get('name')).toBe(target.name);
  expect(last.get('tags')).toBe('env=prod');
  for (const c of connections(run.stdout)) expect(c.status).toBe('DELETED');
  expectNoSecrets(run);
});

test('get <id> prints the connection without the answer wrapper; an unknown id exits 1 with code, message and request id', async () => {
  const target = mock.connections[5];
  const ok = await cli(['get', target.id, ...at()], akEnv());
  expect(ok.code).toBe(0);
  const shown = connection(ok.stdout);
  expect(shown).toMatchObject({ id: target.id, name: target.name });
  expect(shown).not.toHaveProperty('is_success');
  expect(shown).not.toHaveProperty('message');
  const compact = await cli(['get', target.id, ...at(), '-o', 'ndjson', '--query', '{id: id, status: status}'], akEnv());
  expect(compact.stdout).toBe(`${JSON.stringify({ id: target.id, status: target.status })}\n`);
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

test('a network error exits 1 naming the host, the cause once and the attempts', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const run = await cli(['list', '--endpoint', `http://127.0.0.1:${port}`], akEnv());
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`error: cannot reach 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port} (3 attempts)\n`);
  expect(run.stderr.match(/ECONNREFUSED/g)).toHaveLength(1); // the cause once, in the system's own words
});

test.each([
  [['list', '--output', 'xml', '--mock'], "argument 'xml' is invalid"],
  [['list', '--page-size', '0', '--mock'], '--page-size must be an integer from 1 to 2147483647'],
  [['list', '--page-size', '2147483648', '--mock'], '--page-size must be an integer from 1 to 2147483647'],
  [['list', '--concurrency', '1000', '--mock'], '--concurrency must be an integer from 1 to 32'],
  [['list', '--status', 'RUNNING', '--mock'], 'error: --status must be one of ACTIVE, DELETED'],
  [['list', '--columns', 'id,secret', '--mock'], '--columns: unknown column "secret"'],
  [['list', '-o', 'csv', '--query', 'id', '--mock'], '--query needs -o json or -o ndjson'],
  [['list', '-o', 'json', '--query', '[?', '--mock'], 'not a JMESPath expression'],
  [['list', '--region', 'cn-north-4', '--endpoint', 'https://dli.example.internal'], "option '--region <region>' cannot be used with option '--endpoint <url>'"],
  [['list', '--mock', '--region', 'cn-north-4'], "option '--mock' cannot be used with option '--region <region>'"],
  [['list', '--mock', '--endpoint', 'https://dli.example.internal'], "option '--mock' cannot be used with option '--endpoint <url>'"],
  [['list', '--mock', '--project-id', 'p'], "option '--mock' cannot be used with option '--project-id <id>'"],
  [['frobnicate'], "unknown command 'frobnicate'"],
  [['list', '--region', 'cn-north-4', '--project-id', 'p'], 'no credentials: HUAWEICLOUD_SDK_AK must be set in the environment with HUAWEICLOUD_SDK_SK, or an IAM token in DLI_IAM_TOKEN'],
  [['list', '--region', 'cn-nort-4', '--project-id', 'p'], 'error: --region "cn-nort-4" is not a DLI region; did you mean --region cn-north-4?\n  For a region this version does not list, give --endpoint https://dli.<region>.myhuaweicloud.com\n'],
  [['list', '--region', 'xx-nowhere-1', '--project-id', 'p'], 'error: --region "xx-nowhere-1" is not a DLI region\n  For a region this version does not list, give --endpoint'],
  [['list', '--mock', '--time-zone', 'CET'], "argument 'CET' is invalid. Allowed choices are utc, local."],
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
  expect(run.stdout).toContain('-o, --output <format>');
  expect(run.stdout).toContain('DLI_IAM_TOKEN');
  for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
});

test('--version and -V print the version of the package', async () => {
  const { version } = JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const run = await cli([flag]);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  }
});

test('an IAM token from DLI_IAM_TOKEN authenticates and is never printed', async () => {
  const run = await cli(['list', ...at(), '-o', 'json', '--query', 'length(@)'], { DLI_IAM_TOKEN: TOKEN, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT });
  expect(run.stderr).toBe('');
  expect(run).toMatchObject({ code: 0, stdout: '230\n' });
  const refused = await cli(['list', ...at()], { DLI_IAM_TOKEN: `${TOKEN}-wrong`, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT });
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('APIGW.0301');
  expectNoSecrets(refused);
  expect(refused.stderr).not.toContain(`${TOKEN}-wrong`);
});

test.each(['ndjson', 'json', 'csv', 'tsv', 'table'])('-o %s | head -1 ends quietly with exit 0', async (format) => {
  // bash reports the CLI's own exit code in PIPESTATUS; its stderr goes to a file of its own.
  const script = `"${process.execPath}" "${BIN}" list --endpoint "${mock.url}" -o ${format} 2>"$ERR" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"; cat "$ERR"`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dli-cli-epipe-'));
  try {
    const run = await shell(script, { ERR: path.join(dir, 'err'), ...akEnv() });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('0\n'); // exit code 0 and an empty stderr
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
