// dli-connections wait against the stand-in (bindings that settle after a delay), and the messages
// a newcomer meets: the missing variable named, the stand-in line within 80 columns, times with a
// zone marker. The CLI runs as a subprocess of the built bin.
import type { EnhancedConnection } from '@dli-sdk/client';
import { type MockDli, type MockDliOptions, startMockDli, type Transition } from '@dli-sdk/mock-server';
import { spawn } from 'node:child_process';
import { BIN, cli } from './run-cli';

const ID = '0b7b6a4e-8f7e-4a36-9a1d-2f0f1c5c9e11';
const PROJECT = 'f00dfeedf00dfeedf00dfeedf00dfeed';
const env = { DLI_IAM_TOKEN: 'wait-test-token', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };
const creating = (name: string) => ({ peer_id: `p-${name}`, status: 'CREATING' as const, name, err_msg: '', update_time: 1 });
const connection = (): EnhancedConnection => ({ id: ID, name: 'peer', status: 'ACTIVE', available_queue_info: [creating('q1')], elastic_resource_pools: [creating('pool_a')] });

// The stand-in's clock counts the requests it has had (not the wall clock, which a loaded machine
// stretches): `afterMs: 3` settles a binding for the third request on. The CLI polls every 50 ms
// (--interval), so each case takes well under a second.
async function withStandIn(changes: Transition[], fn: (mock: MockDli) => Promise<void>, faults?: MockDliOptions['faults']) {
  const counter: { mock?: MockDli } = {};
  const mock = await startMockDli({ connections: [connection()], transitions: { changes, now: () => counter.mock?.requestCount ?? 0 }, faults });
  counter.mock = mock;
  try {
    await fn(mock);
  } finally {
    await mock.close();
  }
}
const waitArgs = (mock: MockDli, ...more: string[]) => ['wait', ID, '--endpoint', mock.url, '--interval', '50ms', ...more];

