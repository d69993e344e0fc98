// dli-mock as a user runs it: flags as typed (negative numbers get the range message, secrets can
// come from the environment, AK/SK and a token do not mix, ports fetch blocks are refused),
// malformed requests that must not knock it over, and a banner that configures the CLI. These run
// the built binary in its own process, so mutation testing (which mutates src/) leaves them out.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDliClient } from '@dli-sdk/client';
import { DEFAULT_DATASET, generateConnections } from '../src/dataset';
import { rawExchange } from './exchange';

const BIN = path.resolve(__dirname, '../bin/dli-mock.js');
const CLI = path.resolve(__dirname, '../../cli/bin/dli-connections.js');
const PROJECT = '0123456789abcdef0123456789abcdef';
const LIST = `/v2.0/${PROJECT}/datasource/enhanced-connections`;

// Only PATH is inherited, so no variable of the machine's own environment changes the flags.
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '', ...env } });

function startBin(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; banner: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '', ...env } });
  return new Promise((resolve, reject) => {
    let banner = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      banner += chunk;
      if (banner.includes('Ctrl-C')) resolve({ child, url: banner.split('\n')[0], banner });
    });
    child.once('exit', (code) => reject(new Error(`dli-mock exited with ${code}`)));
  });
}

test.each([
  [['--connections', '-1'], '--connections must be an integer from 0 to 100000, got "-1"'],
  [['--latency-ms', '-5'], '--latency-ms must be an integer from 0 to 60000, got "-5"'],
  [['--port', '-1'], '--port must be an integer from 0 to 65535, got "-1"'],
  [['--port', '1'], 'port 1 is blocked by fetch'],
  [['--port', '6000'], 'port 6000 is blocked by fetch'],
  [['--ak', 'AK', '--sk', 'SK', '--token', 'T'], '--ak/--sk cannot be used with --token'],
  [['--ak', 'AK'], '--ak needs an SK: --sk or DLI_MOCK_SK'],
  [['--sk', 'SK'], '--sk needs --ak'],
  [['--port', '99999'], '--port must be an integer from 0 to 65535, got "99999"'],
  [['--connections', '99999999999'], '--connections must be an integer from 0 to 100000'],
  [['--bogus'], "Unknown option '--bogus'"],
  [['--security-token', 'T'], '--security-token needs --ak and --sk'],
  [['--ak', '', '--sk', 'SK'], '--ak must be one access key: 1-128 printable ASCII characters without spaces or commas, got ""'],
  [['--ak', 'A,B', '--sk', 'SK'], '--ak must be one access key: 1-128 printable ASCII characters without spaces or commas, got "A,B"'],
  [['--ak', 'AK', '--sk', ''], '--sk must not be empty'],
  [['--token', ''], '--token must not be empty'],
  [['--ak', 'AK', '--sk', 'SK', '--security-token', ''], '--security-token must not be empty'],
  [['--project-id', 'a/b'], "--project-id must be 1-64 letters, digits, '-' or '_' (one path segment), got \"a/b\""],
  [['--project-id', ''], "--project-id must be 1-64 letters, digits, '-' or '_' (one path segment), got \"\""],
  [['--fault-rate', '1.5'], '--fault-rate must be a number from 0 to 1, got "1.5"'],
  [['--fault-rate', '-0.1'], '--fault-rate must be a number from 0 to 1, got "-0.1"'],
  [['--fault-rate', '0.1', '--faults', '429,418'], '--faults takes any of 429,500,502,503,504,reset, got "418"'],
  [['--faults', '429'], '--faults needs --fault-rate'],
  [['--latency-ms', '50-10'], '--latency-ms MIN-MAX needs MIN <= MAX, got "50-10"'],
  [['--lockout'], '--lockout needs --ak and --sk'],
  [['--lockout-failures', '3'], '--lockout-failures, --lockout-window-s and --lockout-duration-s need --lockout'],
  [['--ak', 'AK', '--sk', 'SK', '--lockout', '--lockout-failures', '0'], '--lockout-failures must be an integer from 1 to 1000, got "0"'],
  [['--data', 'x.json', '--connections', '3'], '--data cannot be used with --connections'],
  [['--data', 'no-such-file.ndjson'], '--data no-such-file.ndjson: ENOENT'],
])('dli-mock %j exits 2 naming the flag and the rule', (args, message) => {
  const result = run(args);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toContain('ambiguous');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
});

test('a token in DLI_MOCK_TOKEN does not mix with --ak/--sk either', () => {
  const result = run(['--ak', 'AK', '--sk', 'SK'], { DLI_MOCK_TOKEN: 'T' });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--ak/--sk cannot be used with --token (or DLI_MOCK_TOKEN)');
});

test('--version and -V print the version of the package', () => {
  const { version } = JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8')) as { version: string };
  for (const flag of ['--version', '-V']) {
    const result = run([flag]);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: `${version}\n` });
  }
});

test('--help fits 80 columns and names the variables for secrets', () => {
  const result = run(['--help']);
  expect(result.status).toBe(0);
  for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  expect(result.stdout).toContain('DLI_MOCK_SK');
  expect(result.stdout).toContain('DLI_MOCK_TOKEN');
  expect(result.stdout).toContain('--version');
});

