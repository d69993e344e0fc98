// The list and show operations' parameters at their edges: the bounds of limit and offset, the
// exact DLI messages for what is refused, limit=0 as "all", filters, and the id path segment.
import { type MockDli, startMockDli } from '@dli-sdk/mock-server';
import type { EnhancedConnection } from '@dli-sdk/types';

const LIST = '/v2.0/0123456789abcdef0123456789abcdef/datasource/enhanced-connections';
const INT32_MAX = 2 ** 31 - 1;

interface Body {
  count?: number;
  connections?: EnhancedConnection[];
  error_code?: string;
  error_msg?: string;
}

/** Starts a stand-in of `connections` seeded connections, runs `body` and closes it. */
async function withMock(connections: number, body: (get: (path: string) => Promise<{ status: number; body: Body }>, mock: MockDli) => Promise<void>) {
  const mock = await startMockDli({ connections, seed: 7 });
  try {
    await body(async (path) => {
      const response = await fetch(mock.url + path);
      return { status: response.status, body: (await response.json()) as Body };
    }, mock);
  } finally {
    await mock.close();
  }
}

const invalid = (message: string) => ({ status: 400, body: { error_code: 'DLI.0001', error_msg: message } });

describe.each(['limit', 'offset'])('%s', (name) => {
  const refused = invalid(`Parameter ${name} is invalid: must be an integer from 0 to ${INT32_MAX}.`);

  test.each(['-1', '1.5', 'x', '', ' 1', '1e3', String(INT32_MAX + 1), '99999999999', '00000000001'])('%j is refused with the rule', async (value) => {
    await withMock(3, async (get) => {
      expect(await get(`${LIST}?${name}=${encodeURIComponent(value)}`)).toEqual(refused);
    });
  });

  test.each(['0', '1', '0000000002', String(INT32_MAX)])('%j is accepted', async (value) => {
    await withMock(3, async (get) => {
      expect((await get(`${LIST}?${name}=${value}`)).status).toBe(200);
    });
  });
});

test('limit and offset pick a page; limit=0 is everything from the offset on', async () => {
  await withMock(12, async (get, mock) => {
    const page = async (query: string) => (await get(`${LIST}?${query}`)).body;
    expect(await page('limit=3&offset=4')).toEqual({ is_success: true, message: '', count: 3, connections: mock.connections.slice(4, 7) });
    expect(await page('limit=0&offset=5')).toEqual({ is_success: true, message: '', count: 7, connections: mock.connections.slice(5) });
    expect(await page('limit=0')).toMatchObject({ count: 12, connections: mock.connections });
    expect(await page(`limit=${INT32_MAX}&offset=10`)).toMatchObject({ count: 2, connections: mock.connections.slice(10) });
    expect(await page(`offset=${INT32_MAX}`)).toMatchObject({ count: 0, connections: [] });
  });
});

test('status, tags and name are refused with the rule they break', async () => {
  await withMock(3, async (get) => {
    expect(await get(`${LIST}?status=RUNNING`)).toEqual(invalid('Parameter status is invalid: must be ACTIVE or DELETED.'));
    expect(await get(`${LIST}?tags=novalue`)).toEqual(
      invalid('Parameter tags is invalid: must be k=v[,k=v...] of letters, digits, spaces and _.:=+-@ (no "=" in a key).'),
    );
    // A limit is checked before the filters, as the order of the rules in the spec has it.
    expect((await get(`${LIST}?limit=-1&status=RUNNING`)).body.error_msg).toContain('Parameter limit');
  });
});

test('each filter alone narrows the list; together they all apply', async () => {
  await withMock(60, async (get, mock) => {
    const ids = async (query: string) => (await get(`${LIST}?limit=0&${query}`)).body.connections!.map((c) => c.id);
    const deleted = mock.connections.filter((c) => c.status === 'DELETED');
    expect(deleted.length).toBeGreaterThan(0);
    expect(await ids('status=DELETED')).toEqual(deleted.map((c) => c.id));
    expect(await ids('status=active')).toEqual(mock.connections.filter((c) => c.status === 'ACTIVE').map((c) => c.id));
    const target = mock.connections[30];
    expect(await ids(`name=${encodeURIComponent(target.name)}`)).toEqual([target.id]);
    expect(await ids(`name=${encodeURIComponent(target.name)}&status=${target.status === 'ACTIVE' ? 'DELETED' : 'ACTIVE'}`)).toEqual([]);
    const tagged = await ids('tags=env%3Dprod');
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.length).toBeLessThan(60);
    expect(await ids('name=no-such-name')).toEqual([]);
  });
});

describe('show', () => {
  test('an unknown id gets 400 DLI.0002 naming it', async () => {
    await withMock(3, async (get) => {
      expect(await get(`${LIST}/no-such-id`)).toEqual({ status: 400, body: { error_code: 'DLI.0002', error_msg: 'The connection no-such-id does not exist.' } });
      expect((await get(`${LIST}/a%20b`)).body.error_msg).toBe('The connection a b does not exist.');
    });
  });

  test.each([
    ['%E0%A4%A', '%E0%A4%A'],
    ['%', '%'],
    ['%zz', '%zz'],
    ['a%b%41', 'a%bA'],
  ])('in the id %j a %% that starts no escape is data (Java sends it so): not found', async (raw, id) => {
    await withMock(3, async (get) => {
      expect(await get(`${LIST}/${raw}`)).toEqual({ status: 400, body: { error_code: 'DLI.0002', error_msg: `The connection ${id} does not exist.` } });
    });
  });

  test('an id holding / reaches show whether it is sent as a/b (Go, Java) or a%2Fb (Python, our client)', async () => {
    await withMock(3, async (get) => {
      const notFound = { status: 400, body: { error_code: 'DLI.0002', error_msg: 'The connection a/b does not exist.' } };
      expect(await get(`${LIST}/a/b`)).toEqual(notFound);
      expect(await get(`${LIST}/a%2Fb`)).toEqual(notFound);
    });
  });

  test('a percent-encoded id is decoded', async () => {
    await withMock(3, async (get, mock) => {
      const { id } = mock.connections[2];
      const encoded = id.replace(/./g, (c) => `%${c.charCodeAt(0).toString(16)}`);
      expect((await get(`${LIST}/${encoded}`)).body).toMatchObject({ id });
    });
  });
});
