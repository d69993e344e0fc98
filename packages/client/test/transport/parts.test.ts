// The transport's small pure parts on their own: canonical forms, the outgoing-request check,
// network-error messages and the bounded body reader (over real Response objects).
import { DliApiError, DliResponseError } from '@dli-sdk/client';
import { createRedactor } from '../../src/transport/redact';
import { canonicalQueryString, canonicalUri, parseQuery, percentEncode } from '../../src/transport/canonical';
import { networkErrorMessage } from '../../src/transport/network-error';
import { toOutgoing } from '../../src/transport/outgoing';
import { readBody } from '../../src/transport/read-body';
import { parseRetryAfter } from '../../src/transport/retry';
import { interpretResponse } from '../../src/transport/response';
import { refusalOf } from '../helpers';

describe('canonical forms', () => {
  test.each([
    ['abc-_.~XYZ019', 'abc-_.~XYZ019'],
    ['', ''],
    ["!'()*", '%21%27%28%29%2A'],
    ['a b+c/d', 'a%20b%2Bc%2Fd'],
    ['é', '%C3%A9'],
    ['k=v&x', 'k%3Dv%26x'],
  ])('percentEncode(%j) is %j', (value, encoded) => {
    expect(percentEncode(value)).toBe(encoded);
  });

  test.each([
    ['', []],
    ['?', []],
    ['?a=1&b=2', [['a', '1'], ['b', '2']]],
    ['a=1', [['a', '1']]],
    ['?flag&empty=&&x=1=2', [['flag', ''], ['empty', ''], ['x', '1=2']]],
    ['?n%20a=v%2Fw&plus=a+b', [['n a', 'v/w'], ['plus', 'a+b']]],
    ['?bad=%E0%A4%A&pct=100%', [['bad', '%E0%A4%A'], ['pct', '100%']]],
    ['?k=1&k=2', [['k', '1'], ['k', '2']]],
  ])('parseQuery(%j)', (search, pairs) => {
    expect(parseQuery(search)).toEqual(pairs);
  });

  test('canonicalQueryString sorts by key then value and encodes both', () => {
    const pairs: Array<[string, string]> = [['b', '2'], ['a', 'y'], ['a', 'x'], ['a b', ''], ['c', "it's"], ['a', 'x']];
    expect(canonicalQueryString(pairs)).toBe("a=x&a=x&a=y&a%20b=&b=2&c=it%27s");
    expect(pairs[0]).toEqual(['b', '2']); // the caller's array is not sorted in place
    expect(canonicalQueryString([])).toBe('');
  });

  test.each([
    ['/v2.0/p/datasource/enhanced-connections', '/v2.0/p/datasource/enhanced-connections/'],
    ['/v2.0/p/datasource/enhanced-connections/', '/v2.0/p/datasource/enhanced-connections/'],
    ['/', '/'],
    ['/a%20b/c d/%41', '/a%20b/c%20d/A/'],
    ["/it's", '/it%27s/'],
  ])('canonicalUri(%j) is %j', (pathname, uri) => {
    expect(canonicalUri(pathname)).toBe(uri);
  });
});

