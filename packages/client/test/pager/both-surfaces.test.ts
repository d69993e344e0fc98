// The pager over both surfaces, against the stand-in: exactly-once, in order, fewest requests.
import { createDliClient, createDliFetchClient, DliAbortError, DliPaginationError, type EnhancedConnection } from '@dli-sdk/client';
import type { MockDli } from '@dli-sdk/mock-server';
import { PROJECT_ID, TEST_TOKEN, rejectionOf, withMock } from '../helpers';

type Surface = 'createDliClient' | 'createDliFetchClient';
const SURFACES: Surface[] = ['createDliClient', 'createDliFetchClient'];

function clientFor(surface: Surface, mock: MockDli, fetchImpl?: typeof fetch) {
  const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: false as const, fetch: fetchImpl };
  return surface === 'createDliClient' ? createDliClient(options) : createDliFetchClient(options);
}

const ids = (connections: readonly EnhancedConnection[]) => connections.map((c) => c.id);

/** The global fetch, counting the requests the client sends. */
function countingFetch() {
  const counter = {
    count: 0,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      counter.count++;
      return globalThis.fetch(input, init);
    }) as typeof fetch,
  };
  return counter;
}

describe.each(SURFACES)('%s.paginateEnhancedConnections', (surface) => {
  // The 10 000-connection rows of this table are in soak.test.ts, with the other walks at scale.
  const sizes = [0, 1, 99, 100, 101, 250];
  const pageSizes = [1, 7, 100];
  const cases = sizes.flatMap((total) => pageSizes.map((pageSize) => [total, pageSize] as const));

  test.each(cases)('%i connections at page size %i: each once, in order, fewest requests', async (total, pageSize) => {
    await withMock({ connections: total }, async (mock) => {
      const walked: EnhancedConnection[] = [];
      for await (const connection of clientFor(surface, mock).paginateEnhancedConnections({}, { pageSize })) {
        walked.push(connection);
      }
      expect(ids(walked)).toEqual(ids(mock.connections));
      // Only an empty page ends a walk: one request per page of items, plus the empty one.
      expect(mock.requestCount).toBe(Math.ceil(total / pageSize) + 1);
      expect(mock.requests.every((r) => new URL(r.url, mock.url).searchParams.get('limit') === String(pageSize))).toBe(true);
    });
  });

  test('filters and per-request headers go to every page; the caller\'s objects are not changed', async () => {
    await withMock({ connections: 300, seed: 3 }, async (mock) => {
      const filters = { status: 'active' as const, tags: 'env=prod' };
      const options = { pageSize: 10, headers: { 'X-Trace': 'walk-1' } };
      const frozenFilters = JSON.stringify(filters);
      const frozenOptions = JSON.stringify(options);
      const walked = await clientFor(surface, mock).paginateEnhancedConnections(filters, options).toArray({ limit: Infinity });
      expect(walked.length).toBeGreaterThan(10);
      expect(walked.every((c) => c.status === 'ACTIVE')).toBe(true);
      for (const request of mock.requests) {
        const query = new URL(request.url, mock.url).searchParams;
        expect(query.get('status')).toBe('ACTIVE');
        expect(query.get('tags')).toBe('env=prod');
        expect(request.headers['x-trace']).toBe('walk-1');
      }
      expect(JSON.stringify(filters)).toBe(frozenFilters);
      expect(JSON.stringify(options)).toBe(frozenOptions);
    });
  });

  test('byPage reports offsets; a new pager resumes exactly at nextOffset', async () => {
    await withMock({ connections: 95 }, async (mock) => {
      const client = clientFor(surface, mock);
      const first: EnhancedConnection[] = [];
      let resumeAt = -1;
      for await (const page of client.paginateEnhancedConnections({}, { pageSize: 20 }).byPage()) {
        expect(page.nextOffset).toBe(page.offset + page.items.length);
        expect(page.response.$metadata).toEqual({ httpStatus: 200, requestId: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown, attempts: 1 });
        expect(Object.keys(page.response)).not.toContain('$metadata');
        first.push(...page.items);
        resumeAt = page.nextOffset;
        if (first.length >= 40) break;
      }
      expect(resumeAt).toBe(40);
      const rest = await client.paginateEnhancedConnections({}, { pageSize: 20, startOffset: resumeAt }).toArray({ limit: Infinity });
      expect(ids([...first, ...rest])).toEqual(ids(mock.connections));
    });
  });

  test('maxItems and maxPages stop the walk without extra requests', async () => {
    await withMock({ connections: 500 }, async (mock) => {
      const client = clientFor(surface, mock);
      const some = await client.paginateEnhancedConnections({}, { pageSize: 50, maxItems: 120 }).toArray({ limit: Infinity });
      expect(ids(some)).toEqual(ids(mock.connections.slice(0, 120)));
      expect(mock.requestCount).toBe(3);
      const pages = await client.paginateEnhancedConnections({}, { pageSize: 50, maxPages: 2 }).toArray({ limit: Infinity });
      expect(pages).toHaveLength(100);
      expect(mock.requestCount).toBe(5);
    });
  });

  test('toArray({ limit }) collects at most limit items', async () => {
    await withMock({ connections: 500 }, async (mock) => {
      const collected = await clientFor(surface, mock).paginateEnhancedConnections({}, { pageSize: 100 }).toArray({ limit: 150 });
      expect(ids(collected)).toEqual(ids(mock.connections.slice(0, 150)));
      expect(mock.requestCount).toBe(2);
    });
  });

  test('concurrency 4 yields the same sequence as 1 and never has more than 4 requests in flight', async () => {
    await withMock({ connections: 1_234, latencyMs: [1, 8] }, async (mock) => {
      let inFlight = 0;
      let mostInFlight = 0;
      const countingFetch: typeof fetch = async (input, init) => {
        mostInFlight = Math.max(mostInFlight, ++inFlight);
        try {
          return await fetch(input, init);
        } finally {
          inFlight--;
        }
      };
      const client = clientFor(surface, mock, countingFetch);
      const sequential = await client.paginateEnhancedConnections({}, { pageSize: 50 }).toArray({ limit: Infinity });
      expect(mostInFlight).toBe(1);
      const parallel = await client.paginateEnhancedConnections({}, { pageSize: 50, concurrency: 4 }).toArray({ limit: Infinity });
      expect(ids(parallel)).toEqual(ids(sequential));
      expect(ids(parallel)).toEqual(ids(mock.connections));
      expect(mostInFlight).toBe(4);
      // 25 pages and the empty one each walk; the short last page cancels at most concurrency - 1
      // look-ahead requests, then the empty page is asked for alone.
      expect(mock.requestCount).toBeLessThanOrEqual(26 + 26 + 3);
    });
  });

  test('abort mid-walk: the iteration throws the reason and no request is left in flight', async () => {
    await withMock({ connections: 1_000, latencyMs: 20 }, async (mock) => {
      const controller = new AbortController();
      // Requests are counted as the client sends them, so that a slow machine (requests still on
      // their way to the server) cannot look like a request started after the abort.
      const sent = countingFetch();
      const pager = clientFor(surface, mock, sent.fetch).paginateEnhancedConnections({}, { pageSize: 10, signal: controller.signal, concurrency: 3 });
      const seen: EnhancedConnection[] = [];
      let sentAtAbort = 0;
      const error = await rejectionOf(
        (async () => {
          for await (const connection of pager) {
            seen.push(connection);
            if (seen.length === 25) {
              sentAtAbort = sent.count;
              controller.abort(new Error('user cancelled'));
            }
          }
        })(),
      );
      expect(error).toBeInstanceOf(DliAbortError);
      expect(error).toMatchObject({ name: 'AbortError', cause: new Error('user cancelled') });
      expect(ids(seen)).toEqual(ids(mock.connections.slice(0, seen.length)));
      // Nothing new starts after the abort, however long one waits (a while, here).
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sent.count).toBe(sentAtAbort);
    });
  });

  test('break stops the walk; look-ahead requests are cancelled, none is started after', async () => {
    await withMock({ connections: 1_000, latencyMs: 10 }, async (mock) => {
      const sent = countingFetch();
      let count = 0;
      let sentAtBreak = 0;
      for await (const _ of clientFor(surface, mock, sent.fetch).paginateEnhancedConnections({}, { pageSize: 10, concurrency: 4 })) {
        if (++count === 15) {
          sentAtBreak = sent.count;
          break;
        }
      }
      expect(sentAtBreak).toBeLessThanOrEqual(2 + 3);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sent.count).toBe(sentAtBreak);
    });
  });

  test('a server that ignores offset ends in a DliPaginationError instead of looping', async () => {
    await withMock({ connections: 50, faults: { ignoreOffset: true } }, async (mock) => {
      const error = await rejectionOf(clientFor(surface, mock).paginateEnhancedConnections({}, { pageSize: 10 }).toArray({ limit: Infinity }));
      expect(error).toBeInstanceOf(DliPaginationError);
      // The first page, then three pages in a row of only connections already yielded.
      expect((error as DliPaginationError).offset).toBe(30);
      expect(mock.requestCount).toBe(4);
    });
  });
});

test('the connections pager checks its filters before any page is requested', () => {
  const client = createDliClient({ endpoint: 'http://127.0.0.1:9', projectId: PROJECT_ID });
  expect(() => client.paginateEnhancedConnections({}, { signal: {} as AbortSignal })).toThrow(/^options\.signal must be an AbortSignal, got \{\}$/);
  expect(() => client.paginateEnhancedConnections({}, null as never)).toThrow('options must be an object, got null');
  expect(() => client.paginateEnhancedConnections({}, 5 as never)).toThrow('options must be an object, got 5');
  expect(() => client.paginateEnhancedConnections({ limit: 5 } as never)).toThrow('filters.limit is set by the pager');
  expect(() => client.paginateEnhancedConnections({ status: 'GONE' } as never)).toThrow('filters.status must be one of ACTIVE, DELETED');
});
