// Every successful call can be observed: `$metadata` (request id, HTTP status, attempts) on both
// surfaces and on pages without changing the body's shape, a User-Agent, and a debug log of each
// attempt that never holds a credential or a signature.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDliClient, createDliFetchClient, DliApiError, DliNetworkError, DliValidationError, type ResponseMetadata } from '@dli-sdk/client';
import { PROJECT_ID, TEST_AK, TEST_TOKEN, akSk, expectNoTestSecretsIn, rejectionOf, withMock } from '../helpers';

const LIST = '/v2.0/{project_id}/datasource/enhanced-connections';
const SHOW = '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}';
const { version } = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
const fast = { maxAttempts: 3, baseDelayMs: 1 };

function expectMetadata(body: { $metadata: ResponseMetadata }, requestId: string | string[] | undefined, attempts: number) {
  expect(body.$metadata).toEqual({ requestId, httpStatus: 200, attempts });
  // The body keeps its shape: $metadata is neither enumerable nor serialised.
  expect(Object.keys(body)).not.toContain('$metadata');
  expect(JSON.stringify(body)).not.toContain('$metadata');
  expect({ ...body }).not.toHaveProperty('$metadata');
}

describe('$metadata', () => {
  test('createDliClient: list, get and every page carry request id, status and attempts (after a retry, 2)', async () => {
    await withMock({ connections: 5, faults: { schedule: { 1: { kind: 'status', status: 503 } } } }, async (mock) => {
      const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk, retry: fast });
      const list = await client.listEnhancedConnections({ limit: 2 });
      expectMetadata(list, mock.requests[1].headers['x-request-id'] ?? list.$metadata.requestId, 2);
      expect(list.$metadata.requestId).toMatch(/^[0-9a-f]{32}$/);
      const one = await client.getEnhancedConnection(list.connections[0].id);
      expectMetadata(one, one.$metadata.requestId, 1);
      expect(one.$metadata.requestId).not.toBe(list.$metadata.requestId);
      for await (const page of client.paginateEnhancedConnections({}, { pageSize: 2 }).byPage()) {
        expectMetadata(page.response, page.response.$metadata.requestId, 1);
      }
    });
  });

  test('createDliFetchClient: data of both paths and every page carry it too', async () => {
    await withMock({ connections: 3, faults: { schedule: { 2: { kind: 'status', status: 502 } } } }, async (mock) => {
      const dli = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: fast });
      const { data, response } = await dli.GET(LIST, { params: { path: { project_id: dli.projectId } } });
      expectMetadata(data, response.headers.get('x-request-id') ?? undefined, 1);
      const shown = await dli.GET(SHOW, { params: { path: { project_id: dli.projectId, connection_id: data.connections[0].id } } });
      expectMetadata(shown.data, shown.response.headers.get('x-request-id') ?? undefined, 2);
      const pages = [];
      for await (const page of dli.paginateEnhancedConnections({}, { pageSize: 2 }).byPage()) pages.push(page.response.$metadata.httpStatus);
      expect(pages).toEqual([200, 200, 200]);
    });
  });

  test('errors carry $metadata too: attempts as a field, with the last answer\'s status and request id', async () => {
    await withMock({ connections: 3, faults: { schedule: { 1: { kind: 'status', status: 503 }, 2: { kind: 'status', status: 503 } } } }, async (mock) => {
      const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk, retry: { maxAttempts: 2, baseDelayMs: 1 } });
      const error = (await rejectionOf(client.listEnhancedConnections())) as DliApiError;
      expect(error).toBeInstanceOf(DliApiError);
      expect(error.$metadata).toEqual({ attempts: 2, httpStatus: 503, requestId: error.requestId });
      expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(error.toJSON()).toHaveProperty('$metadata.attempts', 2);
    });
    // Refused before anything was sent: no attempt at all.
    const refused = await rejectionOf(createDliClient({ endpoint: 'http://127.0.0.1:9', projectId: PROJECT_ID }).listEnhancedConnections({ limit: -1 }));
    expect(refused).toBeInstanceOf(DliValidationError);
    expect((refused as DliValidationError).$metadata).toEqual({ attempts: 0, httpStatus: undefined, requestId: undefined });
  });

  test('a network error counts its attempts in $metadata, with no status', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve)); // nothing listens there now
    const client = createDliClient({ endpoint: `http://127.0.0.1:${port}`, projectId: PROJECT_ID, retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const error = (await rejectionOf(client.listEnhancedConnections())) as DliNetworkError;
    expect(error).toBeInstanceOf(DliNetworkError);
    expect(error.$metadata).toEqual({ attempts: 3, httpStatus: undefined, requestId: undefined });
  });

  test('a list body without `connections` is given an empty array, as the type promises', async () => {
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"is_success":true}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const client = createDliClient({ endpoint: `http://127.0.0.1:${port}`, projectId: PROJECT_ID });
      const list = await client.listEnhancedConnections();
      expect(list.connections).toEqual([]);
      expect(list).toEqual({ is_success: true, connections: [] });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

test('the User-Agent names the SDK, its version from package.json, and the runtime', async () => {
  await withMock({}, async (mock) => {
    await createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk }).listEnhancedConnections();
    await createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } }).GET(LIST, { params: { path: { project_id: PROJECT_ID } } });
    for (const request of mock.requests) expect(request.headers['user-agent']).toBe(`dli-sdk/${version} (node/${process.versions.node})`);
  });
});

