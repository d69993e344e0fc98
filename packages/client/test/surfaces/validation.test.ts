// Bad input is refused before any request leaves, with the field and the rule in the message.
import { createDliClient, createDliFetchClient, credentialsFromEnv, DliValidationError } from '@dli-sdk/client';
import { PROJECT_ID, TEST_SK, TEST_TOKEN, akSk, expectNoSecrets, rejectionOf, withMock } from '../helpers';

const BAD_QUERIES: Array<[unknown, string]> = [
  [{ limit: -1 }, 'query.limit must be ≥ 0, got -1'],
  [{ limit: 1.5 }, 'query.limit must be an integer, got 1.5'],
  [{ limit: '10' }, 'query.limit must be an integer, got "10"'],
  [{ offset: 2 ** 31 }, 'query.offset must be ≤ 2147483647 (int32), got 2147483648'],
  [{ status: 'RUNNING' }, 'query.status must be one of ACTIVE, DELETED (any case), got "RUNNING"'],
  [{ tags: 'env' }, 'query.tags must match k=v[,k=v...]'],
  [{ tags: 'a=b,,c=d' }, 'query.tags must match k=v[,k=v...]'],
  [{ name: 42 }, 'query.name must be a string, got number'],
  [{ limt: 5 }, 'query.limt is not a parameter of listEnhancedConnections'],
];

test.each(BAD_QUERIES)('createDliClient refuses %j before the network', async (query, message) => {
  await withMock({}, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const error = await rejectionOf(client.listEnhancedConnections(query as never));
    expect(error).toBeInstanceOf(DliValidationError);
    expect((error as Error).message).toContain(message);
    expect(mock.requestCount).toBe(0);
  });
});

test.each(BAD_QUERIES)('createDliFetchClient refuses %j before the network', async (query, message) => {
  await withMock({}, async (mock) => {
    const client = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const error = await rejectionOf(
      client.GET('/v2.0/{project_id}/datasource/enhanced-connections', {
        params: { path: { project_id: PROJECT_ID }, query: query as never },
      }),
    );
    expect(error).toBeInstanceOf(DliValidationError);
    expect((error as Error).message).toContain(message.replace('query.', 'params.query.'));
    expect(mock.requestCount).toBe(0);
  });
});

test.each([
  ['', 'must not be empty'],
  ['..', 'must not be "." or ".."'],
  ['.', 'must not be "." or ".."'],
  ['a\nb', 'must not contain control characters'],
])('connection id %j is refused: %s', async (id, rule) => {
  await withMock({}, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const error = await rejectionOf(client.getEnhancedConnection(id));
    expect(error).toMatchObject({ name: 'DliValidationError', field: 'connectionId', rule });
    expect(mock.requestCount).toBe(0);
  });
});

test('client options are checked when the client is made', () => {
  const make = (options: object) => () => createDliClient({ projectId: PROJECT_ID, ...options });
  expect(make({})).toThrow('region or endpoint is required');
  expect(make({ region: 'mars-1' })).toThrow('region is not a DLI region');
  expect(make({ region: 'cn-north-4', endpoint: 'https://x.test' })).toThrow('endpoint must not be given together with region');
  expect(make({ endpoint: 'dli.example.com' })).toThrow('endpoint must be an absolute http(s) URL');
  expect(make({ endpoint: 'https://dli.example.com', projectId: '..' })).toThrow('projectId must not be "." or ".."');
  expect(make({ endpoint: 'https://dli.example.com', credentials: { ak: 'a' } })).toThrow('credentials.sk must be a string, got undefined');
  expect(make({ endpoint: 'https://dli.example.com', retry: { maxAttempts: 0 } })).toThrow('retry.maxAttempts must be an integer ≥ 1');
  expect(make({ endpoint: 'https://dli.example.com', timeoutMs: 0 })).toThrow('timeoutMs must be a number in (0, 2147483647]');
});

test('plain http with credentials is refused unless loopback or explicitly allowed', () => {
  const make = (endpoint: string, extra: object = {}) => () => createDliClient({ endpoint, projectId: PROJECT_ID, credentials: akSk, ...extra });
  let error: unknown;
  try {
    make('http://dli.example.com')();
  } catch (caught) {
    error = caught;
  }
  expect(error).toMatchObject({ field: 'endpoint' });
  expect((error as Error).message).toContain('must use https when credentials are sent');
  expectNoSecrets(error);
  expect(make('http://127.0.0.1:8080')).not.toThrow();
  expect(make('http://localhost:8080')).not.toThrow();
  expect(make('http://[::1]:8080')).not.toThrow();
  expect(make('http://dli.example.com', { allowInsecureHttp: true })).not.toThrow();
  expect(() => createDliClient({ endpoint: 'http://dli.example.com', projectId: PROJECT_ID })).not.toThrow();
});

