// The stand-in's request handling around the API: request targets, methods and projects it
// refuses like the gateway, the request log it keeps, its options and defaults, and its lifecycle.
import { signRequest } from '@dli-sdk/client';
import { generateConnections, type MockDli, type MockDliOptions, startMockDli } from '@dli-sdk/mock-server';
import type { EnhancedConnection } from '@dli-sdk/types';
import { type Exchange, exchange, rawExchange } from './exchange';

const PROJECT = '0123456789abcdef0123456789abcdef';
const LIST = `/v2.0/${PROJECT}/datasource/enhanced-connections`;
const REQUEST_ID = /^[0-9a-f]{32}$/;
const NOT_PUBLISHED = 'The API does not exist or has not been published.';

/** Starts a stand-in, runs `body` and closes it; each test starts its own. */
async function withMock<T>(options: MockDliOptions, body: (mock: MockDli) => Promise<T>): Promise<T> {
  const mock = await startMockDli(options);
  try {
    return await body(mock);
  } finally {
    await mock.close();
  }
}

/** The status and parsed JSON body of an answer, after checking the headers every answer has. */
function answerOf(result: Exchange): { status: number; body: Record<string, unknown> } {
  if ('error' in result) throw new Error(`expected an answer, got ${result.error}`);
  expect(result.headers).toMatchObject({
    'content-type': 'application/json;charset=UTF-8',
    'x-request-id': expect.stringMatching(REQUEST_ID) as unknown,
    'access-control-allow-origin': '*',
  });
  return { status: result.status, body: JSON.parse(result.body) as Record<string, unknown> };
}

const gatewayError = (code: string, message: string) => ({ error_code: code, error_msg: message, request_id: expect.stringMatching(REQUEST_ID) as unknown });
const idsOf = (body: Record<string, unknown>) => (body.connections as EnhancedConnection[]).map((c) => c.id);

