// The stand-in's DLI semantics, checked over real HTTP, with every answer validated against spec/.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { generateConnections, type MockDli, startMockDli, type StoredConnection } from '@dli-sdk/mock-server';
import type { EnhancedConnection } from '@dli-sdk/types';
import { schemaErrors } from '../../types/test/spec-validator';

const PROJECT = '0123456789abcdef0123456789abcdef';
const LIST = `/v2.0/${PROJECT}/datasource/enhanced-connections`;

// A stand-in per test: mutation testing credits what a stand-in's start runs to the test it starts
// for, and a failed start fails that test (where a beforeAll's failure would be the suite's).
let mock: MockDli;
beforeEach(async () => {
  mock = await startMockDli({ connections: 120, seed: 7 });
});
afterEach(() => (mock as MockDli | undefined)?.close());

/** What the stand-in answers, loosely: each test checks the body against the spec's schema first. */
interface Answer {
  connections: EnhancedConnection[];
  count: number;
  error_code: string;
}
const answerOf = async (response: Response) => (await response.json()) as Answer;

async function get(path: string, init?: RequestInit) {
  const response = await fetch(mock.url + path, init);
  return { response, body: await answerOf(response) };
}

test('the dataset is deterministic for a seed and realistic', () => {
  const a = generateConnections(200, 7).map((s) => s.connection);
  expect(generateConnections(200, 7).map((s) => s.connection)).toEqual(a);
  expect(generateConnections(200, 8).map((s) => s.connection)).not.toEqual(a);
  const times = a.map((c) => c.create_time!);
  expect([...times].sort((x, y) => x - y)).toEqual(times);
  expect(new Set(a.map((c) => c.id)).size).toBe(200);
  expect(a.every((c) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(c.id))).toBe(true);
  expect(new Set(a.map((c) => c.status))).toEqual(new Set(['ACTIVE', 'DELETED']));
  const resources = a.flatMap((c) => [...(c.available_queue_info ?? []), ...(c.elastic_resource_pools ?? [])]);
  expect(new Set(resources.map((r) => r.status))).toEqual(new Set(['CREATING', 'ACTIVE', 'FAILED']));
  expect(resources.filter((r) => r.status === 'FAILED').every((r) => r.err_msg !== '')).toBe(true);
  expect(a.some((c) => /\P{ASCII}/u.test(c.name))).toBe(true);
  expect(a.some((c) => c.hosts?.length)).toBe(true);
  for (const connection of a) expect(schemaErrors('EnhancedConnection', connection)).toEqual([]);
});

test('limit/offset page in create_time order; limit=0 returns all; count is the page size', async () => {
  const { body: page } = await get(`${LIST}?limit=10&offset=5`);
  expect(schemaErrors('ListEnhancedConnectionsResponse', page)).toEqual([]);
  expect(page.connections).toEqual(mock.connections.slice(5, 15));
  expect(page.count).toBe(10);
  const { body: all } = await get(`${LIST}?limit=0`);
  expect(all.connections).toHaveLength(120);
  const { body: byDefault } = await get(LIST);
  expect(byDefault.connections).toHaveLength(100);
  const { body: past } = await get(`${LIST}?offset=500`);
  expect(past).toEqual({ is_success: true, message: '', count: 0, connections: [] });
});

test('status is case-insensitive; name and tags filter', async () => {
  const { body: deleted } = await get(`${LIST}?limit=0&status=deleted`);
  expect(deleted.connections.length).toBeGreaterThan(0);
  expect(deleted.connections).toEqual(mock.connections.filter((c) => c.status === 'DELETED'));
  const target = mock.connections[42];
  const { body: named } = await get(`${LIST}?name=${encodeURIComponent(target.name)}`);
  expect(named.connections).toEqual([target]);
  const { body: tagged } = await get(`${LIST}?limit=0&tags=env%3Dprod%2Cteam%3Ddata`);
  const expected = generateConnections(120, 7).filter((s) => s.tags.env === 'prod' && s.tags.team === 'data').map((s) => s.connection);
  expect(tagged.connections).toEqual(expected);
});

test('bad parameters get DLI error bodies; an unknown path gets an API gateway body', async () => {
  for (const query of ['limit=-1', 'offset=x', 'status=RUNNING', 'tags=novalue']) {
    const { response, body } = await get(`${LIST}?${query}`);
    expect(response.status).toBe(400);
    expect(body.error_code).toBe('DLI.0001');
    expect(schemaErrors('DliErrorBody', body)).toEqual([]);
  }
  const { response, body } = await get('/v2.0/p/nothing-here');
  expect(response.status).toBe(404);
  expect(body).toMatchObject({ error_code: 'APIGW.0101', request_id: response.headers.get('x-request-id') });
});

