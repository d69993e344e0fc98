// The CLI lists what it can: a row with malformed fields is printed with what can be shown and a
// marker, a warning names it, every other row is printed, and the command fails at the end. A row
// without a well-formed id, name and status never reaches it: the client refuses the page, and
// the CLI reports that as one error line (exit 1). Also
// DLI_SDK_LOG mistakes are usage errors, the offline argument check sends and logs nothing, and
// a query of an inherited name prints null.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cli } from './run-cli';

const TOKEN = 'rows-test-token-do-not-print';
const GOOD = { id: 'c-good', name: 'fine', status: 'ACTIVE', create_time: 1_700_000_000_000, available_queue_info: [{ name: 'q', status: 'ACTIVE' }] };
// Every row carries the fields every connection must (id, name, status, each a non-empty
// string), so the client passes them on; each malformed row is malformed in another field.
const ROWS = [
  GOOD,
  { id: 'c-far-future', name: 'n', status: 'ACTIVE', create_time: 1e20 },
  { id: 'c-soon', name: 'n', status: 'ACTIVE', create_time: 'soon' },
  { id: 'c-queue-string', name: 'n', status: 'ACTIVE', available_queue_info: 'q1' },
  { id: 'c-queue-null', name: 'n', status: 'ACTIVE', available_queue_info: [null] },
  { ...GOOD, id: 'c-last' },
];
// Pages the client refuses (a required field that is not a non-empty string), served to project
// p-refused, each with the message the client refuses it with (naming the item and the field).
const REFUSED: Array<[string, object[], string]> = [
  ['a name that is an object', [GOOD, { id: 'c-name-object', name: { toString: 1 }, status: 'ACTIVE' }], 'connection 2 of the page (id "c-name-object") has a "name" that is not a non-empty string'],
  ['an id that is an object', [{ id: { not: 'a string' }, name: 'odd id', status: 'ACTIVE' }, GOOD], 'connection 1 of the page has a "id" that is not a non-empty string'],
];
let refused: object[] = [];

let server: Server;
let endpoint: string;
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const offset = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('offset') ?? 0);
    if (/enhanced-connections\/[^/?]+/.test(req.url ?? '')) return res.end(JSON.stringify({ is_success: true, ...GOOD }));
    if (req.url?.startsWith('/v2.0/p-refused/')) return res.end(JSON.stringify({ is_success: true, connections: offset === 0 ? refused : [] }));
    res.end(JSON.stringify({ is_success: true, connections: offset === 0 ? ROWS : [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const env = { DLI_IAM_TOKEN: TOKEN, HUAWEICLOUD_SDK_PROJECT_ID: 'p1' };
const MALFORMED_IDS = ['c-far-future', 'c-soon', 'c-queue-string', 'c-queue-null'];

test.each(['table', 'tsv', 'csv'])('-o %s prints every row, marks and names the malformed ones, and exits 1 at the end', async (format) => {
  const run = await cli(['list', '--endpoint', endpoint, '-o', format, '--columns', 'id,name,create_time,queues'], env);
  expect(run.code).toBe(1);
  for (const id of ['c-good', ...MALFORMED_IDS, 'c-last']) expect(run.stdout).toContain(id);
  expect(run.stdout).toContain('<invalid>');
  for (const id of MALFORMED_IDS) expect(run.stderr).toMatch(new RegExp(`warning: connection "${id}" \\(row \\d\\): [a-z_, ]+ malformed`));
  expect(run.stderr).toContain('error: 4 connections had malformed fields');
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(run.stdout.trim().split('\n')).toHaveLength(format === 'tsv' ? ROWS.length : ROWS.length + 1);
});

test.each(REFUSED.flatMap(([title, rows, message]) => ['table', 'tsv', 'csv'].map((format) => [title, format, rows, message] as const)))(
  'a row with %s is refused by the client: -o %s reports it as an error line, without a stack trace, and exits 1',
  async (_title, format, rows, message) => {
    refused = rows;
    const run = await cli(['list', '--endpoint', endpoint, '-o', format, '--columns', 'id,name,create_time,queues'], { ...env, HUAWEICLOUD_SDK_PROJECT_ID: 'p-refused' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`error: ${message}, which every connection carries`);
    expect(run.stdout).toBe(''); // nothing of a refused page is printed
    expect(run.stderr).not.toContain('malformed');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stderr).not.toContain(TOKEN);
  },
);

test('a row whose fields are all well formed is not marked', async () => {
  const run = await cli(['list', '--endpoint', endpoint, '-o', 'tsv', '--columns', 'id,create_time,queues'], env);
  const good = run.stdout.split('\n').find((line) => line.startsWith('c-good\t'));
  expect(good).toBe('c-good\t2023-11-14T22:13:20.000Z\tq:ACTIVE');
});

test.each(['verbose', 'DEBUGGING'])('DLI_SDK_LOG=%s is a usage error (exit 2) before any request, without a stack trace', async (value) => {
  const before = requests.length;
  for (const args of [['list', '--endpoint', endpoint], ['get', 'c-good', '--endpoint', endpoint], ['list', '--mock']]) {
    const run = await cli(args, { ...env, DLI_SDK_LOG: value });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: DLI_SDK_LOG must be one of debug, silent, got "${value.toLowerCase()}"\n`);
  }
  expect(requests.length).toBe(before);
});

test('with DLI_SDK_LOG=debug the offline argument check logs nothing: one line, for the one real request', async () => {
  const run = await cli(['get', 'c-good', '--endpoint', endpoint], { ...env, DLI_SDK_LOG: 'debug' });
  expect(run.code).toBe(0);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^dli-sdk GET \/v2\.0\/p1\/datasource\/enhanced-connections\/c-good 200 /);
  expect(run.stderr).not.toContain('offline');
  const refused = await cli(['get', '..', '--endpoint', endpoint], { ...env, DLI_SDK_LOG: 'debug' });
  expect(refused.code).toBe(2);
  expect(refused.stderr).not.toContain('dli-sdk GET');
});

test.each([['ndjson'], ['json']])('--query of an inherited name (constructor) prints null with -o %s, never "undefined"', async (format) => {
  const run = await cli(['list', '--endpoint', endpoint, '-o', format, '--query', format === 'json' ? 'constructor' : 'constructor', '--max-items', '2'], env);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toContain('undefined');
  expect(run.stdout.trim().split('\n')).toEqual(format === 'json' ? ['null'] : ['null', 'null']);
  const got = await cli(['get', 'c-good', '--endpoint', endpoint, '--query', 'toString'], env);
  expect(got.stdout).toBe('null\n');
});
