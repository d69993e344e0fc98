// The client tried from outside, as an attacker and as a careless user would: credentials stay
// with their origin, every resource is bounded, every bad input is a DliValidationError.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import {
  createDliClient,
  createDliFetchClient,
  DliAbortError,
  DliApiError,
  DliError,
  DliRedirectError,
  DliResponseError,
  DliTimeoutError,
  DliValidationError,
  type DliClientOptions,
} from '@dli-sdk/client';
import { MAX_CONCURRENCY } from '../../src/pager';
import { PROJECT_ID, TEST_TOKEN, akSk, expectNoSecrets, rejectionOf, withMock } from '../helpers';

const LIST = '/v2.0/{project_id}/datasource/enhanced-connections';
const SURFACES = ['createDliClient', 'createDliFetchClient'] as const;
type Surface = (typeof SURFACES)[number];

interface Recorded {
  url: string;
  headers: IncomingMessage['headers'];
}

/** A real node:http server on a loopback address; records what it received. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => unknown, host = '127.0.0.1') {
  const received: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    received.push({ url: req.url ?? '', headers: req.headers });
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${host}:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function list(surface: Surface, options: DliClientOptions, query: object = { limit: 5 }) {
  if (surface === 'createDliClient') return createDliClient(options).listEnhancedConnections(query);
  const client = createDliFetchClient(options);
  return client.GET(LIST, { params: { path: { project_id: client.projectId }, query } });
}

/** Fake timers and Date for the transport's clock; promise and I/O plumbing stays real. */
const FAKE_CLOCK: Parameters<typeof jest.useFakeTimers>[0] = { doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] };
const ORIGIN = 'https://dli.example.com';

const page = (connections: object[]) => JSON.stringify({ is_success: true, message: '', count: connections.length, connections });

describe.each(SURFACES)('%s: credentials stay with their origin', (surface) => {
  test.each([301, 302, 307, 308])('a %i to another origin is not followed; the token never reaches it', async (status) => {
    const other = await serve((_req, res) => res.end(page([{ id: 'evil' }])), '127.0.0.2');
    const origin = await serve((_req, res) => res.writeHead(status, { location: `${other.url}/steal` }).end());
    try {
      const credentials = { ak: akSk.ak, sk: akSk.sk, securityToken: 'STS-session-token-value' };
      const error = await rejectionOf(list(surface, { endpoint: origin.url, projectId: PROJECT_ID, credentials }));
      expect(error).toBeInstanceOf(DliRedirectError);
      expect(error).toMatchObject({ status, location: `${other.url}/steal` });
      expect(other.received).toEqual([]);
      expect(origin.received).toHaveLength(1); // a redirect is not retried
    } finally {
      await Promise.all([other.close(), origin.close()]);
    }
  });

  test('an IAM token is not carried through a redirect to another loopback origin either', async () => {
    const other = await serve((_req, res) => res.end(page([])), '127.0.0.3');
    const origin = await serve((_req, res) => res.writeHead(302, { location: `${other.url}/` }).end());
    try {
      const error = await rejectionOf(list(surface, { endpoint: origin.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } }));
      expect(error).toBeInstanceOf(DliRedirectError);
      expect(other.received).toEqual([]);
    } finally {
      await Promise.all([other.close(), origin.close()]);
    }
  });

  test.each(['http://127.0.0.1.nip.io', 'http://127.evil.example', 'http://localhost.evil.example', 'http://[::2]'])(
    'plain http to %s is not loopback',
    (endpoint) => {
      expect(() => createDliClient({ endpoint, projectId: PROJECT_ID, credentials: akSk })).toThrow(DliValidationError);
      expect(() => createDliFetchClient({ endpoint, projectId: PROJECT_ID, credentials: akSk })).toThrow(DliValidationError);
    },
  );

  test.each(['http://127.0.0.1:1', 'http://127.255.3.4', 'http://localhost:8080', 'http://[::1]:1', 'http://127.1'])('%s is loopback', (endpoint) => {
    expect(() => createDliClient({ endpoint, projectId: PROJECT_ID, credentials: akSk })).not.toThrow();
  });
});