test('credentialsFromEnv reads the HUAWEICLOUD_SDK_* variables and names a missing one', () => {
  expect(
    credentialsFromEnv({
      HUAWEICLOUD_SDK_AK: 'AK1',
      HUAWEICLOUD_SDK_SK: TEST_SK,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: 'session',
    }),
  ).toEqual({ credentials: { ak: 'AK1', sk: TEST_SK, securityToken: 'session' }, projectId: PROJECT_ID });
  expect(credentialsFromEnv({ HUAWEICLOUD_SDK_AK: 'AK1', HUAWEICLOUD_SDK_SK: TEST_SK, HUAWEICLOUD_SDK_PROJECT_ID: 'p' })).toEqual({
    credentials: { ak: 'AK1', sk: TEST_SK },
    projectId: 'p',
  });
  let error: unknown;
  try {
    credentialsFromEnv({ HUAWEICLOUD_SDK_AK: 'AK1', HUAWEICLOUD_SDK_PROJECT_ID: 'p' });
  } catch (caught) {
    error = caught;
  }
  expect(error).toMatchObject({ name: 'DliValidationError', field: 'HUAWEICLOUD_SDK_SK' });
});

test('credentialsFromEnv reads DLI_IAM_TOKEN as the CLI does, and names exactly the variable that is missing', () => {
  const project = { HUAWEICLOUD_SDK_PROJECT_ID: 'p' };
  expect(credentialsFromEnv({ ...project, DLI_IAM_TOKEN: TEST_TOKEN })).toEqual({ credentials: { token: TEST_TOKEN }, projectId: 'p' });
  // A token wins over AK/SK, as --token and DLI_IAM_TOKEN do in the CLI.
  expect(credentialsFromEnv({ ...project, DLI_IAM_TOKEN: TEST_TOKEN, HUAWEICLOUD_SDK_AK: 'AK1', HUAWEICLOUD_SDK_SK: TEST_SK }).credentials).toEqual({ token: TEST_TOKEN });
  const failure = (env: Record<string, string>) => {
    try {
      credentialsFromEnv(env);
    } catch (error) {
      return { field: (error as DliValidationError).field, message: (error as Error).message };
    }
    throw new Error('expected a DliValidationError');
  };
  expect(failure({ ...project, HUAWEICLOUD_SDK_AK: 'AK1' })).toEqual({
    field: 'HUAWEICLOUD_SDK_SK',
    message: 'HUAWEICLOUD_SDK_SK must be set in the environment (HUAWEICLOUD_SDK_AK is set without it)',
  });
  expect(failure({ ...project, HUAWEICLOUD_SDK_SK: TEST_SK }).field).toBe('HUAWEICLOUD_SDK_AK');
  expect(failure(project)).toEqual({
    field: 'HUAWEICLOUD_SDK_AK',
    message: 'HUAWEICLOUD_SDK_AK must be set in the environment with HUAWEICLOUD_SDK_SK, or an IAM token in DLI_IAM_TOKEN',
  });
  expect(failure({ DLI_IAM_TOKEN: TEST_TOKEN }).field).toBe('HUAWEICLOUD_SDK_PROJECT_ID');
  // An empty variable counts as unset (a script's empty expansion).
  expect(failure({ ...project, DLI_IAM_TOKEN: '', HUAWEICLOUD_SDK_AK: 'AK1', HUAWEICLOUD_SDK_SK: '' }).field).toBe('HUAWEICLOUD_SDK_SK');
});

test('temporary credentials send and sign X-Security-Token', async () => {
  // The stand-in requires this session token with these keys, so success proves the value; its log redacts it.
  await withMock({ auth: { credentials: [{ ...akSk, securityToken: 'session-token' }] } }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { ...akSk, securityToken: 'session-token' } });
    await client.listEnhancedConnections({ limit: 1 });
    expect(mock.requests[0].headers['x-security-token']).toBe('[redacted]');
    expect(mock.requests[0].headers.authorization).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,');
  });
});
