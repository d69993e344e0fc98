// What each surface puts on the wire, and what comes back, against the stand-in on 127.0.0.1.
import type { EnhancedConnection } from '@dli-sdk/types';
import { createDliClient, createDliFetchClient } from '@dli-sdk/client';
import everyField from '../fixtures/connection-every-field.json';
import { PROJECT_ID, TEST_TOKEN, withMock } from '../helpers';

const LIST = `/v2.0/${PROJECT_ID}/datasource/enhanced-connections`;

// The seed example of Huawei's reference, with every other documented field and one from the future.
const SEED_CONNECTION: EnhancedConnection & Record<string, unknown> = everyField as EnhancedConnection;

type Surface = 'createDliClient' | 'createDliFetchClient';

/** Lists one page through either surface; both must behave the same. */
function lister(surface: Surface, endpoint: string) {
  const options = { endpoint, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: false as const };
  if (surface === 'createDliClient') {
    const client = createDliClient(options);
    return (query: Record<string, unknown>) => client.listEnhancedConnections(query);
  }
  const client = createDliFetchClient(options);
  return async (query: Record<string, unknown>) =>
    (await client.GET('/v2.0/{project_id}/datasource/enhanced-connections', {
      params: { path: { project_id: PROJECT_ID }, query: query },
    })).data;
}

const QUERIES: Array<[string, Record<string, unknown>, string]> = [
  ['no parameters', {}, ''],
  ['limit and offset', { offset: 200, limit: 50 }, '?limit=50&offset=200'],
  ['limit 0 (all)', { limit: 0 }, '?limit=0'],
  ['status, lower case in, upper case out', { status: 'deleted' }, '?status=DELETED'],
  ['name with space, &, =, /, #, %', { name: 'a b&c=d/e#f%g' }, '?name=a%20b%26c%3Dd%2Fe%23f%25g'],
  ['unicode name', { name: '数据湖-é-😀' }, '?name=%E6%95%B0%E6%8D%AE%E6%B9%96-%C3%A9-%F0%9F%98%80'],
  ['RFC 3986 reserved in name', { name: "it's (a)*!" }, '?name=it%27s%20%28a%29%2A%21'],
  ['tags keep their comma and equals, encoded', { tags: 'env=prod,team=data' }, '?tags=env%3Dprod%2Cteam%3Ddata'],
  ['every parameter, sorted by name', { tags: 'k=v', name: 'n', status: 'ACTIVE', offset: 1, limit: 2 }, '?limit=2&name=n&offset=1&status=ACTIVE&tags=k%3Dv'],
];

describe.each<Surface>(['createDliClient', 'createDliFetchClient'])('%s on the wire', (surface) => {
  test.each(QUERIES)('%s', async (_title, query, expectedSearch) => {
    await withMock({}, async (mock) => {
      await lister(surface, mock.url)(query);
      expect(mock.requests).toHaveLength(1);
      expect(mock.requests[0].method).toBe('GET');
      expect(mock.requests[0].url).toBe(LIST + expectedSearch);
      // The stand-in accepts only TEST_TOKEN, so the request's success proves the value; its log redacts it.
      expect(mock.requests[0].headers['x-auth-token']).toBe('[redacted]');
      expect(mock.requests[0].headers['x-project-id']).toBe(PROJECT_ID);
    });
  });

  test('every field of the seed example (and more) arrives typed and unchanged; unknown fields survive', async () => {
    await withMock({ connections: [SEED_CONNECTION] }, async (mock) => {
      const body = await lister(surface, mock.url)({});
      expect(body).toEqual({ is_success: true, message: '', count: 1, connections: [SEED_CONNECTION] });
      const connection = body.connections[0];
      expect(typeof connection.create_time).toBe('number');
      expect(connection.isPrivis).toBe(true);
      expect((connection as Record<string, unknown>).future_field).toEqual({ nested: [1, 'two'] });
    });
  });
});

test('both surfaces put the same request on the wire for the same query', async () => {
  await withMock({}, async (mock) => {
    for (const [, query] of QUERIES) {
      await lister('createDliClient', mock.url)(query);
      await lister('createDliFetchClient', mock.url)(query);
    }
    const seen = mock.requests.map(({ url, headers }) => ({ url, accept: headers.accept, type: headers['content-type'] }));
    for (let i = 0; i < seen.length; i += 2) expect(seen[i + 1]).toEqual(seen[i]);
  });
});

test('getEnhancedConnection sends the id as one path segment and returns the flattened connection', async () => {
  await withMock({ connections: [SEED_CONNECTION] }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } });
    const body = await client.getEnhancedConnection(SEED_CONNECTION.id);
    const { isPrivis: _listOnly, ...fields } = SEED_CONNECTION;
    expect(body).toEqual({ is_success: true, message: '', ...fields });
    await client.getEnhancedConnection('a/b?c#d').catch(() => undefined);
    expect(mock.requests[1].url).toBe(`${LIST}/a%2Fb%3Fc%23d`);
  });
});

test.each([
  ['cn-north-4', 'https://dli.cn-north-4.myhuaweicloud.com'],
  ['eu-west-101', 'https://dli.eu-west-101.myhuaweicloud.eu'],
] as const)('region %s resolves to %s', async (region, endpoint) => {
  const urls: string[] = [];
  const client = createDliClient({
    region,
    projectId: PROJECT_ID,
    fetch: async (url) => {
      urls.push(url instanceof Request ? url.url : url.toString());
      return new Response('{"is_success":true,"connections":[]}', { status: 200 });
    },
  });
  await client.listEnhancedConnections({ limit: 1 });
  expect(urls).toEqual([`${endpoint}${LIST}?limit=1`]);
});