test("the fetch client's per-call baseUrl cannot send credentials to another origin", async () => {
  const other = await serve((_req, res) => res.end(page([])), '127.0.0.2');
  const origin = await serve((_req, res) => res.end(page([])));
  try {
    const client = createDliFetchClient({ endpoint: origin.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } });
    for (const baseUrl of [other.url, 'http://dli.example.com', 'not a url']) {
      const error = await rejectionOf(client.GET(LIST, { baseUrl, params: { path: { project_id: PROJECT_ID } } }));
      expect(error).toMatchObject({ name: 'DliValidationError', field: 'baseUrl' });
    }
    expect(other.received).toEqual([]);
    expect(origin.received).toEqual([]);
  } finally {
    await Promise.all([other.close(), origin.close()]);
  }
});

describe.each(SURFACES)('%s: credentials and headers are validated, never echoed', (surface) => {
  const secret = 'SECRET-PART-9f8e7d';
  const bad: Array<[string, object]> = [
    ['credentials.token', { credentials: { token: `${secret}\r\nX-Injected: 1` } }],
    ['credentials.securityToken', { credentials: { ...akSk, securityToken: `${secret}\n` } }],
    ['credentials.ak', { credentials: { ak: `${secret}\u0000`, sk: akSk.sk } }],
    ['credentials.token', { credentials: { token: `${secret}\u20ac` } }],
    ['credentials.sk', { credentials: { ak: akSk.ak, sk: `${secret}\r` } }],
    ['credentials', { credentials: null }],
    ['credentials', { credentials: 'ak:sk' }],
    ['credentials.securityTokne', { credentials: { ...akSk, securityTokne: secret } }],
    ['credentials.tokne', { credentials: { ...akSk, tokne: secret } }],
    ['credentials.ak', { credentials: { ...akSk, token: secret } }],
    ['headers.X-Trace', { headers: { 'X-Trace': `${secret}\r\nHost: evil` } }],
    ['headers["Bad Name"]', { headers: { 'Bad Name': 'x' } }],
  ];
  test.each(bad)('%s: refused up front, value not shown', async (field, extra) => {
    await withMock({}, async (mock) => {
      let error: unknown;
      try {
        await list(surface, { endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk, ...extra });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DliValidationError);
      expect(error).toMatchObject({ field });
      for (const view of [String(error), JSON.stringify(error), (error as Error).stack]) expect(view).not.toContain(secret);
      expect(mock.requestCount).toBe(0);
    });
  });

  test('per-call headers are validated too, and a runtime header refusal is redacted and not retried', async () => {
    await withMock({}, async (mock) => {
      const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } };
      const headers = { 'x-trace': `${secret}\n` };
      const error =
        surface === 'createDliClient'
          ? await rejectionOf(createDliClient(options).listEnhancedConnections({}, { headers }))
          : await rejectionOf(createDliFetchClient(options).GET(LIST, { params: { path: { project_id: PROJECT_ID } }, headers }));
      expect(error).toMatchObject({ name: 'DliValidationError', field: surface === 'createDliClient' ? 'options.headers.x-trace' : 'headers.x-trace' });
      expect(String(error)).not.toContain(secret);
      expect(mock.requestCount).toBe(0);
    });
  });
});

test('a header refused by the runtime is redacted and not retried', async () => {
  let calls = 0;
  // What undici throws for a bad header: the message echoes the value.
  const refusingFetch: typeof fetch = async () => {
    calls++;
    throw new TypeError(`Headers.append: "${TEST_TOKEN}\r\n" is an invalid header value.`);
  };
  const client = createDliClient({ endpoint: 'https://dli.example.com', projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, fetch: refusingFetch });
  const error = await rejectionOf(client.listEnhancedConnections());
  expect(error).toMatchObject({ name: 'DliValidationError', field: 'headers' });
  expect(calls).toBe(1);
  expectNoSecrets(error);
});

