// The stand-in cannot be knocked over: malformed requests over a raw socket get 4xx answers and
// the process serves the next request; its request log is bounded and redacted; dli-mock's flags
// are checked; signatures must cover host, as at the real gateway.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { signRequest } from '@dli-sdk/client';
import { REQUEST_LOG_SIZE, startMockDli } from '@dli-sdk/mock-server';
import { rawExchange } from './exchange';

const BIN = path.resolve(__dirname, '../bin/dli-mock.js');
const CLI = path.resolve(__dirname, '../../cli/bin/dli-connections.js');
const PROJECT = '0123456789abcdef0123456789abcdef';
const LIST = `/v2.0/${PROJECT}/datasource/enhanced-connections`;

/** Starts dli-mock as a user would; resolves to its banner once it listens. */
function startBin(args: string[]): Promise<{ child: ChildProcess; url: string; banner: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let banner = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      banner += chunk;
      if (banner.includes('Ctrl-C')) resolve({ child, url: banner.split('\n')[0], banner });
    });
    child.once('exit', (code) => reject(new Error(`dli-mock exited with ${code}`)));
  });
}

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

test('the request log keeps only the last REQUEST_LOG_SIZE requests, without credential values', async () => {
  const mock = await startMockDli({ connections: 1, auth: { tokens: ['log-test-token'] } });
  try {
    const total = REQUEST_LOG_SIZE + 500;
    for (let i = 0; i < total; i++) {
      const response = await fetch(`${mock.url}${LIST}?offset=${i}`, { headers: { 'x-auth-token': 'log-test-token', 'x-security-token': 'session' } });
      await response.arrayBuffer();
    }
    expect(mock.requestCount).toBe(total);
    expect(mock.requests).toHaveLength(REQUEST_LOG_SIZE);
    expect(mock.requests[0].url).toBe(`${LIST}?offset=500`);
    expect(mock.requests.at(-1)!.url).toBe(`${LIST}?offset=${total - 1}`);
    const logged = JSON.stringify(mock.requests);
    expect(logged).not.toContain('log-test-token');
    expect(logged).not.toContain('session');
    expect(mock.requests[0].headers['x-auth-token']).toBe('[redacted]');
  } finally {
    await mock.close();
  }
});

test('a signature whose SignedHeaders leave out host is refused, like the real gateway', async () => {
  const key = { ak: 'ROBUSTAK000000000000', sk: 'robust-secret' };
  const mock = await startMockDli({ connections: 1, auth: { credentials: [key] } });
  try {
    const url = `${mock.url}${LIST}`;
    const withHost = signRequest({ method: 'GET', url, headers: { host: new URL(url).host } }, key);
    expect(withHost.signedHeaders).toContain('host');
    expect((await fetch(url, { headers: withHost.headers })).status).toBe(200);
    const { Authorization, 'X-Sdk-Date': date } = signRequest({ method: 'GET', url, headers: {} }, key, { signedHeaders: ['x-sdk-date'] }).headers;
    const response = await fetch(url, { headers: { Authorization, 'X-Sdk-Date': date } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error_code: 'APIGW.0301', error_msg: expect.stringContaining('host not signed') as unknown });
  } finally {
    await mock.close();
  }
});

test.each([
  [['--port', '99999'], '--port must be an integer from 0 to 65535'],
  [['--connections', '99999999999'], '--connections must be an integer from 0 to 100000'],
  [['--latency-ms', '-1'], '--latency-ms'],
  [['--bogus'], "Unknown option '--bogus'"],
  [['--ak', 'AK'], '--ak needs an SK'],
  [['--security-token', 'T'], '--security-token needs --ak and --sk'],
])('dli-mock %j exits 2 with one line', (args, message) => {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(message);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
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