describe('toOutgoing', () => {
  const origin = 'https://dli.example';
  const url = `${origin}/v2.0/p/datasource/enhanced-connections?limit=1`;

  test('a string URL with plain headers: GET, headers lower-cased, the signal kept', () => {
    const signal = new AbortController().signal;
    expect(toOutgoing(url, { headers: { 'X-Trace': 't' }, signal }, origin)).toEqual({ url, method: 'GET', headers: { 'x-trace': 't' }, signal });
    expect(toOutgoing(new URL(url), undefined, origin)).toEqual({ url, method: 'GET', headers: {}, signal: undefined });
    expect(toOutgoing(url, { method: 'get' }, origin).method).toBe('GET');
  });

  test('a Request gives its URL, method, headers and signal; init overrides them', () => {
    const controller = new AbortController();
    const request = new Request(url, { headers: { 'X-From-Request': 'r' }, signal: controller.signal });
    const outgoing = toOutgoing(request, undefined, origin);
    expect(outgoing).toMatchObject({ url, method: 'GET', headers: { 'x-from-request': 'r' } });
    expect(outgoing.signal?.aborted).toBe(false);
    controller.abort();
    expect(outgoing.signal?.aborted).toBe(true);
    const own = new AbortController().signal;
    expect(toOutgoing(request, { headers: { 'X-Init': 'i' }, signal: own }, origin)).toEqual({
      url,
      method: 'GET',
      headers: { 'x-from-request': 'r', 'x-init': 'i' },
      signal: own,
    });
  });

  test('a URL of the same origin in another spelling is accepted as it is', () => {
    expect(toOutgoing('https://DLI.example:443/v2.0/p', undefined, origin).url).toBe('https://DLI.example:443/v2.0/p');
    expect(toOutgoing(origin, undefined, origin).url).toBe(origin);
  });

  test('headers as pairs and as a Headers object', () => {
    expect(toOutgoing(url, { headers: [['X-A', '1'], ['X-B', '2']] }, origin).headers).toEqual({ 'x-a': '1', 'x-b': '2' });
    expect(toOutgoing(url, { headers: new Headers({ 'X-H': 'h' }) }, origin).headers).toEqual({ 'x-h': 'h' });
  });

  test.each([
    [() => toOutgoing(url, { method: 'POST' }, origin), 'method', 'must be GET (the API has no other operations), got POST'],
    [() => toOutgoing(new Request(url, { method: 'DELETE' }), undefined, origin), 'method', 'must be GET (the API has no other operations), got DELETE'],
    [() => toOutgoing(url, { body: '' }, origin), 'body', 'must not be given: GET requests have no body'],
    [() => toOutgoing(url, { body: '{}' }, origin), 'body', 'must not be given: GET requests have no body'],
    [() => toOutgoing(url, { headers: [['X-A', '1'], ['X-B']] as unknown as HeadersInit }, origin), 'headers', 'must be [name, value] pairs'],
    [() => toOutgoing('https://evil.example/steal?next=https://dli.example/', undefined, origin), 'baseUrl', "must be the client's endpoint origin https://dli.example: credentials are never sent elsewhere"],
    [() => toOutgoing('https://elsewhere.example/x', undefined, origin), 'baseUrl', "must be the client's endpoint origin https://dli.example: credentials are never sent elsewhere"],
    [() => toOutgoing(url, { headers: [['X-A', '1', 'extra']] as unknown as HeadersInit }, origin), 'headers', 'must be [name, value] pairs'],
    [() => toOutgoing(url, { headers: ['X-A'] as unknown as HeadersInit }, origin), 'headers', 'must be [name, value] pairs'],
    [() => toOutgoing(url, { headers: { 'X-A': 'a\nb' } }, origin), 'headers.X-A', 'must not contain control characters (CR, LF, NUL, ...); value not shown'],
    [() => toOutgoing(url, { headers: [['X-A', 'a\nb']] }, origin), 'headers.X-A', 'must not contain control characters (CR, LF, NUL, ...); value not shown'],
  ])('refused: %#', (check, field, rule) => {
    expect(refusalOf(check)).toEqual({ field, rule });
  });
});

