// Hostile JSON is inert: a body of any depth (within the size cap) or shape becomes a typed
// DliError or a result, never a RangeError or TypeError, and a 5xx stays retryable whatever its body.
import { createDliClient, createDliFetchClient, DliApiError, DliResponseError } from '@dli-sdk/client';
import { MAX_JSON_DEPTH } from '../../src/transport/response';
import { PROJECT_ID, TEST_TOKEN, rejectionOf } from '../helpers';
import { LIST_PATH, pageOf, withServer } from '../hostile';

// 10 kB nested 5 000 levels deep: JSON.parse reads it, JSON.stringify and util.inspect overflow.
const DEEP = `${'['.repeat(5_000)}"${TEST_TOKEN}"${']'.repeat(5_000)}`;
const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const options = (endpoint: string) => ({ endpoint, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: { baseDelayMs: 1, maxDelayMs: 2 } });

const SURFACES = ['createDliClient', 'createDliFetchClient', 'the pager'] as const;
function list(surface: (typeof SURFACES)[number], endpoint: string) {
  if (surface === 'createDliClient') return createDliClient(options(endpoint)).listEnhancedConnections();
  if (surface === 'the pager') return createDliClient(options(endpoint)).paginateEnhancedConnections().toArray({ limit: 5 });
  return createDliFetchClient(options(endpoint)).GET(LIST_PATH, { params: { path: { project_id: PROJECT_ID } } });
}

describe.each(SURFACES)('%s', (surface) => {
  test('a 500 whose body is nested 5 000 levels deep is retried, then a DliApiError with the body as text', async () => {
    let calls = 0;
    await withServer(
      (_req, res) => (++calls < 3 ? res.writeHead(500).end(DEEP) : res.end(pageOf([]))),
      async (server) => {
        await list(surface, server.url);
        expect(calls).toBe(3);
      },
    );
    await withServer(
      (_req, res) => res.writeHead(500).end(DEEP),
      async (server) => {
        const error = await rejectionOf(list(surface, server.url));
        expect(error).toBeInstanceOf(DliApiError);
        expect(error).toMatchObject({ status: 500, $metadata: { attempts: 3 } });
        expect(typeof (error as DliApiError).body).toBe('string');
        expect(JSON.stringify(error)).not.toContain(TEST_TOKEN);
      },
    );
  });

  test.each([
    ['a body nested 5 000 levels deep', DEEP],
    ['a body one level deeper than allowed', deepObject(MAX_JSON_DEPTH + 1)],
    ['connections nested 5 000 levels deep', `{"connections":${DEEP}}`],
    ['a connection nested 5 000 levels deep', `{"connections":[{"id":"c1","name":"c1","status":"ACTIVE","x":${DEEP}}]}`],
  ])('a 200 with %s is a DliResponseError, not retried', async (_title, body) => {
    await withServer(
      (_req, res) => res.end(body),
      async (server) => {
        const error = await rejectionOf(list(surface, server.url));
        expect(error).toBeInstanceOf(DliResponseError);
        expect(server.received).toHaveLength(1);
        expect(() => JSON.stringify(error)).not.toThrow();
      },
    );
  });

  test('a body as deep as allowed is a result', async () => {
    let calls = 0;
    await withServer(
      (_req, res) => res.end(++calls === 1 ? `{"is_success":true,"connections":[{"id":"c1","name":"c1","status":"ACTIVE","x":${deepObject(MAX_JSON_DEPTH - 3)}}]}` : pageOf([])),
      async (server) => {
        const result = await list(surface, server.url);
        expect(JSON.stringify(result)).toContain('"id":"c1"');
      },
    );
  });
});

test('a walk compares two deep pages without a RangeError', async () => {
  const deepItem = (n: number) => `{"id":"c${n}","name":"c${n}","status":"ACTIVE","x":${deepObject(MAX_JSON_DEPTH - 3)}}`;
  let page = 0;
  await withServer(
    (_req, res) => res.end(++page <= 2 ? `{"connections":[${deepItem(page)}]}` : '{"connections":[]}'),
    async (server) => {
      const items = await createDliClient(options(server.url)).paginateEnhancedConnections({}, { pageSize: 1 }).toArray({ limit: 10 });
      expect(items.map((item) => item.id)).toEqual(['c1', 'c2']);
    },
  );
});

test.each([
  ['an error answer', 400, (text: string) => JSON.stringify({ error_code: `DLI.${text}`, error_msg: text, request_id: text })],
  ['is_success: false', 200, (text: string) => JSON.stringify({ is_success: false, error_code: `DLI.${text}`, message: text })],
])("%s's code, message and request id are cut like any excerpt; the body keeps them whole", async (_, status, answer) => {
  const long = 'A'.repeat(1_000_000);
  await withServer(
    (_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(answer(long)),
    async (server) => {
      const error = (await rejectionOf(createDliClient(options(server.url)).getEnhancedConnection('c1'))) as DliApiError;
      expect(error).toBeInstanceOf(DliApiError);
      expect(error.message).toBe(`${'A'.repeat(200)}…`);
      expect(error.code).toBe(`DLI.${'A'.repeat(196)}…`);
      if (status === 400) expect(error.requestId).toBe(`${'A'.repeat(200)}…`);
      expect(JSON.stringify(error.body)).toContain(long);
    },
  );
});