test('show returns the flattened connection without isPrivis, or 400 + DLI.0002', async () => {
  const target = mock.connections[3];
  const { body } = await get(`${LIST}/${target.id}`);
  expect(schemaErrors('ShowEnhancedConnectionResponse', body)).toEqual([]);
  const { isPrivis: _, ...fields } = target;
  expect(body).toEqual({ is_success: true, message: '', ...fields });
  const { response, body: missing } = await get(`${LIST}/00000000-0000-4000-8000-000000000000`);
  expect(response.status).toBe(400);
  expect(missing.error_code).toBe('DLI.0002');
});

test('tags pairs split on their first "="; keys and values take what Huawei\'s tag rules allow', async () => {
  const stored: StoredConnection[] = [
    { connection: { id: 'expr', name: 'expr', status: 'ACTIVE' as const }, tags: { expr: 'a=b' } },
    { connection: { id: 'cjk', name: 'cjk', status: 'ACTIVE' as const }, tags: { 部门: '数据 湖', 'k.e:y+@-_': 'v=1' } },
    { connection: { id: 'deleted', name: 'deleted', status: 'DELETED' as const }, tags: { expr: 'a=b' } },
  ];
  const own = await startMockDli({ connections: stored });
  try {
    const ids = async (query: string) => {
      const response = await fetch(`${own.url}${LIST}?${query}`);
      const body = await answerOf(response);
      expect(schemaErrors('ListEnhancedConnectionsResponse', body)).toEqual([]);
      return body.connections.map((c) => c.id);
    };
    expect(await ids(`tags=${encodeURIComponent('expr=a=b')}`)).toEqual(['expr', 'deleted']);
    expect(await ids(`tags=${encodeURIComponent('expr=a')}`)).toEqual([]);
    expect(await ids(`tags=${encodeURIComponent('部门=数据 湖,k.e:y+@-_=v=1')}`)).toEqual(['cjk']);
    expect(await ids(`tags=${encodeURIComponent('expr=a=b')}&status=Deleted`)).toEqual(['deleted']);
    for (const bad of ['a=b;c', 'a/b=c', 'emoji=😀']) {
      const response = await fetch(`${own.url}${LIST}?tags=${encodeURIComponent(bad)}`);
      expect(response.status).toBe(400);
    }
    const dotless = await fetch(`${own.url}${LIST}?status=${encodeURIComponent('actıve')}`);
    expect(dotless.status).toBe(400);
  } finally {
    await own.close();
  }
});

test('every answer carries X-Request-Id and CORS headers; preflight is answered', async () => {
  const { response } = await get(`${LIST}?limit=1`);
  expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  const preflight = await fetch(mock.url + LIST, {
    method: 'OPTIONS',
    headers: { origin: 'http://app.test', 'access-control-request-headers': 'authorization,x-sdk-date' },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-headers')).toContain('x-sdk-date');
});

describe('auth like the API gateway', () => {
  const key = { ak: 'HUAWEIAKEXAMPLE00001', sk: 'huawei-sk-example-secret' };
  let secured: MockDli;
  beforeEach(async () => {
    secured = await startMockDli({ connections: 3, auth: { credentials: [key], tokens: ['tok'] } });
  });
  afterEach(() => (secured as MockDli | undefined)?.close());

  test("accepts a request signed by Huawei's own signer", async () => {
    const host = new URL(secured.url).host;
    const headers = AKSKSigner.sign(
      {
        method: 'GET',
        endpoint: `${secured.url}${LIST}`,
        headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT, 'X-Sdk-Date': new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '') },
        queryParams: { limit: '2', name: 'a b' },
        data: undefined,
      },
      { getAk: () => key.ak, getSk: () => key.sk } as never,
    ) as Record<string, string>;
    expect(headers.host).toBe(host);
    const { host: _host, ...sendable } = headers;
    const response = await fetch(`${secured.url}${LIST}?limit=2&name=a%20b`, { headers: sendable });
    expect(response.status).toBe(200);
  });

  test('accepts a known token, refuses an unknown one and a missing Authorization with 401 APIGW.0301', async () => {
    expect((await fetch(`${secured.url}${LIST}`, { headers: { 'x-auth-token': 'tok' } })).status).toBe(200);
    for (const headers of [{ 'x-auth-token': 'nope' }, {}] as Array<Record<string, string>>) {
      const response = await fetch(`${secured.url}${LIST}`, { headers });
      expect(response.status).toBe(401);
      const body = await answerOf(response);
      expect(body.error_code).toBe('APIGW.0301');
      expect(schemaErrors('DliErrorBody', body)).toEqual([]);
    }
  });
});