describe('networkErrorMessage', () => {
  const url = 'https://dli.example/v2.0/p/datasource/enhanced-connections?limit=1';
  const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });

  test('the root code and the deepest message, with the default port of the scheme', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    expect(networkErrorMessage('GET', url, fetchFailed(cause))).toBe(
      'GET dli.example:443/v2.0/p/datasource/enhanced-connections failed: ECONNREFUSED (connect ECONNREFUSED 10.0.0.1:443)',
    );
    expect(networkErrorMessage('GET', 'http://dli.example/x', fetchFailed(cause))).toMatch(/^GET dli\.example:80\/x failed: /);
  });

  test('an explicit port is kept, IPv6 hosts get the default port after their bracket', () => {
    expect(networkErrorMessage('GET', 'http://127.0.0.1:9/x', new Error('boom'))).toBe('GET 127.0.0.1:9/x failed: network error (boom)');
    expect(networkErrorMessage('GET', 'http://[::1]/x', new Error('boom'))).toBe('GET [::1]:80/x failed: network error (boom)');
    expect(networkErrorMessage('GET', 'http://[::1]:8/x', new Error('boom'))).toBe('GET [::1]:8/x failed: network error (boom)');
  });

  test('the first address of an AggregateError (Happy Eyeballs) gives the code', () => {
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })], ''), { code: '' });
    expect(networkErrorMessage('GET', url, fetchFailed(aggregate))).toMatch(/failed: ETIMEDOUT \(fetch failed\)$/);
  });

  test('a message equal to the code is not repeated; a cyclic cause chain ends', () => {
    expect(networkErrorMessage('GET', url, fetchFailed(Object.assign(new Error('UND_ERR_SOCKET'), { code: 'UND_ERR_SOCKET' })))).toMatch(
      /failed: UND_ERR_SOCKET$/,
    );
    const cyclic: { message: string; code: string; cause?: unknown } = { message: 'loop', code: 'ELOOP' };
    cyclic.cause = cyclic;
    expect(networkErrorMessage('GET', url, cyclic)).toMatch(/failed: ELOOP \(loop\)$/);
  });

  test('a thrown non-error is rendered as a string', () => {
    expect(networkErrorMessage('GET', url, 'socket hang up')).toMatch(/failed: network error \(socket hang up\)$/);
    expect(networkErrorMessage('GET', url, { message: '' })).toMatch(/failed: network error \(\[object Object\]\)$/);
  });
});

describe('readBody', () => {
  const bytes = (n: number) => new Uint8Array(n).fill(97);
  function streamed(chunks: Uint8Array[], headers: Record<string, string> = {}) {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    return { response: new Response(body, { status: 200, headers: { 'x-request-id': 'rid', ...headers } }), cancelled: () => cancelled };
  }

  async function tooLarge(promise: Promise<unknown>): Promise<DliResponseError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DliResponseError);
    return error as DliResponseError;
  }

  test('joins the chunks of a body up to the bound exactly', async () => {
    const { response } = streamed([bytes(3), bytes(4), bytes(3)]);
    expect(await readBody(response, 10)).toEqual(bytes(10));
    expect(await readBody(new Response(bytes(5)), 5)).toEqual(bytes(5));
    expect(await readBody(new Response(null), 0)).toEqual(new Uint8Array(0));
  });

  test('stops reading one byte past the bound and cancels the stream', async () => {
    const body = streamed([bytes(6), bytes(5), bytes(100)]);
    const error = await tooLarge(readBody(body.response, 10));
    expect(error.message).toBe('response body is larger than maxResponseBytes (10 bytes; stopped reading at 11) (HTTP 200)');
    expect(error).toMatchObject({ status: 200, requestId: 'rid' });
    expect(body.cancelled()).toBe(true);
  });

  test('an honest Content-Length over the bound fails before reading; an encoded one does not count', async () => {
    const honest = streamed([bytes(20)], { 'content-length': '20' });
    expect((await tooLarge(readBody(honest.response, 10))).message).toBe('response body is larger than maxResponseBytes (10 bytes; Content-Length 20) (HTTP 200)');
    expect(honest.cancelled()).toBe(true);
    const encoded = streamed([bytes(8)], { 'content-length': '20', 'content-encoding': 'identity' });
    expect(await readBody(encoded.response, 10)).toEqual(bytes(8));
    const exact = streamed([bytes(10)], { 'content-length': '10' });
    expect(await readBody(exact.response, 10)).toEqual(bytes(10));
  });
});