test('the SK can come from DLI_MOCK_SK, out of sight of ps; signed requests pass, others do not', async () => {
  const ak = 'ENVSKAK0000000000000';
  const sk = 'sk-from-the-environment';
  const { child, url } = await startBin(['--ak', ak, '--project-id', PROJECT], { DLI_MOCK_SK: sk });
  try {
    expect(child.spawnargs.join(' ')).not.toContain(sk);
    const signed = createDliClient({ endpoint: url, projectId: PROJECT, credentials: { ak, sk }, retry: false });
    await expect(signed.listEnhancedConnections()).resolves.toMatchObject({ is_success: true });
    const wrong = createDliClient({ endpoint: url, projectId: PROJECT, credentials: { ak, sk: `${sk}-wrong` }, retry: false });
    await expect(wrong.listEnhancedConnections()).rejects.toMatchObject({ status: 401 });
  } finally {
    child.kill();
  }
});

test('the IAM token can come from DLI_MOCK_TOKEN', async () => {
  const { child, url } = await startBin([], { DLI_MOCK_TOKEN: 'token-from-the-environment' });
  try {
    expect((await fetch(url + LIST, { headers: { 'x-auth-token': 'token-from-the-environment' } })).status).toBe(200);
    expect((await fetch(url + LIST, { headers: { 'x-auth-token': 'another-token' } })).status).toBe(401);
  } finally {
    child.kill();
  }
});

/** Sends `raw` bytes as they are and resolves to the status code of the answer. */
async function rawRequest(url: string, raw: string): Promise<number> {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(await rawExchange(url, raw))?.[1] ?? 0);
}

test.each([
  ['the request target //', 'GET // HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
  ['a Host of [', `GET ${LIST} HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n`],
  ['an absolute-form target with a bad host', 'GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
  ['a bad percent-escape in the id', `GET ${LIST}/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
  ['a lone percent sign in the id', `GET ${LIST}/% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
  ['a target that is not a path', 'GET * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'],
])('%s gets a 4xx answer and dli-mock goes on serving', async (_title, raw) => {
  const { child, url } = await startBin([]);
  try {
    const status = await rawRequest(url, raw);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const response = await fetch(`${url}${LIST}?limit=1`);
    expect(response.status).toBe(200);
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill();
  }
});

test('dli-mock --ak/--sk/--project-id checks signatures and the project; its banner configures the CLI', async () => {
  const sk = 'banner-test-secret';
  const { child, url, banner } = await startBin(['--ak', 'BANNERAK000000000000', '--sk', sk, '--project-id', PROJECT, '--connections', '7']);
  try {
    expect(banner).not.toContain(sk);
    expect((await fetch(`${url}${LIST}`)).status).toBe(401); // unsigned
    // The banner's export lines, with the secret the banner does not print filled in.
    const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
    for (const [, name, value] of banner.matchAll(/export (\w+)=(\S+)/g)) env[name] = value;
    env.HUAWEICLOUD_SDK_SK = sk;
    expect(env).toMatchObject({ DLI_ENDPOINT: url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, HUAWEICLOUD_SDK_AK: 'BANNERAK000000000000' });
    const listed = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const cli = spawn(process.execPath, [CLI, 'list', '-o', 'ndjson'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      let stdout = '';
      cli.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      cli.on('close', (code) => resolve({ code, stdout }));
    });
    expect(listed.code).toBe(0);
    expect(listed.stdout.trimEnd().split('\n')).toHaveLength(7);
    const other = await new Promise<number | null>((resolve) => {
      const cli = spawn(process.execPath, [CLI, 'list', '--project-id', 'another-project'], { env, stdio: 'ignore' });
      cli.on('close', resolve);
    });
    expect(other).toBe(1); // 403 APIGW.0302 for a project the stand-in does not serve
  } finally {
    child.kill();
  }
});

test('dli-mock --settle failed:0 settles every CREATING binding of the dataset; its banner\'s command runs where it is printed', async () => {
  expect(run(['--settle', 'soon']).stderr).toContain('--settle must be active:MS or failed:MS, got "soon"');
  const seeded = generateConnections(DEFAULT_DATASET.connections, DEFAULT_DATASET.seed).flatMap(({ connection }) => [...(connection.available_queue_info ?? []), ...(connection.elastic_resource_pools ?? [])]);
  const creating = seeded.filter((b) => b.status === 'CREATING').length;
  expect(creating).toBeGreaterThan(0);
  const { child, url, banner } = await startBin(['--settle', 'failed:0']);
  try {
    const client = createDliClient({ endpoint: url, projectId: PROJECT });
    const { connections } = await client.listEnhancedConnections();
    const bindings = connections.flatMap((c) => [...(c.available_queue_info ?? []), ...(c.elastic_resource_pools ?? [])]);
    expect(bindings.filter((b) => b.status === 'CREATING')).toEqual([]);
    expect(bindings.filter((b) => b.status === 'FAILED')).toHaveLength(seeded.filter((b) => b.status === 'FAILED').length + creating);
    // The suggested command, as printed, from the repository (where `dli-connections` is not on PATH).
    const command = /^ {2}(npx .*?dli-connections list)\b/m.exec(banner)?.[1];
    expect(command).toBe('npx -p @dli-sdk/cli dli-connections list');
    for (const line of banner.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const listed = spawnSync('bash', ['-c', `${command} -o ndjson --max-items 2`], {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DLI_ENDPOINT: url, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, DLI_IAM_TOKEN: 'any' },
    });
    expect(listed.stderr).toBe('');
    expect(listed.stdout.trimEnd().split('\n')).toHaveLength(2);
  } finally {
    child.kill();
  }
});
