// The transport on its own (createTransport): what it puts on the wire, and what it makes of
// answers and failures the client suites do not reach (a redirect without a body, a runtime that
// refuses a header, an abort while waiting to retry, a server echoing a secret), against the
// stand-in over real HTTP and against fetch functions that answer as a runtime can.
import { getEventListeners } from 'node:events';
import { DliAbortError, DliApiError, DliNetworkError, DliRedirectError, DliTimeoutError, DliValidationError } from '@dli-sdk/client';
import { createDliClient } from '@dli-sdk/client';
import { createRedactor } from '../../src/transport/redact';
import { DEFAULT_RETRY } from '../../src/transport/retry';
import { createTransport, type TransportOptions } from '../../src/transport/transport';
import { PROJECT_ID, TEST_TOKEN, akSk, rejectionOf, withMock } from '../helpers';

const ORIGIN = 'https://dli.example.test';
const LIST = `/v2.0/${PROJECT_ID}/datasource/enhanced-connections`;

function transportWith(overrides: Partial<TransportOptions>) {
  return createTransport({
    origin: ORIGIN,
    projectId: PROJECT_ID,
    credentials: { token: TEST_TOKEN },
    fetch: globalThis.fetch,
    headers: {},
    retry: { ...DEFAULT_RETRY, baseDelayMs: 1 },
    timeoutMs: 5_000,
    maxResponseBytes: 1 << 20,
    userAgent: undefined,
    log: undefined,
    ...overrides,
  }, createRedactor([]).excerpt);
}

type Sent = { url: string; init: RequestInit & { headers: Record<string, string> } };

/** A fetch that records each call and answers with `answer` (which may also throw). */
function fetchAnswering(answer: (sent: Sent, call: number) => Response | Promise<Response>) {
  const calls: Sent[] = [];
  const fetch = (async (url: string, init: Sent['init']) => {
    const sent = { url, init };
    calls.push(sent);
    return answer(sent, calls.length);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A fetch that goes to the network, recording what it was given. */
function recordingFetch() {
  return fetchAnswering(({ url, init }) => globalThis.fetch(url, init));
}

/** A fetch that never answers: it rejects with the signal's reason when aborted, as fetch does. */
function hangingFetch() {
  return fetchAnswering(
    ({ init }) =>
      new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error), { once: true });
      }),
  );
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('what goes on the wire', () => {
  test('with a token: Accept, Content-Type, X-Project-Id and X-Auth-Token; the query in canonical order', async () => {
    await withMock({ connections: 3 }, async (mock) => {
      const { fetch, calls } = recordingFetch();
      const response = await transportWith({ origin: mock.url, fetch })(`${mock.url}${LIST}?offset=0&limit=2`);
      expect(response.status).toBe(200);
      expect(calls[0].url).toBe(`${mock.url}${LIST}?limit=2&offset=0`);
      expect(calls[0].init.headers).toEqual({
        accept: 'application/json',
        'content-type': 'application/json',
        'x-project-id': PROJECT_ID,
        'x-auth-token': TEST_TOKEN,
      });
    });
  });

  test('without credentials no X-Auth-Token, and no User-Agent where none is given', async () => {
    await withMock({ auth: 'none' }, async (mock) => {
      const { fetch, calls } = recordingFetch();
      await transportWith({ origin: mock.url, fetch, credentials: undefined })(`${mock.url}${LIST}`);
      expect(Object.keys(calls[0].init.headers).sort()).toEqual(['accept', 'content-type', 'x-project-id']);
    });
  });

  test('a User-Agent is sent when given, and a caller\'s own header wins over it', async () => {
    const { fetch, calls } = fetchAnswering(() => json(200, { is_success: true }));
    await transportWith({ fetch, userAgent: 'dli-sdk/1.2.3' })(`${ORIGIN}${LIST}`);
    await transportWith({ fetch, userAgent: 'dli-sdk/1.2.3', headers: { 'user-agent': 'mine/1' } })(`${ORIGIN}${LIST}`);
    expect(calls.map((call) => call.init.headers['user-agent'])).toEqual(['dli-sdk/1.2.3', 'mine/1']);
  });

  test('AK/SK in a runtime without node:crypto: signed with Web Crypto, and the gateway accepts it', async () => {
    await withMock({ connections: 2 }, async (mock) => {
      const processWithBuiltins = process as { getBuiltinModule?: unknown };
      const getBuiltinModule = processWithBuiltins.getBuiltinModule;
      processWithBuiltins.getBuiltinModule = undefined; // as in a browser or an edge runtime
      let transport;
      try {
        transport = transportWith({ origin: mock.url, credentials: akSk });
      } finally {
        processWithBuiltins.getBuiltinModule = getBuiltinModule;
      }
      const response = await transport(`${mock.url}${LIST}?limit=1`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { connections: unknown[] }).connections).toHaveLength(1);
    });
  });
});

