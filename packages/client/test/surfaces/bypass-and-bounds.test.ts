// Holes an outside review found: the pager's pageSize and startOffset past the spec's int32
// bounds, per-call fetch-client options that would bypass the client or leak a password, and a
// server echoing the token (and terminal escapes) into an error.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDliClient, createDliFetchClient, type DliApiError, DliValidationError } from '@dli-sdk/client';
import { PROJECT_ID, TEST_TOKEN, closedPort, refusalOf, rejectionOf } from '../helpers';

const LIST = '/v2.0/{project_id}/datasource/enhanced-connections';

async function clients() {
  // Nothing listens there: a check that let a request through would fail as a network error.
  const endpoint = `http://127.0.0.1:${await closedPort()}`;
  const options = { endpoint, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: false as const };
  return { endpoint, createDliClient: createDliClient(options), createDliFetchClient: createDliFetchClient(options) };
}

describe.each(['createDliClient', 'createDliFetchClient'] as const)('%s pager', (surface) => {
  test.each([
    [{ pageSize: 1e21 }, 'pageSize', 'must be ≤ 2147483647 (int32), got 1e+21'],
    [{ pageSize: 2 ** 31 }, 'pageSize', 'must be ≤ 2147483647 (int32), got 2147483648'],
    [{ startOffset: 2 ** 31 }, 'startOffset', 'must be ≤ 2147483647 (int32), got 2147483648'],
  ])('%j is refused before any request', async (options, field, rule) => {
    const client = (await clients())[surface];
    expect(refusalOf(() => client.paginateEnhancedConnections({}, options))).toEqual({ field, rule });
  });

  test('the largest int32 page size and offset are accepted', async () => {
    const client = (await clients())[surface];
    expect(() => client.paginateEnhancedConnections({}, { pageSize: 2 ** 31 - 1, startOffset: 2 ** 31 - 1 })).not.toThrow();
  });
});

describe('createDliFetchClient GET per-call options', () => {
  const params = { path: { project_id: PROJECT_ID } };

  test.each(['fetch', 'querySerializer', 'bodySerializer', 'Request', 'middleware'])('%s is refused: it would bypass the client', async (key) => {
    const client = (await clients()).createDliFetchClient;
    const error = await rejectionOf(client.GET(LIST, { params, [key]: () => 'limit=0' }));
    expect(error).toBeInstanceOf(DliValidationError);
    expect(error).toMatchObject({ field: key, rule: "must not be given per call: it would bypass the client's signing, checks and retries" });
  });

  test('a baseUrl with a user name or password is refused without repeating it', async () => {
    const { createDliFetchClient: client, endpoint } = await clients();
    const baseUrl = endpoint.replace('//', '//admin:hunter2@');
    const error = await rejectionOf(client.GET(LIST, { params, baseUrl }));
    expect(error).toMatchObject({ name: 'DliValidationError', field: 'baseUrl', rule: 'must not contain a user name or password' });
    expect((error as Error).message).not.toContain('hunter2');
  });
});

describe('what a server echoes into an error', () => {
  // A gateway that repeats the token it was sent, and decorates its message with escapes.
  async function echoing(fn: (endpoint: string) => Promise<void>) {
    const server = createServer((request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      const token = String(request.headers['x-auth-token'] ?? request.headers.authorization ?? '');
      response.end(JSON.stringify({ error_code: 'DLI.0001', error_msg: `bad token ${token} \x1b]52;c;ZXZpbA==\x07\u202eend`, echo: { token } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  test.each(['createDliClient', 'createDliFetchClient'] as const)('%s: the token is redacted, controls are escaped in the message', async (surface) => {
    await echoing(async (endpoint) => {
      const options = { endpoint, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN }, retry: false as const };
      const call =
        surface === 'createDliClient'
          ? createDliClient(options).listEnhancedConnections()
          : createDliFetchClient(options).GET(LIST, { params: { path: { project_id: PROJECT_ID } } });
      const error = await rejectionOf(call);
      expect(error).toMatchObject({ name: 'DliApiError', status: 400, code: 'DLI.0001' });
      const { message, body } = error as DliApiError;
      expect(message).toBe('bad token [redacted] \\u001b]52;c;ZXZpbA==\\u0007\\u202eend');
      expect(body).toMatchObject({ echo: { token: '[redacted]' } });
      expect(JSON.stringify(body)).not.toContain(TEST_TOKEN);
    });
  });
});
