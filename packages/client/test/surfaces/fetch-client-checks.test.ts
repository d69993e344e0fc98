// The fetch client's checks of one call, each with the rule it states, before anything is sent;
// then the calls that pass them, against the stand-in.
import { createDliFetchClient } from '@dli-sdk/client';
import { PROJECT_ID, TEST_TOKEN, withMock } from '../helpers';

const LIST = '/v2.0/{project_id}/datasource/enhanced-connections';
const SHOW = '/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}';
const ENDPOINT = 'http://127.0.0.1:9'; // discard port: nothing may be sent
const project = { path: { project_id: PROJECT_ID } };

type Loose = (...args: unknown[]) => Promise<unknown>;
/** A method of `client` called with any arguments, as plain JavaScript may call it. */
const loosely = (client: object, method: string): Loose => (...args) => (client as Record<string, Loose>)[method](...args);
const client = createDliFetchClient({ endpoint: ENDPOINT, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } });
const GET = loosely(client, 'GET');
const request = loosely(client, 'request');

test.each([
  ['path', () => GET('/v2.0/{project_id}/jobs', { params: project }), /^path must be a path template of the API \(one of \/v2\.0\/\{project_id\}\/datasource\/enhanced-connections, \/v2\.0\/\{project_id\}\/datasource\/enhanced-connections\/\{connection_id\}\), got "\/v2\.0\/\{project_id\}\/jobs"$/],
  ['path', () => GET(42), /^path must be a path template of the API .*, got 42$/],
  ['init', () => GET(LIST, 5), /^init must be an object, got 5$/],
  ['init', () => GET(LIST, null), /^init must be an object, got null$/],
  ['body', () => GET(LIST, { params: project, body: 'x' }), /^body must not be given: GET requests have no body$/],
  ['signal', () => GET(LIST, { params: project, signal: {} }), /^signal must be an AbortSignal, got \{\}$/],
  ['baseUrl', () => GET(LIST, { params: project, baseUrl: 'https://elsewhere.example' }), /^baseUrl must be a URL on the client's endpoint origin http:\/\/127\.0\.0\.1:9: credentials are never sent elsewhere$/],
  ['baseUrl', () => GET(LIST, { params: project, baseUrl: new URL(ENDPOINT) }), /^baseUrl must be a URL on the client's endpoint origin/],
  ['baseUrl', () => GET(LIST, { params: project, baseUrl: 'http://user@127.0.0.1:9' }), /^baseUrl must not contain a user name or password$/],
  ['baseUrl', () => GET(LIST, { params: project, baseUrl: 'http://:secret@127.0.0.1:9' }), /^baseUrl must not contain a user name or password$/],
  ['params', () => GET(LIST, { params: 5 }), /^params must be an object, got 5$/],
  ['params.path', () => GET(SHOW, { params: { path: 'p' } }), /^params\.path must be an object, got "p"$/],
  ['params.path.connection_id', () => GET(SHOW, { params: project }), /^params\.path\.connection_id is required$/],
  ['params.path.project_id', () => GET(LIST, {}), /^params\.path\.project_id is required$/],
  ['params.path.project_id', () => GET(LIST), /^params\.path\.project_id is required$/],
  ['method', () => request('POST', LIST, { params: project }), /^method must be GET \(the API has no other operations\), got POST$/],
  ['method', () => request(7, LIST, { params: project }), /^method must be GET \(the API has no other operations\), got 7$/],
  ['method', () => loosely(client, 'DELETE')(SHOW, { params: project }), /^method must be GET \(the API has no other operations\), got DELETE$/],
])('%s is refused (case %#)', async (field, call, rule) => {
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ name: 'DliValidationError', field });
  expect((error as Error).message).toMatch(rule);
});

describe('calls that pass the checks', () => {
  test('request() in any case, a null signal; list data has its connections, show data is the connection', async () => {
    await withMock({ connections: 3 }, async (mock) => {
      const local = createDliFetchClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } });
      const listed = (await loosely(local, 'request')('get', LIST, { params: project, signal: null })) as { data: { connections: Array<{ id: string }> } };
      expect(listed.data.connections.map((c) => c.id)).toEqual(mock.connections.map((c) => c.id));
      const id = mock.connections[1].id;
      const shown = (await loosely(local, 'GET')(SHOW, { params: { path: { project_id: PROJECT_ID, connection_id: id } } })) as { data: { id: string; connections?: unknown } };
      expect(shown.data.id).toBe(id);
      expect(shown.data.connections).toBeUndefined();
      const asText = (await loosely(local, 'GET')(LIST, { params: project, parseAs: 'text' })) as { data: unknown };
      expect(typeof asText.data).toBe('string');
    });
  });
});