describe('answers', () => {
  test('a 2xx answer keeps its status and status text', async () => {
    const { fetch } = fetchAnswering(() => new Response('{"is_success":true}', { status: 203, statusText: 'Non-Authoritative' }));
    const response = await transportWith({ fetch })(`${ORIGIN}${LIST}`);
    expect([response.status, response.statusText, response.ok]).toEqual([203, 'Non-Authoritative', true]);
  });

  test("no listener is left on the caller's signal once a call is over, however many calls (each retried once) share it", async () => {
    const controller = new AbortController();
    const { fetch } = fetchAnswering((_, call) => (call % 2 === 1 ? json(503, { error_code: 'APIGW.0205' }, { 'retry-after': '0' }) : json(200, { is_success: true })));
    const transport = transportWith({ fetch });
    for (let call = 0; call < 12; call++) await transport(`${ORIGIN}${LIST}`, { signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('redirects are never followed, whatever form they take', () => {
  test.each([
    ['300 with a body', () => new Response('choose', { status: 300, headers: { location: 'https://elsewhere.example/a' } })],
    ['302 without a body', () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/b' } })],
    ['399', () => new Response(null, { status: 399 })],
  ])('%s', async (_, answer) => {
    const { fetch, calls } = fetchAnswering(answer);
    const error = await rejectionOf(transportWith({ fetch })(`${ORIGIN}${LIST}`));
    expect(error).toBeInstanceOf(DliRedirectError);
    expect(calls).toHaveLength(1);
    expect(calls[0].init.redirect).toBe('manual');
  });

  test("a browser's opaque redirect (redirect: 'manual' hides status and Location)", async () => {
    class OpaqueRedirect extends Response {
      override get type(): ResponseType {
        return 'opaqueredirect';
      }
    }
    const { fetch } = fetchAnswering(() => new OpaqueRedirect(null, { status: 200 }));
    const error = await rejectionOf(transportWith({ fetch })(`${ORIGIN}${LIST}`));
    expect(error).toBeInstanceOf(DliRedirectError);
    expect(error).toMatchObject({ location: undefined });
  });

  test('a 400 is an answer, not a redirect', async () => {
    const { fetch } = fetchAnswering(() => json(400, { error_code: 'DLI.0001', error_msg: 'bad' }));
    expect(await rejectionOf(transportWith({ fetch })(`${ORIGIN}${LIST}`))).toBeInstanceOf(DliApiError);
  });
});

describe('time and aborts', () => {
  test('an attempt that outlives timeoutMs fails with DliTimeoutError; its cause is the TimeoutError fetch saw', async () => {
    const { fetch } = hangingFetch();
    const error = await rejectionOf(transportWith({ fetch, timeoutMs: 30, retry: { ...DEFAULT_RETRY, maxAttempts: 1 } })(`${ORIGIN}${LIST}`));
    expect(error).toBeInstanceOf(DliTimeoutError);
    const cause = (error as { cause: DOMException }).cause;
    expect(cause.name).toBe('TimeoutError');
    expect(cause.message).toBe('timed out after 30 ms');
  });

  test.each([1, 3])("the caller's abort during an attempt is a DliAbortError, not a network error (maxAttempts %i)", async (maxAttempts) => {
    const { fetch, calls } = hangingFetch();
    const controller = new AbortController();
    const pending = rejectionOf(transportWith({ fetch, retry: { ...DEFAULT_RETRY, maxAttempts } })(`${ORIGIN}${LIST}`, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('user left')), 20);
    const error = await pending;
    expect(error).toBeInstanceOf(DliAbortError);
    expect(calls).toHaveLength(1);
  });

  test('an abort that comes with a retryable answer stops before the wait: no second attempt', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fetchAnswering(() => {
      controller.abort(new Error('user left'));
      return json(503, { error_code: 'APIGW.0205' });
    });
    const error = await rejectionOf(transportWith({ fetch })(`${ORIGIN}${LIST}`, { signal: controller.signal }));
    expect(error).toBeInstanceOf(DliAbortError);
    expect(calls).toHaveLength(1);
  });

  test('an abort while waiting to retry ends the wait: no second attempt', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fetchAnswering(() => json(503, { error_code: 'APIGW.0205' }, { 'retry-after': '3' }));
    const pending = rejectionOf(transportWith({ fetch })(`${ORIGIN}${LIST}`, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('user left')), 50);
    const error = await pending;
    expect(error).toBeInstanceOf(DliAbortError);
    expect(calls).toHaveLength(1);
  });

  test('a Retry-After that would pass the deadline ends the call at once, saying so', async () => {
    const { fetch, calls } = fetchAnswering(() => json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'retry-after': '5' }));
    const error = await rejectionOf(transportWith({ fetch, retry: { ...DEFAULT_RETRY, deadlineMs: 1_000 } })(`${ORIGIN}${LIST}`));
    expect((error as Error).message).toBe('throttled (not retried: waiting 5000 ms would pass the 1000 ms retry deadline)');
    expect(calls).toHaveLength(1);
  });

  test('after a retry, the note says both how many attempts were made and why no more were', async () => {
    const { fetch, calls } = fetchAnswering((_, call) =>
      call === 1 ? json(503, { error_code: 'APIGW.0205' }, { 'retry-after': '0' }) : json(429, { error_msg: 'throttled' }, { 'retry-after': '5' }),
    );
    const error = await rejectionOf(transportWith({ fetch, retry: { ...DEFAULT_RETRY, deadlineMs: 1_000 } })(`${ORIGIN}${LIST}`));
    expect((error as Error).message).toBe('throttled (after 2 attempts; not retried: waiting 5000 ms would pass the 1000 ms retry deadline)');
    expect(calls).toHaveLength(2);
  });
});

describe('what a runtime throws', () => {
  test('a header the runtime refuses: a DliValidationError that does not repeat the value', async () => {
    const { fetch } = fetchAnswering(() => {
      throw new TypeError('Headers.append: "secret\nvalue" is an invalid header value.');
    });
    const error = await rejectionOf(transportWith({ fetch })(`${ORIGIN}${LIST}`));
    expect(error).toBeInstanceOf(DliValidationError);
    expect((error as Error).message).toBe('headers were refused by the runtime (a name or value HTTP does not allow); value not shown');
  });

  test.each([
    ['a failed fetch that mentions a header', new TypeError('fetch failed: header overflow')],
    ['an error of another kind that mentions a header', new Error('response header too large')],
    ['a TypeError about something else', new TypeError('network unreachable')],
  ])('%s is a network error', async (_, thrown) => {
    const { fetch } = fetchAnswering(() => {
      throw thrown;
    });
    const error = await rejectionOf(transportWith({ fetch, retry: { ...DEFAULT_RETRY, maxAttempts: 1 } })(`${ORIGIN}${LIST}`));
    expect(error).toBeInstanceOf(DliNetworkError);
  });
});

describe('the attempt log', () => {
  test('one line per attempt: outcome (a status, or the error class), whole milliseconds, the retry reason', async () => {
    // The transport's clock is fake: the third answer takes 250 ms on it, the others none.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate'] });
    try {
      const lines: string[] = [];
      const answering = fetchAnswering((_, call) => {
        if (call === 1) throw new TypeError('socket hang up');
        if (call === 2) return json(503, { error_code: 'APIGW.0205' }, { 'retry-after': '0' });
        return json(200, { is_success: true });
      }).fetch;
      let calls = 0;
      const fetch: typeof globalThis.fetch = async (input, init) => {
        if (++calls === 3) await new Promise((resolve) => setTimeout(resolve, 250));
        return answering(input, init);
      };
      const sent = transportWith({ fetch, log: (line) => lines.push(line) })(`${ORIGIN}${LIST}?limit=5`);
      await jest.advanceTimersByTimeAsync(1_000);
      await sent;
      expect(lines).toHaveLength(3);
      const pattern = /^dli-sdk GET (\S+) (\S+) (\d+) ms attempt=(\d)(?: retry: (.*))?$/;
      const parsed = lines.map((line) => pattern.exec(line)!.slice(1));
      expect(parsed.map(([path]) => path)).toEqual([LIST, LIST, LIST]);
      expect(parsed.map(([, outcome]) => outcome)).toEqual(['DliNetworkError', '503', '200']);
      expect(parsed.map(([, , , attempt]) => attempt)).toEqual(['1', '2', '3']);
      expect(parsed[0][4]).toMatch(/^in \d+ ms after DliNetworkError$/);
      expect(parsed[1][4]).toBe('in 0 ms after 503');
      expect(parsed[2][4]).toBeUndefined();
      // Elapsed time of each attempt, not a clock reading.
      expect(parsed.map(([, , ms]) => ms)).toEqual(['0', '0', '250']);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('secrets a server echoes', () => {
  test('the SK and the security token are redacted from the error where it leaves the client; the AK (an id) is kept', async () => {
    const credentials = { ...akSk, securityToken: 'session-token-abc-0123456789' };
    const echo = `bad signature for ${akSk.ak} with ${akSk.sk} and ${credentials.securityToken}`;
    const { fetch } = fetchAnswering(() => json(401, { error_code: 'APIGW.0301', error_msg: echo }));
    const client = createDliClient({ endpoint: ORIGIN, projectId: PROJECT_ID, fetch, credentials });
    const error = (await rejectionOf(client.listEnhancedConnections())) as DliApiError;
    expect(error.message).toBe(`bad signature for ${akSk.ak} with [redacted] and [redacted]`);
    expect(error.body).toEqual({ error_code: 'APIGW.0301', error_msg: `bad signature for ${akSk.ak} with [redacted] and [redacted]` });
  });
});