test('wait --for active exits 0 once every queue and pool is ACTIVE, with progress on stderr', async () => {
  await withStandIn([{ connectionId: ID, afterMs: 3, to: 'ACTIVE' }], async (mock) => {
    const run = await cli(waitArgs(mock, '--for', 'active'), env);
    expect(run.stdout).toBe(`${ID} active\n`);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^waiting for ${ID} to be active: queue q1 is CREATING, pool pool_a is CREATING \\(0s\\)\\n$`));
  });
});

test('wait --queue waits for that queue only', async () => {
  await withStandIn([{ connectionId: ID, queue: 'q1', afterMs: 3, to: 'ACTIVE' }], async (mock) => {
    const run = await cli(waitArgs(mock, '--for', 'active', '--queue', 'q1'), env);
    expect(run).toMatchObject({ code: 0, stdout: `${ID} active\n` });
  });
});

test('a FAILED pool ends the wait with exit 1 and the server\'s err_msg', async () => {
  await withStandIn([{ connectionId: ID, pool: 'pool_a', afterMs: 3, to: 'FAILED', errMsg: 'Peering refused: CIDR overlaps.' }], async (mock) => {
    const run = await cli(waitArgs(mock, '--for', 'active', '--timeout', '1m'), env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').at(-2)).toBe(`error: connection ${ID}: pool pool_a is FAILED: Peering refused: CIDR overlaps.`);
  });
});

test('wait --for deleted exits 0 when the connection turns DELETED, and when it is gone', async () => {
  await withStandIn([{ connectionId: ID, afterMs: 3, to: 'DELETED' }], async (mock) => {
    expect(await cli(waitArgs(mock, '--for', 'deleted'), env)).toMatchObject({ code: 0, stdout: `${ID} deleted\n` });
  });
  await withStandIn([{ connectionId: ID, afterMs: 3, to: 'GONE' }], async (mock) => {
    expect(await cli(waitArgs(mock, '--for', 'deleted'), env)).toMatchObject({ code: 0, stdout: `${ID} deleted (no longer known)\n` });
  });
});

test('running out of time exits 124 and says what was still missing', async () => {
  await withStandIn([], async (mock) => {
    const run = await cli(waitArgs(mock, '--for', 'active', '--timeout', '1s'), env);
    expect(run.code).toBe(124);
    expect(run.stderr).toMatch(new RegExp(`error: connection ${ID}: gave up after 1000 ms and \\d+ poll\\(s\\); queue q1 is CREATING, pool pool_a is CREATING\\n$`));
  });
});

test('Ctrl-C (SIGINT) aborts the wait: exit 130', async () => {
  await withStandIn([], async (mock) => {
    const child = spawn(process.execPath, [BIN, ...waitArgs(mock, '--for', 'active')], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let interrupted = false;
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (!interrupted && stderr.includes('waiting for')) interrupted = child.kill('SIGINT');
    });
    expect(await exited).toBe(130);
    expect(stderr).toContain('error: aborted: interrupted');
  });
});

test('a transient 503 during the wait is retried and the wait ends as usual', async () => {
  await withStandIn(
    [{ connectionId: ID, afterMs: 3, to: 'ACTIVE' }],
    async (mock) => {
      const run = await cli(waitArgs(mock, '--for', 'active'), env);
      expect(run).toMatchObject({ code: 0, stdout: `${ID} active\n` });
      expect(mock.requestCount).toBeGreaterThan(2);
    },
    { schedule: { 2: { kind: 'status', status: 503 } } },
  );
});

test.each([
  [['wait', ID, '--mock'], "required option '--for <state>' not specified"],
  [['wait', ID, '--for', 'ready', '--mock'], "argument 'ready' is invalid. Allowed choices are active, deleted."],
  [['wait', ID, '--for', 'deleted', '--queue', 'q1', '--mock'], '--queue and --pool go with --for active'],
  [['wait', ID, '--for', 'active', '--timeout', 'soon', '--mock'], '--timeout must be a positive duration such as 500ms, 30s, 10m or 1h'],
])('wait usage error %j exits 2', async (args, message) => {
  const run = await cli(args);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
});

test('with only HUAWEICLOUD_SDK_AK set, the missing SK is named', async () => {
  const run = await cli(['list', '--region', 'cn-north-4', '--project-id', PROJECT], { HUAWEICLOUD_SDK_AK: 'AKONLY' });
  expect(run.code).toBe(2);
  expect(run.stderr).toBe('error: no credentials: HUAWEICLOUD_SDK_SK must be set in the environment (HUAWEICLOUD_SDK_AK is set without it)\n');
});

test('the stand-in notice fits 80 columns', async () => {
  const run = await cli(['list', '--mock', '--max-items', '1', '-o', 'ndjson']);
  expect(run.code).toBe(0);
  expect(run.stderr).toMatch(/^Using the DLI stand-in at http:\/\/127\.0\.0\.1:\d+ \(40 connections, seed 7\)\.\n$/);
  // The widest port keeps it within 80 columns.
  expect(run.stderr.replace(/:\d+ /, ':65535 ').trimEnd().length).toBeLessThanOrEqual(80);
});

test('times carry a zone marker: UTC by default, the local offset with --time-zone local', async () => {
  const table = (zone: string, tz: string) => cli(['list', '--mock', '--max-items', '1', '-o', 'table', '--columns', 'id,create_time', '--time-zone', zone], { TZ: tz });
  // Not a terminal, so -o table prints without progress; the seed example was created 2019-08-27 06:40:11 UTC.
  expect((await table('utc', 'Asia/Shanghai')).stdout).toContain('2019-08-27 06:40 UTC');
  expect((await table('local', 'Asia/Shanghai')).stdout).toContain('2019-08-27 14:40 +08:00');
  expect((await table('local', 'America/Sao_Paulo')).stdout).toContain('2019-08-27 03:40 -03:00');
  const tsv = await cli(['list', '--mock', '--max-items', '1', '--columns', 'create_time', '--time-zone', 'local'], { TZ: 'Asia/Kolkata' });
  expect(tsv.stdout).toBe('2019-08-27T12:10:11.125+05:30\n');
});

test('a bad DLI_ENDPOINT is named by its variable, not by a flag nobody gave', async () => {
  const run = await cli(['list', '--project-id', PROJECT], { DLI_ENDPOINT: 'garbage', DLI_IAM_TOKEN: 'token' });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('DLI_ENDPOINT must be an absolute http(s) URL, got "garbage"');
  expect(run.stderr).not.toContain('--endpoint must');
});