describe('the debug log', () => {
  const expectCleanLog = (log: string) => {
    expectNoTestSecretsIn(log);
    for (const secret of [TEST_AK, 'session-secret-token']) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/Signature|Authorization|X-Auth-Token/i);
  };

  test.each([
    ['AK/SK', { credentials: { ...akSk, securityToken: 'session-secret-token' } }],
    ['a token', { credentials: { token: TEST_TOKEN } }],
  ])('with %s: one line per attempt with method, path, status, ms, attempt and retry reason; no secret', async (_, auth) => {
    await withMock({ connections: 3, faults: { schedule: { 1: { kind: 'status', status: 503 }, 3: { kind: 'status', status: 429, retryAfterSeconds: 0 } } } }, async (mock) => {
      const lines: string[] = [];
      const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, retry: fast, logLevel: 'debug', logger: { debug: (line) => lines.push(line) }, ...auth });
      await client.listEnhancedConnections({ limit: 1, name: 'x' });
      await client.getEnhancedConnection('00000000-0000-4000-8000-000000000000').catch(() => undefined);
      const listPath = `/v2.0/${PROJECT_ID}/datasource/enhanced-connections`;
      expect(lines[0]).toMatch(new RegExp(`^dli-sdk GET ${listPath} 503 \\d+ ms attempt=1 retry: in \\d+ ms after 503$`));
      expect(lines[1]).toMatch(new RegExp(`^dli-sdk GET ${listPath} 200 \\d+ ms attempt=2$`));
      expect(lines[2]).toMatch(/^dli-sdk GET \S+\/00000000-0000-4000-8000-000000000000 429 \d+ ms attempt=1 retry: in 0 ms after 429$/);
      expect(lines[3]).toMatch(/ 400 \d+ ms attempt=2$/);
      expect(lines).toHaveLength(4);
      expectCleanLog(lines.join('\n'));
    });
  });

  test('logger and logLevel are checked', () => {
    const make = (extra: object) => () => createDliClient({ endpoint: 'https://dli.example.com', projectId: PROJECT_ID, ...extra });
    expect(make({ logLevel: 'verbose' })).toThrow('logLevel must be one of debug, silent, got "verbose"');
    expect(make({ logger: console.log })).toThrow('logger must have a debug(message) method');
    expect(make({ logLevel: 'silent', logger: console })).not.toThrow();
  });
});

describe('each operation is checked against its own rules', () => {
  test('the fetch client refuses `limit` on the show path, and unknown paths, before any request', async () => {
    await withMock({}, async (mock) => {
      const dli = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID });
      const params = { path: { project_id: PROJECT_ID, connection_id: 'c1' }, query: { limit: 1 } };
      const show = await rejectionOf(dli.GET(SHOW, { params } as never));
      expect(show).toBeInstanceOf(DliValidationError);
      expect(show).toMatchObject({ field: 'params.query.limit', rule: 'is not a parameter of showEnhancedConnection (it has no query parameters)' });
      const unknown = await rejectionOf(dli.GET('/v2.0/{project_id}/datasource/connections' as never, { params: { path: { project_id: PROJECT_ID } } } as never));
      expect(unknown).toMatchObject({ field: 'path' });
      const extraPath = await rejectionOf(dli.GET(LIST, { params: { path: { project_id: PROJECT_ID, connection_id: 'c1' } } } as never));
      expect(extraPath).toMatchObject({ field: 'params.path.connection_id', rule: 'is not a path parameter of listEnhancedConnections' });
      expect(mock.requestCount).toBe(0);
    });
  });
});