describe.each(SURFACES)('%s: every resource is bounded', (surface) => {
  test.each([8, 32])('a wrong SK costs one failed authentication at concurrency %i', async (concurrency) => {
    expect(concurrency).toBeLessThanOrEqual(MAX_CONCURRENCY);
    await withMock({ connections: 500 }, async (mock) => {
      const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: { ak: akSk.ak, sk: 'wrong' } };
      const client = surface === 'createDliClient' ? createDliClient(options) : createDliFetchClient(options);
      const error = await rejectionOf(client.paginateEnhancedConnections({}, { concurrency }).toArray({ limit: Infinity }));
      expect(error).toMatchObject({ status: 401 });
      expect(mock.requestCount).toBe(1);
    });
  });

  test(`concurrency above ${MAX_CONCURRENCY} is a DliValidationError`, async () => {
    await withMock({}, async (mock) => {
      const options = { endpoint: mock.url, projectId: PROJECT_ID };
      const client = surface === 'createDliClient' ? createDliClient(options) : createDliFetchClient(options);
      expect(() => client.paginateEnhancedConnections({}, { concurrency: 50_000 })).toThrow(
        `concurrency must be an integer in [1, ${MAX_CONCURRENCY}], got 50000`,
      );
    });
  });

  test('a decompression bomb stops at maxResponseBytes, is not retried, and memory stays bounded', async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"connections":['), Buffer.alloc(200 * 1024 * 1024, 0x20), Buffer.from(']}')]));
    const server = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/json' }).end(bomb));
    try {
      const before = process.memoryUsage().rss;
      const error = await rejectionOf(list(surface, { endpoint: server.url, projectId: PROJECT_ID, maxResponseBytes: 1024 * 1024 }));
      expect(error).toBeInstanceOf(DliResponseError);
      expect((error as Error).message).toContain('larger than maxResponseBytes (1048576 bytes');
      expect(server.received).toHaveLength(1);
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });

  test('the default body cap is 32 MiB and a Content-Length above it fails before reading', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-length': String(64 * 1024 * 1024) }).end());
    try {
      const error = await rejectionOf(list(surface, { endpoint: server.url, projectId: PROJECT_ID }));
      expect((error as Error).message).toContain('larger than maxResponseBytes (33554432 bytes; Content-Length 67108864)');
    } finally {
      await server.close();
    }
  });

  test.each([Infinity, 2 ** 31, '5000', true, [5000], 0, -1, NaN])('timeoutMs %p is refused', (timeoutMs) => {
    expect(() => createDliClient({ endpoint: 'https://dli.example.com', projectId: PROJECT_ID, timeoutMs } as never)).toThrow(
      'timeoutMs must be a number in (0, 2147483647]',
    );
  });

  test('deadlineMs is a hard limit: the last attempt is cut to the time left', async () => {
    jest.useFakeTimers(FAKE_CLOCK);
    try {
      // A server that never answers: an attempt ends only when the transport aborts it.
      const attemptsAt: number[] = [];
      const fetch: typeof globalThis.fetch = (_input, init) => {
        attemptsAt.push(Date.now());
        return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
      };
      const started = Date.now();
      let settledAfter: number | undefined;
      const outcome = rejectionOf(
        list(surface, { endpoint: ORIGIN, projectId: PROJECT_ID, fetch, timeoutMs: 800, retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 1_000 } }),
      ).finally(() => (settledAfter = Date.now() - started));
      await jest.advanceTimersByTimeAsync(5_000);
      expect(await outcome).toBeInstanceOf(DliTimeoutError);
      expect(attemptsAt).toHaveLength(2);
      // On the transport's own clock (fake here): two full attempts would end after 1 600 ms.
      expect(settledAfter).toBe(1_000);
    } finally {
      jest.useRealTimers();
    }
  });

  test('Retry-After past the deadline fails at once, saying so; a Retry-After storm costs maxAttempts requests', async () => {
    jest.useFakeTimers(FAKE_CLOCK);
    try {
      let requests = 0;
      const fetch: typeof globalThis.fetch = () => {
        requests++;
        return Promise.resolve(new Response('{"error_code":"APIGW.0308","error_msg":"throttled"}', { status: 429, headers: { 'retry-after': '3600' } }));
      };
      const started = Date.now();
      // No timer runs here: had the transport waited, this would never settle.
      const error = await rejectionOf(list(surface, { endpoint: ORIGIN, projectId: PROJECT_ID, fetch, retry: { deadlineMs: 5_000 } }));
      expect(error).toBeInstanceOf(DliApiError);
      expect((error as Error).message).toContain('would pass the 5000 ms retry deadline');
      expect(Date.now()).toBe(started);
      expect(requests).toBe(1);
      requests = 0;
      const storm = rejectionOf(list(surface, { endpoint: ORIGIN, projectId: PROJECT_ID, fetch, retry: { maxAttempts: 4, maxDelayMs: 1 } }));
      await jest.advanceTimersByTimeAsync(100);
      await storm;
      expect(requests).toBe(4);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a server answering garbage costs one request', async () => {
    const garbage = await serve((_req, res) => res.end('<html>'));
    try {
      expect(await rejectionOf(list(surface, { endpoint: garbage.url, projectId: PROJECT_ID }))).toBeInstanceOf(DliResponseError);
      expect(garbage.received).toHaveLength(1);
    } finally {
      await garbage.close();
    }
  });
});