describe('interpretResponse', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  function thrownBy(status: number, text: string, headers: Record<string, string> = {}): Record<string, unknown> {
    try {
      interpretResponse(new Response(null, { status, headers }), encode(text), 1, createRedactor([]).excerpt);
    } catch (error) {
      return { name: (error as Error).name, message: (error as Error).message, ...(error as object) };
    }
    throw new Error('accepted');
  }

  test('an error answer: code and message by Huawei\'s key order, empty strings skipped, request id from the header first', () => {
    const body = { error_code: '', errorCode: 'DLI.0002', error_msg: '', errorMsg: 'gone', request_id: 'from-body' };
    expect(thrownBy(404, JSON.stringify(body))).toMatchObject({ name: 'DliApiError', status: 404, code: 'DLI.0002', message: 'gone', requestId: 'from-body', body });
    expect(thrownBy(404, JSON.stringify(body), { 'x-request-id': 'from-header' })).toMatchObject({ requestId: 'from-header' });
    expect(thrownBy(400, JSON.stringify({ code: 'C', message: 'm' }))).toMatchObject({ code: 'C', message: 'm', requestId: undefined });
  });

  test('an error answer without a message says the status and an excerpt of at most 200 characters', () => {
    expect(thrownBy(502, '')).toMatchObject({ name: 'DliApiError', message: 'HTTP 502', code: undefined, body: '' });
    expect(thrownBy(502, 'x'.repeat(200))).toMatchObject({ message: `HTTP 502: ${'x'.repeat(200)}` });
    expect(thrownBy(502, 'x'.repeat(201))).toMatchObject({ message: `HTTP 502: ${'x'.repeat(200)}…` });
    expect(thrownBy(503, '[1]')).toMatchObject({ message: 'HTTP 503: [1]', body: [1] });
  });

  test('a 2xx body that is not a JSON object', () => {
    expect(thrownBy(200, 'not json')).toMatchObject({ name: 'DliResponseError', message: 'response body is not JSON (HTTP 200): "not json"' });
    expect(thrownBy(200, '[]')).toMatchObject({ name: 'DliResponseError', message: 'response body is not a JSON object (HTTP 200): "[]"' });
    expect(thrownBy(200, 'y'.repeat(201))).toMatchObject({ excerpt: `${'y'.repeat(200)}…` });
  });

  test('is_success: false is an API error, with a message even when DLI gives none', () => {
    expect(thrownBy(200, JSON.stringify({ is_success: false, request_id: 'rid' }))).toMatchObject({
      name: 'DliApiError',
      status: 200,
      message: 'DLI answered is_success: false',
      requestId: 'rid',
      code: undefined,
    });
    expect(thrownBy(200, JSON.stringify({ is_success: false, error_code: 'DLI.0001', message: 'no' }), { 'x-request-id': 'h' })).toMatchObject({
      code: 'DLI.0001',
      message: 'no',
      requestId: 'h',
    });
  });
});

test('canonicalQueryString orders many values of one key, whatever order they come in', () => {
  const values = ['d', 'b', 'e', 'a', 'c', 'b'];
  expect(canonicalQueryString(values.map((v) => ['k', v] as [string, string]))).toBe('k=a&k=b&k=b&k=c&k=d&k=e');
  expect(canonicalQueryString([...values].reverse().map((v) => ['k', v] as [string, string]))).toBe('k=a&k=b&k=b&k=c&k=d&k=e');
});

test('networkErrorMessage takes the deepest non-empty string code and message, skipping others', () => {
  const inner = { code: '', message: '', cause: 'a string cause' };
  const middle = { code: 42, message: 'middle words', cause: inner };
  const outer = Object.assign(new TypeError('fetch failed'), { code: 'EOUTER', cause: middle });
  expect(networkErrorMessage('GET', 'https://dli.example/x', outer)).toBe('GET dli.example:443/x failed: EOUTER (middle words)');
});

