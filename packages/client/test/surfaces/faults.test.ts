// Typed errors, retries and timeouts against the stand-in's injected faults.
import { inspect } from 'node:util';
import {
  createDliClient,
  createDliFetchClient,
  DliApiError,
  DliError,
  DliNetworkError,
  DliResponseError,
  DliTimeoutError,
} from '@dli-sdk/client';
import type { Fault, MockDli } from '@dli-sdk/mock-server';
import { PROJECT_ID, TEST_TOKEN, akSk, closedPort, expectNoSecrets, rejectionOf, withMock } from '../helpers';

const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 };

function clients(mock: MockDli, extra: object = {}) {
  const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk, retry: FAST_RETRY, ...extra };
  const fetchClient = createDliFetchClient(options);
  return {
    createDliClient: createDliClient(options),
    createDliFetchClient: fetchClient,
    list: {
      createDliClient: (client = createDliClient(options)) => client.listEnhancedConnections({ limit: 5 }),
      createDliFetchClient: async () =>
        (await fetchClient.GET('/v2.0/{project_id}/datasource/enhanced-connections', {
          params: { path: { project_id: PROJECT_ID }, query: { limit: 5 } },
        })).data,
    },
  };
}

const SURFACES = ['createDliClient', 'createDliFetchClient'] as const;

describe.each(SURFACES)('%s: faults', (surface) => {
  const retryable: Array<[string, Fault]> = [
    ['429 with Retry-After', { kind: 'status', status: 429, retryAfterSeconds: 0 }],
    ['500', { kind: 'status', status: 500 }],
    ['502', { kind: 'status', status: 502 }],
    ['503', { kind: 'status', status: 503 }],
    ['504', { kind: 'status', status: 504 }],
    ['a connection reset', { kind: 'reset' }],
    ['a truncated body', { kind: 'truncate' }],
  ];
  test.each(retryable)('%s is retried and recovers', async (_title, fault) => {
    await withMock({ connections: 8, faults: { schedule: { 1: fault } } }, async (mock) => {
      const body = await clients(mock).list[surface]();
      expect(body.connections).toEqual(mock.connections.slice(0, 5));
      expect(mock.requestCount).toBe(2);
      // A fresh signature for the second attempt: the signing date may even have changed.
      expect(mock.requests[1].headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
    });
  });

  test('a retryable fault that persists surfaces after maxAttempts with its code and request id', async () => {
    const always503 = Object.fromEntries([1, 2, 3, 4].map((n): [number, Fault] => [n, { kind: 'status', status: 503 }]));
    await withMock({ faults: { schedule: always503 } }, async (mock) => {
      const error = await rejectionOf(clients(mock).list[surface]());
      expect(error).toBeInstanceOf(DliApiError);
      expect(error).toMatchObject({ name: 'DliApiError', status: 503, code: 'DLI.0999' });
      expect((error as DliApiError).requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(mock.requestCount).toBe(3);
      expectNoSecrets(error);
    });
  });

  test('retry: false makes one attempt', async () => {
    await withMock({ faults: { schedule: { 1: { kind: 'status', status: 502 } } } }, async (mock) => {
      const error = await rejectionOf(clients(mock, { retry: false }).list[surface]());
      expect(error).toMatchObject({ status: 502, code: 'APIGW.0202' });
      expect(mock.requestCount).toBe(1);
    });
  });

  test('401 is never retried (five failures would lock the key) and keeps the gateway request id', async () => {
    await withMock({}, async (mock) => {
      const error = await rejectionOf(clients(mock, { credentials: { ak: akSk.ak, sk: 'wrong-secret' } }).list[surface]());
      expect(error).toBeInstanceOf(DliApiError);
      expect(error).toMatchObject({ status: 401, code: 'APIGW.0301' });
      expect((error as DliApiError).requestId).toBe((error as DliApiError as { body: { request_id: string } }).body.request_id);
      expect(mock.requestCount).toBe(1);
      expectNoSecrets(error);
    });
  });

  test('a 200 with is_success: false is a DliApiError, not retried', async () => {
    await withMock({ faults: { schedule: { 1: { kind: 'not-success' } } } }, async (mock) => {
      const error = await rejectionOf(clients(mock).list[surface]());
      expect(error).toBeInstanceOf(DliApiError);
      expect(error).toMatchObject({ status: 200, message: 'DLI.0999: Internal processing failed.' });
      expect(mock.requestCount).toBe(1);
    });
  });

  test('a 200 whose body is not JSON is a DliResponseError with an excerpt', async () => {
    await withMock({ faults: { schedule: { 1: { kind: 'non-json' } } } }, async (mock) => {
      const error = await rejectionOf(clients(mock).list[surface]());
      expect(error).toBeInstanceOf(DliResponseError);
      expect((error as Error).message).toContain('response body is not JSON (HTTP 200)');
      expect((error as DliResponseError).excerpt).toContain('<h1>502 Bad Gateway</h1>');
    });
  });

  test('a hanging server times out per attempt, then gives up with DliTimeoutError', async () => {
    const hang = { kind: 'hang' } as Fault;
    await withMock({ faults: { schedule: { 1: hang, 2: hang } } }, async (mock) => {
      const error = await rejectionOf(clients(mock, { timeoutMs: 100, retry: { ...FAST_RETRY, maxAttempts: 2 } }).list[surface]());
      expect(error).toBeInstanceOf(DliTimeoutError);
      expect(error).toBeInstanceOf(DliNetworkError);
      expect((error as DliTimeoutError).timeoutMs).toBe(100);
      expect((error as Error).cause).toBeDefined();
      expect(mock.requestCount).toBe(2);
    });
  });
});

test('a connection refused names the host, the port, the root cause and the attempts, and keeps its cause', async () => {
  const port = await closedPort();
  const client = createDliClient({ endpoint: `http://127.0.0.1:${port}`, projectId: PROJECT_ID, credentials: akSk, retry: { ...FAST_RETRY, maxAttempts: 2 } });
  const error = await rejectionOf(client.listEnhancedConnections());
  expect(error).toBeInstanceOf(DliNetworkError);
  expect((error as Error).message).toContain(`GET 127.0.0.1:${port}/v2.0/${PROJECT_ID}/datasource/enhanced-connections failed: ECONNREFUSED`);
  expect((error as Error).message).toContain('(after 2 attempts)');
  expect((error as Error).cause).toMatchObject({ message: 'fetch failed' }); // undici's TypeError, from Node's realm
  expectNoSecrets(error);
});

test('Retry-After is honoured up to maxDelayMs', async () => {
  // The transport's clock is fake here: the wait is checked to the millisecond, whatever the load.
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] });
  try {
    const answers = [
      new Response('{"error_code":"APIGW.0308","error_msg":"throttled"}', { status: 429, headers: { 'retry-after': '1' } }),
      new Response('{"is_success":true,"message":"","count":0,"connections":[]}', { status: 200, headers: { 'content-type': 'application/json' } }),
    ];
    const fetch = jest.fn(() => Promise.resolve(answers.shift()!));
    const client = createDliClient({ endpoint: 'https://dli.example.com', projectId: PROJECT_ID, credentials: akSk, fetch, retry: { baseDelayMs: 1, maxDelayMs: 5_000 } });
    const listed = client.listEnhancedConnections();
    await jest.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    await listed;
    expect(fetch).toHaveBeenCalledTimes(2);
  } finally {
    jest.useRealTimers();
  }
});

