// dli-mock's data and fault flags as a user runs them: the one default dataset, --data files
// (round trip of 10 000 connections; bad files refused with line and field, nothing served) and
// faults from flags. These run the built binary in its own process.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DATASET, generateConnections } from '../src/dataset';

const BIN = path.resolve(__dirname, '../bin/dli-mock.js');
const LIST = '/v2.0/0123456789abcdef0123456789abcdef/datasource/enhanced-connections';
const env = { PATH: process.env.PATH ?? '' };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dli-mock-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const where = path.join(dir, name);
  writeFileSync(where, text);
  return where;
}

const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000, env });

async function withBin<T>(args: string[], use: (url: string, banner: string) => Promise<T>): Promise<T> {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  try {
    const banner = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('Ctrl-C')) resolve(text);
      });
      child.once('exit', (code) => reject(new Error(`dli-mock exited with ${code}`)));
    });
    return await use(banner.split('\n')[0], banner);
  } finally {
    child.kill();
  }
}

const getJson = async (url: string) => (await fetch(url)).json() as Promise<{ connections: Array<{ id: string }> }>;

test('without flags dli-mock serves the one default dataset, the one dli-connections --mock serves', async () => {
  expect(DEFAULT_DATASET).toEqual({ connections: 40, seed: 7 });
  await withBin([], async (url, banner) => {
    expect(banner).toContain('40 connections (seed 7)');
    const { connections } = await getJson(`${url}${LIST}?limit=0`);
    expect(connections).toEqual(generateConnections(40, 7).map((s) => s.connection));
  });
});

test('--data round-trips a file of 10 000 connections', async () => {
  const stored = generateConnections(10_000, 3);
  const ndjson = file('big.ndjson', `${stored.map((s) => JSON.stringify(s.connection)).join('\n')}\n`);
  await withBin(['--data', ndjson], async (url, banner) => {
    expect(banner).toContain(`10000 connections (from ${ndjson})`);
    const { connections } = await getJson(`${url}${LIST}?limit=0`);
    expect(connections).toEqual(stored.map((s) => s.connection));
    const last = stored[9_999].connection;
    expect(await getJson(`${url}${LIST}/${last.id}`)).toMatchObject({ id: last.id, name: last.name });
  });
});

test('--data takes a JSON array whose items may carry tags for the tags filter', async () => {
  const items = [
    { connection: { id: 'c1', name: 'one', status: 'ACTIVE' }, tags: { expr: 'a=b' } },
    { id: 'c2', name: 'two', status: 'DELETED', hosts: [{ name: 'h', ip: '10.0.0.1' }] },
  ];
  await withBin(['--data', file('tagged.json', JSON.stringify(items, null, 2))], async (url) => {
    expect((await getJson(`${url}${LIST}`)).connections.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect((await getJson(`${url}${LIST}?tags=expr%3Da%3Db`)).connections.map((c) => c.id)).toEqual(['c1']);
  });
});

test.each([
  ['bad.ndjson', '{"id":"a","name":"a","status":"ACTIVE"}\n\n{"id":"b","name":"b","status":"GONE"}\n', 'line 3: status: must be one of ACTIVE, DELETED, got "GONE"'],
  ['bad-nested.ndjson', '{"id":"a","name":"a","status":"ACTIVE","available_queue_info":[{"update_time":"soon"}]}\n', 'line 1: available_queue_info[0].update_time: must be an integer, got string'],
  ['bad-json.ndjson', '{"id":"a","name":"a","status":"ACTIVE"}\n{"id":\n', 'line 2: not valid JSON'],
  ['not-object.ndjson', '[1]\n', 'line 1: each item must be a JSON object'],
  ['duplicate.ndjson', '{"id":"a","name":"a","status":"ACTIVE"}\n{"id":"a","name":"a2","status":"ACTIVE"}\n', 'line 2: id: "a" is also on line 1'],
  ['bad-tags.ndjson', '{"connection":{"id":"a","name":"a","status":"ACTIVE"},"tags":{"k":1}}\n', 'line 1: tags: must be an object of strings'],
  ['wrapped.ndjson', '{"connection":{"id":7,"name":"a","status":"ACTIVE"}}\n', 'line 1: connection.id: must be a string, got integer'],
  ['bad.json', '[\n  {"id": "a", "name": "a", "status": "ACTIVE"},\n  {\n    "id": "b",\n    "name": "b",\n    "status": "ACTIVE",\n    "create_time": 1.5\n  }\n]\n', 'line 3: create_time: must be an integer, got number'],
  ['object.json', '[\n  {"id": "a", "name": "a", "status": "ACTIVE"},\n  "b"\n]', 'line 3: each item must be a JSON object'],
])('--data %s is refused with its line and field, and nothing is served', (name, text, message) => {
  const where = file(name, text);
  const result = run(['--data', where]);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(`--data ${where}, ${message}`);
  expect(result.stdout).toBe('');
});

test('--fault-rate and --faults inject the named faults', async () => {
  await withBin(['--fault-rate', '1', '--faults', '503', '--latency-ms', '0-5'], async (url, banner) => {
    expect(banner).toContain('Faults at rate 1.');
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}${LIST}`)).status).toBe(503);
  });
  await withBin(['--fault-rate', '0', '--connections', '2'], async (url) => {
    expect((await getJson(`${url}${LIST}`)).connections).toHaveLength(2);
  });
});

test('--lockout with its flags locks the AK after the given failures', async () => {
  const result = run(['--ak', 'AK', '--sk', 'SK', '--lockout', '--lockout-failures', '2', '--lockout-window-s', '0']);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--lockout-window-s must be an integer from 1 to 86400, got "0"');
  await withBin(['--ak', 'AK', '--sk', 'SK', '--lockout', '--lockout-failures', '2'], async (_url, banner) => {
    expect(banner).toContain('Lock-out after 2 failed signatures.');
  });
});

test('--data reads a file only up to its cap: an endless one is refused, not read into memory', () => {
  const result = run(['--data', '/dev/zero']);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--data /dev/zero: larger than 128 MiB');
  expect(result.stdout).toBe('');
});