describe('the pager terminates on any server', () => {
  test.each([1, 4])('a server that caps every page at 50 while the pager asks for 100 is walked whole (concurrency %i)', async (concurrency) => {
    await withMock({ connections: 1_234 }, async (mock) => {
      const capped = await serve(async (req, res) => {
        const url = new URL(req.url!, 'http://x');
        url.searchParams.set('limit', String(Math.min(50, Number(url.searchParams.get('limit')))));
        const answer = await fetch(`${mock.url}${url.pathname}${url.search}`, { headers: { 'x-auth-token': TEST_TOKEN } });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
      });
      try {
        const client = createDliClient({ endpoint: capped.url, projectId: PROJECT_ID });
        const walked = await client.paginateEnhancedConnections({}, { pageSize: 100, concurrency }).toArray({ limit: Infinity });
        expect(walked.map((c) => c.id)).toEqual(mock.connections.map((c) => c.id));
        expect(capped.received.every((r) => new URL(r.url, 'http://x').searchParams.get('limit') === '100')).toBe(true);
      } finally {
        await capped.close();
      }
    });
  });
});

describe.each(SURFACES)('%s: inputs', (surface) => {
  const badQueries: Array<[string, object]> = [
    ['query.constructor', { constructor: 'x' }],
    ['query.toString', { toString: 'x' }],
    ['query.hasOwnProperty', { hasOwnProperty: 1 }],
    ['query.__proto__', JSON.parse('{"__proto__": 5}') as object],
    ['query.limit', { limit: 10n }],
    ['query.name', { name: Symbol('x') }],
    ['query.name', { name: 'a\uD800b' }],
    ['query.name', { name: null }],
  ];
  test.each(badQueries)('%s is a DliValidationError, nothing sent', async (field, query) => {
    await withMock({}, async (mock) => {
      const error = await rejectionOf(list(surface, { endpoint: mock.url, projectId: PROJECT_ID }, query));
      expect(error).toBeInstanceOf(DliValidationError);
      expect((error as DliValidationError).field).toBe(surface === 'createDliClient' ? field : field.replace('query.', 'params.query.'));
      expect(mock.requestCount).toBe(0);
    });
  });

  test.each([
    ['retry.maxAtempts', { retry: { maxAtempts: 5 } }],
    ['retry', { retry: 'yes' }],
    ['retry.deadlineMs', { retry: { deadlineMs: '1000' } }],
    ['retry.maxDelayMs', { retry: { maxDelayMs: Infinity } }],
    ['projectId', { projectId: 'proj\u20ac' }],
    ['endpoint', { endpoint: 42 }],
    ['allowInsecureHttp', { allowInsecureHttp: 'yes' }],
    ['timeout', { timeout: 5 }],
  ])('option %s is a DliValidationError', (field, extra) => {
    const make = surface === 'createDliClient' ? createDliClient : createDliFetchClient;
    let error: unknown;
    try {
      make({ endpoint: 'https://dli.example.com', projectId: PROJECT_ID, ...extra } as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DliValidationError);
    expect(error).toMatchObject({ field });
  });
});

describe.each(SURFACES)('%s: one honest transport', (surface) => {
  test('an abort is a DliAbortError (a DliError named AbortError) whose cause is the reason', async () => {
    // The answer comes long after the abort, even on a machine busy with other work.
    await withMock({ latencyMs: 2_000 }, async (mock) => {
      const controller = new AbortController();
      const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } };
      const reason = new Error('user cancelled');
      setTimeout(() => controller.abort(reason), 20);
      const error =
        surface === 'createDliClient'
          ? await rejectionOf(createDliClient(options).listEnhancedConnections({}, { signal: controller.signal }))
          : await rejectionOf(createDliFetchClient(options).GET(LIST, { params: { path: { project_id: PROJECT_ID } }, signal: controller.signal }));
      expect(error).toBeInstanceOf(DliAbortError);
      expect(error).toBeInstanceOf(DliError);
      expect((error as Error).name).toBe('AbortError');
      expect((error as Error).cause).toBe(reason);
      expectNoSecrets(error);
    });
  });
});

