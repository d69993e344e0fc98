// Type tests: compiled by `npm run typecheck`. Lines marked @ts-expect-error must NOT compile;
// if one ever does, tsc fails with "Unused '@ts-expect-error' directive".
import type * as Types from '@dli-sdk/types';
import {
  createDliClient,
  createDliFetchClient,
  type ConnectionsPage,
  type ConnectionsPager,
  type EnhancedConnection,
  type ListEnhancedConnectionsResult,
  type ShowEnhancedConnectionResult,
} from '../src';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_: T) => undefined;

const client = createDliClient({ region: 'cn-north-4', projectId: 'p' });
const fetchClient = createDliFetchClient({ endpoint: 'https://dli.example.com', projectId: 'p' });

async function inference() {
  // The pager's item and page types come from the generated types.
  const pager = client.paginateEnhancedConnections({ status: 'ACTIVE' });
  assertType<Equal<typeof pager, ConnectionsPager>>(true);
  for await (const connection of pager) {
    assertType<Equal<typeof connection, Types.EnhancedConnection>>(true);
    const created: number | undefined = connection.create_time;
    const privis: boolean | undefined = connection.isPrivis;
    void created, privis;
  }
  for await (const page of fetchClient.paginateEnhancedConnections().byPage()) {
    assertType<Equal<typeof page, ConnectionsPage>>(true);
    const body: Types.ListEnhancedConnectionsResponse = page.response;
    const attempts: number = page.response.$metadata.attempts;
    void body, attempts;
  }
  // What the client has verified is in the types: `connections` is an array, `$metadata` is set.
  const list = await client.listEnhancedConnections({ limit: 10, status: 'deleted' });
  assertType<Equal<typeof list, ListEnhancedConnectionsResult>>(true);
  const count: number = list.connections.length;
  const requestId: string | undefined = list.$metadata.requestId;
  const one = await client.getEnhancedConnection('id');
  assertType<Equal<typeof one, ShowEnhancedConnectionResult>>(true);
  const status: number = one.$metadata.httpStatus;
  // The fetch client throws on error answers, so `data` is never undefined.
  const { data } = await fetchClient.GET('/v2.0/{project_id}/datasource/enhanced-connections', {
    params: { path: { project_id: 'p' }, query: { limit: 5 } },
  });
  assertType<Equal<typeof data, ListEnhancedConnectionsResult>>(true);
  const shown = (await fetchClient.GET('/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}', {
    params: { path: { project_id: 'p', connection_id: 'c' } },
  })).data;
  assertType<Equal<typeof shown, ShowEnhancedConnectionResult>>(true);
  const body: Types.ListEnhancedConnectionsResponse = data;
  void body, count, requestId, status;
}

function mustNotCompile() {
  // @ts-expect-error unknown status
  client.listEnhancedConnections({ status: 'RUNNING' });
  // @ts-expect-error limit is a number
  client.listEnhancedConnections({ limit: '10' });
  // @ts-expect-error not a parameter of the operation
  client.listEnhancedConnections({ limt: 10 });
  // @ts-expect-error the pager owns limit and offset
  client.paginateEnhancedConnections({ offset: 5 });
  // @ts-expect-error toArray needs an explicit limit
  client.paginateEnhancedConnections().toArray();
  // @ts-expect-error not a region DLI serves
  createDliClient({ region: 'mars-1', projectId: 'p' });
  // @ts-expect-error projectId is required
  createDliClient({ region: 'cn-north-4' });
  // @ts-expect-error no such path in the spec
  fetchClient.GET('/v2.0/{project_id}/datasource/connections', { params: { path: { project_id: 'p' } } });
  // @ts-expect-error typo in a wire field name
  (null as unknown as EnhancedConnection).isprivis;
  // @ts-expect-error the body of the fetch client is typed too
  void (async () => (await fetchClient.GET("/v2.0/{project_id}/datasource/enhanced-connections", { params: { path: { project_id: "p" } } })).data.connectionz)();
  // @ts-expect-error the show operation has no query parameters
  fetchClient.GET('/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}', { params: { path: { project_id: 'p', connection_id: 'c' }, query: { limit: 1 } } });
}

void inference, mustNotCompile;
