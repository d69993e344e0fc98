// One header policy: the headers the client owns for signing and authentication are refused, in
// any case, client-wide and per call, on both surfaces, in the pager and in the transport; the
// signer refuses the one it sets. Nothing is sent when a header is refused.
import { createDliClient, createDliFetchClient, DliValidationError, signRequest } from '@dli-sdk/client';
import { PROJECT_ID, TEST_TOKEN, akSk, refusalOf, rejectionOf } from '../helpers';
import { LIST_PATH, pageOf, withServer } from '../hostile';

const OWNED = ['Authorization', 'X-Sdk-Date', 'X-Security-Token', 'X-Auth-Token', 'Host', 'X-Project-Id', 'Content-Type'];
const RULE = /^must not be given: the client sets it when it signs or authenticates a request/;
// The same name as a caller might spell it.
const SPELLINGS = (name: string) => [name, name.toLowerCase(), name.toUpperCase()];
const CASES = OWNED.flatMap((name) => SPELLINGS(name).map((spelling) => [name, spelling] as const));
const CREDENTIALS = [['AK/SK', akSk], ['a token', { token: TEST_TOKEN }], ['none', undefined]] as const;

describe.each(CREDENTIALS)('credentials: %s', (_title, credentials) => {
  test.each(CASES)('%s (given as %s) client-wide is refused by both surfaces when they are made', (name, spelling) => {
    const options = { endpoint: 'http://127.0.0.1:9', projectId: PROJECT_ID, credentials, headers: { [spelling]: 'mine' } };
    expect(refusalOf(() => createDliClient(options))).toEqual({ field: `headers.${name}`, rule: expect.stringMatching(RULE) as string });
    expect(refusalOf(() => createDliFetchClient(options))).toEqual({ field: `headers.${name}`, rule: expect.stringMatching(RULE) as string });
  });

  test.each(CASES)('%s (given as %s) per call is refused on every path, before anything is sent', async (name, spelling) => {
    await withServer(
      (_req, res) => res.end(pageOf([])),
      async (server) => {
        const options = { endpoint: server.url, projectId: PROJECT_ID, credentials, retry: false as const };
        const client = createDliClient(options);
        const fetchClient = createDliFetchClient(options);
        const params = { path: { project_id: PROJECT_ID } };
        const headers = { [spelling]: 'mine' };
        const headersObject = new Headers(headers);
        const calls: Array<[string, () => Promise<unknown>]> = [
          ['options.headers', () => client.listEnhancedConnections({}, { headers })],
          ['options.headers', () => client.getEnhancedConnection('c1', { headers })],
          ['options.headers', () => client.paginateEnhancedConnections({}, { headers }).toArray({ limit: 1 })],
          ['options.headers', () => fetchClient.paginateEnhancedConnections({}, { headers }).toArray({ limit: 1 })],
          ['headers', () => fetchClient.GET(LIST_PATH, { params, headers })],
          ['headers', () => fetchClient.GET(LIST_PATH, { params, headers: headersObject })],
          ['params.header', () => fetchClient.GET(LIST_PATH, { params: { ...params, header: headers } as never })],
        ];
        for (const [field, call] of calls) {
          const error = await rejectionOf((async () => call())());
          expect(error).toBeInstanceOf(DliValidationError);
          expect(error).toMatchObject({ field: `${field}.${name}`, rule: expect.stringMatching(RULE) as string });
        }
        expect(server.received).toEqual([]);
      },
    );
  });
});

// A connection's and a message's framing: fetch would refuse these after the attempt began (a
// network error, retried) or send them wrong.
const FRAMING = ['Connection', 'Content-Length', 'Expect', 'Keep-Alive', 'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade'];
test.each(FRAMING)('%s, client-wide or per call, is refused before anything is sent: HTTP sets it', async (name) => {
  const rule = /^must not be given: HTTP sets it for each connection and message/;
  await withServer(
    (_req, res) => res.end(pageOf([])),
    async (server) => {
      const options = { endpoint: server.url, projectId: PROJECT_ID, credentials: akSk, retry: false as const };
      const headers = { [name.toLowerCase()]: 'x' };
      expect(refusalOf(() => createDliClient({ ...options, headers }))).toEqual({ field: `headers.${name}`, rule: expect.stringMatching(rule) as string });
      const error = await rejectionOf(createDliFetchClient(options).GET(LIST_PATH, { params: { path: { project_id: PROJECT_ID } }, headers }));
      expect(error).toMatchObject({ field: `headers.${name}`, rule: expect.stringMatching(rule) as string });
      expect(server.received).toEqual([]);
    },
  );
  // The signer signs any request, bodies included: framing headers are the caller's business there.
  expect(() => signRequest({ method: 'POST', url: 'https://dli.example.test/v1', headers: { [name]: '1' }, body: '{}' }, { ak: 'AK', sk: 'SK' })).not.toThrow();
});

test('a header given twice in different cases is refused, not merged', () => {
  expect(refusalOf(() => createDliClient({ endpoint: 'https://dli.example.test', projectId: PROJECT_ID, headers: { 'X-Trace': 'a', 'x-trace': 'b' } }))).toEqual({
    field: 'headers',
    rule: 'must not name a header twice (names are compared in any case)',
  });
});

test('headers the client does not own still go out, and Accept and User-Agent may be replaced', async () => {
  await withServer(
    (_req, res) => res.end(pageOf([])),
    async (server) => {
      const client = createDliClient({ endpoint: server.url, projectId: PROJECT_ID, credentials: akSk, headers: { 'X-Trace': 'client' } });
      await client.listEnhancedConnections({}, { headers: { 'user-agent': 'mine/1', Accept: 'application/json; q=1' } });
      expect(server.received[0].headers).toMatchObject({ 'x-trace': 'client', 'user-agent': 'mine/1', accept: 'application/json; q=1' });
      expect(server.received[0].headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
    },
  );
});

describe('signRequest', () => {
  const url = 'https://dli.example.test/v2.0/p/datasource/enhanced-connections';
  test.each(SPELLINGS('Authorization'))('refuses %s: the signer sets it', (spelling) => {
    expect(refusalOf(() => signRequest({ method: 'GET', url, headers: { [spelling]: 'Bearer mine' } }, akSk))).toEqual({
      field: 'request.headers.Authorization',
      rule: 'must not be given: the signer sets it',
    });
  });

  test("refuses an X-Security-Token other than the credentials' own, without showing it", () => {
    const temporary = { ...akSk, securityToken: 'session-token-of-the-key' };
    const refusal = refusalOf(() => signRequest({ method: 'GET', url, headers: { 'x-security-token': 'another-session-token' } }, temporary));
    expect(refusal.field).toBe('request.headers.X-Security-Token');
    expect(refusal.rule).not.toContain('another-session-token');
    expect(() => signRequest({ method: 'GET', url, headers: { 'X-Security-Token': 'session-token-of-the-key' } }, temporary)).not.toThrow();
  });
});
