// dli-mock's flags as a user types them: negative numbers get the range message, secrets can come
// from the environment, AK/SK and a token do not mix, and ports fetch blocks are refused.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDliClient } from '@dli-sdk/client';

const BIN = path.resolve(__dirname, '../bin/dli-mock.js');
const PROJECT = '0123456789abcdef0123456789abcdef';
const LIST = `/v2.0/${PROJECT}/datasource/enhanced-connections`;

// Only PATH is inherited, so no variable of the machine's own environment changes the flags.
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '', ...env } });

function startBin(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: process.env.PATH ?? '', ...env } });
  return new Promise((resolve, reject) => {
    let banner = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      banner += chunk;
      if (banner.includes('Ctrl-C')) resolve({ child, url: banner.split('\n')[0] });
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