describe('createRedactor', () => {
  const SK = 'SK-1-long-enough-to-match-anywhere';
  const TOKEN = 'TOKEN-2-long-enough-to-match-anywhere';
  const { error: redactSecrets } = createRedactor([SK, TOKEN, undefined]);
  const apiError = (body: unknown, message = 'm') => new DliApiError({ status: 400, code: undefined, requestId: undefined, message, body });
  test('scrubs message, excerpt and a string body of our errors', () => {
    const error = redactSecrets(new DliResponseError(`got ${SK}`, { status: 200, requestId: undefined, excerpt: `${TOKEN} and ${SK}` })) as DliResponseError;
    expect(error.message).toBe('got [redacted] (HTTP 200): "[redacted] and [redacted]"');
    expect(error.excerpt).toBe('[redacted] and [redacted]');
    const api = redactSecrets(apiError(`echo ${TOKEN}${TOKEN}`)) as DliApiError;
    expect(api.body).toBe('echo [redacted][redacted]');
  });

  test('scrubs an object body at any depth, and leaves one without secrets (or null) as it was', () => {
    const echoed = redactSecrets(apiError({ a: [`x ${SK} y`, { b: TOKEN }] })) as DliApiError;
    expect(echoed.body).toEqual({ a: ['x [redacted] y', { b: '[redacted]' }] });
    const clean = { error_msg: 'undefined is not a secret' };
    const kept = redactSecrets(apiError(clean, 'undefined')) as DliApiError;
    expect(kept.body).toBe(clean);
    expect(kept.message).toBe('undefined');
    expect((redactSecrets(apiError(null)) as DliApiError).body).toBeNull();
  });

  test("another error is not ours to change: it is returned as it is", () => {
    const foreign = new TypeError(SK);
    expect(redactSecrets(foreign)).toBe(foreign);
    expect(foreign.message).toBe(SK);
    expect(redactSecrets(SK)).toBe(SK);
  });

  test('a secret shorter than 16 characters is redacted only as a whole token, never inside a word', () => {
    const { text } = createRedactor(['t', 'wrong-secret']);
    expect(text('datasource/enhanced-connections t')).toBe('datasource/enhanced-connections [redacted]');
    expect(text('token=t&x; "t"')).toBe('token=[redacted]&x; "[redacted]"');
    expect(text('the wrong-secret, wrong-secrets')).toBe('the [redacted], wrong-secrets');
  });

  test('a secret echoed in another case, or base64-encoded whole, is redacted too', () => {
    const { text } = createRedactor([TOKEN]);
    const base64 = btoa(TOKEN);
    expect(text(`${TOKEN.toLowerCase()} ${TOKEN.toUpperCase()} ${base64} ${base64.replace(/=+$/, '')}`)).toBe('[redacted] [redacted] [redacted] [redacted]');
  });

  test('an excerpt is cut after redaction, so no head of a secret survives the cut', () => {
    const { excerpt } = createRedactor([TOKEN]);
    const quoted = excerpt(`${'x'.repeat(190)}${TOKEN}`);
    expect(quoted).toBe(`${'x'.repeat(190)}[redacted]`);
    expect(excerpt('y'.repeat(201))).toBe(`${'y'.repeat(200)}…`);
  });
});

test('networkErrorMessage of a fetch that threw null, or whose cause has no message', () => {
  const url = 'https://dli.example/v2.0/p/datasource/enhanced-connections';
  expect(networkErrorMessage('GET', url, null)).toBe('GET dli.example:443/v2.0/p/datasource/enhanced-connections failed: network error (null)');
  const error = new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } });
  expect(networkErrorMessage('GET', url, error)).toBe('GET dli.example:443/v2.0/p/datasource/enhanced-connections failed: ECONNRESET (fetch failed)');
});

test('readBody refuses an honest Content-Length over the bound even when there is no body to cancel', async () => {
  const response = new Response(null, { status: 200, headers: { 'content-length': '2048' } });
  await expect(readBody(response, 1024)).rejects.toThrow('response body is larger than maxResponseBytes (1024 bytes; Content-Length 2048)');
});

test.each([
  ['1.25', 1250],
  [' 7 ', 7000],
  ['   ', undefined],
  ['xSun, 01 Jan 2099 00:00:00 GMT', undefined], // Date.parse would take it; an HTTP date opens with the day name
  ['Thu, 01 Jan 1970 00:00:10 GMT', 10_000],
])('parseRetryAfter(%j) at the epoch is %j ms', (value, ms) => {
  expect(parseRetryAfter(value, 0)).toBe(ms);
});