test('a Retry-After beyond the deadline gives up at once', async () => {
  await withMock({ faults: { schedule: { 1: { kind: 'status', status: 429, retryAfterSeconds: 30 } } } }, async (mock) => {
    const error = await rejectionOf(clients(mock, { retry: { deadlineMs: 1_000 } }).createDliClient.listEnhancedConnections());
    expect(error).toMatchObject({ status: 429, code: 'APIGW.0308', retryAfterMs: 30_000 });
    expect(mock.requestCount).toBe(1);
  });
});

test('an unknown connection id is a not-found DliApiError (400 + DLI.0002)', async () => {
  await withMock({}, async (mock) => {
    const error = await rejectionOf(clients(mock).createDliClient.getEnhancedConnection('no-such-id'));
    expect(error).toBeInstanceOf(DliApiError);
    expect(error).toMatchObject({ status: 400, code: 'DLI.0002', isNotFound: true });
    expect(mock.requestCount).toBe(1);
  });
});

test('a body of the wrong shape is a DliResponseError, never a TypeError', async () => {
  const client = createDliClient({
    endpoint: 'https://dli.example.test',
    projectId: PROJECT_ID,
    fetch: async () => new Response('{"is_success":true,"connections":"nope"}', { status: 200 }),
  });
  const error = await rejectionOf(client.listEnhancedConnections());
  expect(error).toBeInstanceOf(DliResponseError);
  expect((error as Error).message).toContain('"connections" is not an array of objects');
  const pagerError = await rejectionOf(client.paginateEnhancedConnections().toArray({ limit: 10 }));
  expect(pagerError).toBeInstanceOf(DliResponseError);
});

test('every error class has a stable name, instanceof DliError, and a secret-free toJSON and inspect', async () => {
  await withMock({ faults: { schedule: { 1: { kind: 'status', status: 503 } } } }, async (mock) => {
    const tokenClient = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: false });
    const errors = [
      await rejectionOf(tokenClient.listEnhancedConnections()),
      await rejectionOf(createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: 'bad-token' } }).listEnhancedConnections()),
      await rejectionOf(tokenClient.listEnhancedConnections({ limit: -1 })),
    ];
    expect(errors.map((e) => (e as Error).name)).toEqual(['DliApiError', 'DliApiError', 'DliValidationError']);
    for (const error of errors) {
      expect(error).toBeInstanceOf(DliError);
      expectNoSecrets(error);
      expect(inspect(error)).not.toContain('X-Auth-Token');
    }
    expect(JSON.parse(JSON.stringify(errors[0]))).toMatchObject({ name: 'DliApiError', status: 503, code: 'DLI.0999' });
  });
});
