// Every walk ends, on both surfaces over real HTTP: a server on 127.0.0.1 that ignores offset and
// answers with the same connections, shuffled, in turn, or with a field changed per answer, is a
// DliPaginationError within a few requests; connections without ids (or with null ones) are a
// DliResponseError at the first page, since every connection carries an id.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDliClient, createDliFetchClient, DliPaginationError, DliResponseError } from '@dli-sdk/client';
import { PROJECT_ID, rejectionOf, TEST_TOKEN } from '../helpers';

type Connection = Record<string, unknown>;

/** A list endpoint that answers the n-th request with `answer(n)`, whatever the query says. */
async function ignoringOffset(answer: (request: number) => Connection[]): Promise<{ url: string; requests: () => number; server: Server }> {
  let requests = 0;
  const server = createServer((_, response) => {
    const connections = answer(requests++);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ is_success: true, message: '', count: connections.length, connections }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => requests, server };
}

const connection = (id: string | null | undefined, extra: Connection = {}): Connection => ({
  ...(id === undefined ? {} : { id }),
  name: `c-${id ?? 'x'}`,
  status: 'ACTIVE',
  create_time: 1,
  ...extra,
});
const first = ['a', 'b', 'c'].map((id) => connection(id));
const second = ['d', 'e', 'f'].map((id) => connection(id));
const rotate = (list: Connection[], by: number) => list.map((_, i) => list[(i + by) % list.length]);

const STALLED = 'ends 3 pages in a row of only items already seen';
const NO_ID = 'connection 1 of the page has no "id", which every connection carries';
const VARIANTS: Array<[string, (request: number) => Connection[], typeof DliPaginationError | typeof DliResponseError, string]> = [
  ['the same page', () => first, DliPaginationError, STALLED],
  ['the page shuffled per answer', (n) => rotate(first, n), DliPaginationError, STALLED],
  ['two pages in turn', (n) => (n % 2 ? second : first), DliPaginationError, STALLED],
  ['a field that changes per answer', (n) => first.map((c) => ({ ...c, create_time: n })), DliPaginationError, STALLED],
  ['no ids, a field that changes per answer', (n) => [connection(undefined, { create_time: n })], DliResponseError, NO_ID],
  ['null ids, shuffled', (n) => rotate([connection(null, { name: 'p' }), connection(null, { name: 'q' })], n), DliResponseError, NO_ID],
];

describe.each(['createDliClient', 'createDliFetchClient'] as const)('%s against a server that ignores offset', (surface) => {
  test.each(VARIANTS)('%s: the walk ends with a typed error within 5 requests', async (_, answer, kind, message) => {
    const server = await ignoringOffset(answer);
    try {
      const options = { endpoint: server.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: false as const };
      const client = surface === 'createDliClient' ? createDliClient(options) : createDliFetchClient(options);
      const error = await rejectionOf(client.paginateEnhancedConnections({}, { pageSize: 3 }).toArray({ limit: Infinity }));
      expect(error).toBeInstanceOf(kind);
      expect((error as Error).message).toContain(message);
      expect(server.requests()).toBeLessThanOrEqual(5);
    } finally {
      server.server.closeAllConnections();
      await new Promise((resolve) => server.server.close(resolve));
    }
  });
});