describe('request targets', () => {
  test.each([
    ['a target that is not a path', `GET * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
    ['an absolute-form target', `GET http://127.0.0.1${LIST} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
    ['a Host that is no host', `GET ${LIST} HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n`],
  ])('%s gets 400 APIGW.0201, and the next request is served', async (_title, raw) => {
    await withMock({ connections: 2 }, async (mock) => {
      const answer = await rawExchange(mock.url, raw);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual(gatewayError('APIGW.0201', 'Bad request: malformed request target or Host.'));
      expect(mock.requestCount).toBe(1);
      expect(answerOf(await exchange(mock.url, LIST)).status).toBe(200);
    });
  });

  test('an HTTP/1.0 request without Host is served as if to 127.0.0.1', async () => {
    await withMock({ connections: 2 }, async (mock) => {
      const answer = await rawExchange(mock.url, `GET ${LIST}?limit=1 HTTP/1.0\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ count: 1, connections: [mock.connections[0]] });
    });
  });
});

describe('methods and paths', () => {
  test.each(['POST', 'DELETE', 'PUT'])('%s gets 404 APIGW.0101, as a method the gateway has not published', async (method) => {
    await withMock({ connections: 2 }, async (mock) => {
      const { status, body } = answerOf(await exchange(mock.url, LIST, { method }));
      expect({ status, body }).toEqual({ status: 404, body: gatewayError('APIGW.0101', NOT_PUBLISHED) });
      expect(mock.requests.map((r) => r.method)).toEqual([method]);
    });
  });

  test('a path of no operation gets 404 APIGW.0101', async () => {
    await withMock({ connections: 2 }, async (mock) => {
      for (const path of ['/', '/v2.0/p/nothing-here', `${LIST.replace('enhanced-connections', 'other')}/a`]) {
        expect(answerOf(await exchange(mock.url, path))).toEqual({ status: 404, body: gatewayError('APIGW.0101', NOT_PUBLISHED) });
      }
    });
  });

  test('a preflight gets 204 with the CORS headers, and is neither counted nor logged', async () => {
    await withMock({ connections: 2 }, async (mock) => {
      const result = await exchange(mock.url, LIST, { method: 'OPTIONS', headers: { origin: 'http://app.test', 'access-control-request-method': 'GET' } });
      expect(result).toMatchObject({
        status: 204,
        body: '',
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, OPTIONS',
          'access-control-allow-headers': 'authorization, content-type, x-sdk-date, x-project-id, x-security-token, x-auth-token, accept',
          'access-control-max-age': '600',
        },
      });
      expect({ count: mock.requestCount, logged: mock.requests.length }).toEqual({ count: 0, logged: 0 });
    });
  });
});

describe('projectId', () => {
  test('serves only its project: another gets 403 APIGW.0302, a path of no operation still 404', async () => {
    await withMock({ connections: 2, projectId: PROJECT }, async (mock) => {
      expect(answerOf(await exchange(mock.url, LIST)).status).toBe(200);
      expect(answerOf(await exchange(mock.url, `${LIST}/${mock.connections[0].id}`)).status).toBe(200);
      const refused = { status: 403, body: gatewayError('APIGW.0302', 'The IAM user is not authorized to access this project.') };
      expect(answerOf(await exchange(mock.url, LIST.replace(PROJECT, 'another-project')))).toEqual(refused);
      expect(answerOf(await exchange(mock.url, `/v2.0/another-project/datasource/enhanced-connections/${mock.connections[0].id}`))).toEqual(refused);
      expect(answerOf(await exchange(mock.url, '/v2.0/another-project/nothing-here')).status).toBe(404);
    });
  });

  test('without one, every project is served', async () => {
    await withMock({ connections: 2 }, async (mock) => {
      for (const project of [PROJECT, 'another-project']) {
        expect(answerOf(await exchange(mock.url, `/v2.0/${project}/datasource/enhanced-connections`)).status).toBe(200);
      }
    });
  });
});

describe('the request log', () => {
  test('keeps each request as sent, with credentials redacted but the signed headers named', async () => {
    await withMock({ connections: 2 }, async (mock) => {
      expect(mock.requests).toEqual([]);
      const url = `${mock.url}${LIST}?limit=1`;
      const signed = signRequest({ method: 'GET', url, headers: { 'X-Project-Id': PROJECT } }, { ak: 'LOGTESTAK00000000001', sk: 'log-test-secret' });
      const signature = /Signature=([0-9a-f]{64})$/.exec(signed.headers.Authorization)![1];
      await exchange(mock.url, `${LIST}?limit=1`, { headers: { ...signed.headers, 'X-Auth-Token': 'log-test-token', 'X-Security-Token': 'log-test-session' } });
      await exchange(mock.url, `${LIST}/x`, { method: 'POST' });
      expect(mock.requestCount).toBe(2);
      expect(mock.requests).toEqual([
        {
          method: 'GET',
          url: `${LIST}?limit=1`,
          headers: expect.objectContaining({
            authorization: 'SDK-HMAC-SHA256 Access=LOGTESTAK00000000001, SignedHeaders=host;x-project-id;x-sdk-date, Signature=[redacted]',
            'x-auth-token': '[redacted]',
            'x-security-token': '[redacted]',
            'x-project-id': PROJECT,
            'x-sdk-date': signed.headers['X-Sdk-Date'],
          }) as unknown,
        },
        { method: 'POST', url: `${LIST}/x`, headers: expect.not.objectContaining({ authorization: expect.anything() as unknown }) as unknown },
      ]);
      const logged = JSON.stringify(mock.requests);
      for (const secret of [signature, 'log-test-token', 'log-test-session']) expect(logged).not.toContain(secret);
    });
  });
});

describe('options', () => {
  test('by default: 25 connections of seed 1 on 127.0.0.1, paged as asked', async () => {
    await withMock({}, async (mock) => {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const expected = generateConnections(25, 1).map((s) => s.connection);
      expect(mock.connections).toEqual(expected);
      const { body } = answerOf(await exchange(mock.url, `${LIST}?limit=0&offset=5`));
      expect(body.connections).toEqual(expected.slice(5));
    });
  });

  test('seed and connections choose the dataset', async () => {
    await withMock({ seed: 7, connections: 4 }, async (mock) => {
      expect(mock.connections).toEqual(generateConnections(4, 7).map((s) => s.connection));
      expect(answerOf(await exchange(mock.url, `${LIST}?limit=0`)).body.connections).toEqual(mock.connections);
    });
    await withMock({ connections: 0 }, async (mock) => {
      expect(mock.connections).toEqual([]);
      expect(answerOf(await exchange(mock.url, LIST)).body).toEqual({ is_success: true, message: '', count: 0, connections: [] });
    });
  });

  test('offsets are honoured with faults given, and ignored with ignoreOffset', async () => {
    for (const [faults, firstOfPage] of [[{ rate: 0 }, 2], [{ ignoreOffset: false }, 2], [{ ignoreOffset: true }, 0]] as const) {
      await withMock({ connections: 5, faults }, async (mock) => {
        expect(idsOf(answerOf(await exchange(mock.url, `${LIST}?limit=2&offset=2`)).body)).toEqual([mock.connections[firstOfPage].id, mock.connections[firstOfPage + 1].id]);
      });
    }
  });

  test('your own connections: plain ones have no tags, and one without an id is listed too', async () => {
    const own: EnhancedConnection[] = [{ id: 'a b', name: 'first', status: 'ACTIVE' }, { name: 'no-id', status: 'ACTIVE' } as EnhancedConnection];
    await withMock({ connections: [...own, { connection: { id: 'tagged', name: 'tagged', status: 'DELETED' }, tags: { env: 'prod' } }] }, async (mock) => {
      expect(mock.connections).toEqual([...own, { id: 'tagged', name: 'tagged', status: 'DELETED' }]);
      expect(answerOf(await exchange(mock.url, LIST)).body.connections).toEqual(mock.connections);
      expect(idsOf(answerOf(await exchange(mock.url, `${LIST}?tags=env%3Dprod`)).body)).toEqual(['tagged']);
      expect(answerOf(await exchange(mock.url, `${LIST}/a%20b`)).body).toEqual({ is_success: true, message: '', id: 'a b', name: 'first', status: 'ACTIVE' });
    });
  });

  test('a connection that cannot be put into JSON gets its request a 500, and the stand-in serves on', async () => {
    const unserialisable = { id: 'big', create_time: 1n } as unknown as EnhancedConnection;
    await withMock({ connections: [unserialisable, { id: 'fine', name: 'fine', status: 'ACTIVE' }] }, async (mock) => {
      expect(answerOf(await exchange(mock.url, `${LIST}/big`))).toEqual({ status: 500, body: gatewayError('APIGW.0201', 'Internal error of the stand-in.') });
      expect(answerOf(await exchange(mock.url, `${LIST}/fine`)).status).toBe(200);
    });
  });
});

describe('lifecycle', () => {
  test('listens on the port asked for; one in use is an error, not a stand-in elsewhere', async () => {
    await withMock({ port: 0, connections: 1 }, async (first) => {
      const { port } = new URL(first.url);
      await expect(startMockDli({ port: Number(port), connections: 1 })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    });
  });

  test('listens on 127.0.0.1 alone: not on the IPv6 loopback', async () => {
    await withMock({ connections: 1 }, async (mock) => {
      const { port } = new URL(mock.url);
      const ipv6 = await exchange(`http://[::1]:${port}`, LIST);
      expect(ipv6).toHaveProperty('error');
    });
  });

  test('host names the address to listen on, and the URL', async () => {
    await withMock({ host: 'localhost', connections: 1 }, async (mock) => {
      expect(mock.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect(answerOf(await exchange(mock.url, LIST)).status).toBe(200);
    });
  });

  test('close() stops listening', async () => {
    const mock = await startMockDli({ connections: 1 });
    expect(answerOf(await exchange(mock.url, LIST)).status).toBe(200);
    await expect(mock.close()).resolves.toBeUndefined();
    expect(await exchange(mock.url, LIST)).toEqual({ error: 'ECONNREFUSED' });
  });
});