describe('createDliFetchClient: the body is read once and every parseAs works', () => {
  test.each(['json', 'text', 'arrayBuffer', 'blob', 'stream'] as const)('parseAs %s', async (parseAs) => {
    await withMock({ connections: 3 }, async (mock) => {
      const client = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } });
      const { data } = await client.GET(LIST, { params: { path: { project_id: PROJECT_ID } }, parseAs });
      const text =
        parseAs === 'json'
          ? JSON.stringify(data)
          : parseAs === 'text'
            ? (data as unknown as string)
            : parseAs === 'stream'
              ? await new Response(data as unknown as ReadableStream).text()
              : parseAs === 'blob'
                ? await (data as unknown as Blob).text()
                : new TextDecoder().decode(data as unknown as ArrayBuffer);
      expect((JSON.parse(text) as { connections: unknown[] }).connections).toHaveLength(3);
    });
  });

  test('a GET with a body is refused, not sent without it', async () => {
    await withMock({}, async (mock) => {
      const client = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID });
      const error = await rejectionOf(client.GET(LIST, { params: { path: { project_id: PROJECT_ID } }, body: 'x' } as never));
      expect(error).toMatchObject({ name: 'DliValidationError', field: 'body' });
      expect(mock.requestCount).toBe(0);
    });
  });

  test('a missing path parameter is refused, not sent as a literal {project_id}', async () => {
    await withMock({}, async (mock) => {
      const client = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID });
      const error = await rejectionOf(client.GET(LIST, {} as never));
      expect(error).toMatchObject({ name: 'DliValidationError', field: 'params.path.project_id' });
      expect(mock.requestCount).toBe(0);
    });
  });

  test.each(['PUT', 'POST', 'DELETE', 'PATCH'] as const)('%s is refused explicitly, nothing sent', async (method) => {
    await withMock({}, async (mock) => {
      const client = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID }) as unknown as Record<string, (p: string, i: object) => Promise<unknown>>;
      const error = await rejectionOf(client[method](LIST, { params: { path: { project_id: PROJECT_ID } }, body: { a: 1 } }));
      expect(error).toMatchObject({ name: 'DliValidationError', field: 'method' });
      expect(mock.requestCount).toBe(0);
    });
  });
});
