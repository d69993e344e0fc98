// createDliFetchClient: the path-style surface, openapi-fetch over the generated `paths` types,
// sending through the same transport as createDliClient.
import type { paths } from '@dli-sdk/types';
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { type DliClientOptions, resolveConfig } from './config';
import {
  checkListBody,
  type ConnectionFilters,
  type ConnectionsPager,
  type ListPage,
  type PaginateConnectionsOptions,
  paginateConnections,
} from './connections';
import { validateListQuery, validatePathSegment } from './validate';

const LIST_PATH = '/v2.0/{project_id}/datasource/enhanced-connections';

/** An openapi-fetch client of the DLI API, plus the connections pager. */
export type DliFetchClient = Client<paths> & {
  /** The project every request is made in (for `params.path.project_id`). */
  readonly projectId: string;
  /** Walks every connection matching `filters`, page by page, as an async iterable. */
  paginateEnhancedConnections(filters?: ConnectionFilters, options?: PaginateConnectionsOptions): ConnectionsPager;
};

/** Rejects bad path and query parameters before the request leaves, and sends `status` upper-case. */
const validation: Middleware = {
  onRequest({ request, params }) {
    const path = (params.path ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(path)) validatePathSegment(`params.path.${name}`, value);
    if (params.query === undefined) return undefined;
    const query = validateListQuery(params.query, 'params.query');
    if (query.status === undefined || query.status === (params.query as { status?: string }).status) return undefined;
    const url = new URL(request.url);
    url.searchParams.set('status', query.status);
    return new Request(url, request);
  },
};

/**
 * Creates an openapi-fetch client whose requests are signed, retried and checked like those of
 * {@link createDliClient}. Unlike plain openapi-fetch, error answers throw a DliApiError, so
 * `data` is always set when a call returns.
 *
 * @example
 * ```ts
 * const dli = createDliFetchClient({ region: 'cn-north-4', ...credentialsFromEnv() });
 * const { data } = await dli.GET('/v2.0/{project_id}/datasource/enhanced-connections', {
 *   params: { path: { project_id: dli.projectId }, query: { limit: 10 } },
 * });
 * ```
 */
export function createDliFetchClient(options: DliClientOptions): DliFetchClient {
  const { baseUrl, projectId, transport } = resolveConfig(options);
  const client = createClient<paths>({ baseUrl, fetch: (request: Request) => transport(request) });
  client.use(validation);

  const listPage: ListPage = async (query, { signal, headers }) => {
    const { data, response } = await client.GET(LIST_PATH, {
      params: { path: { project_id: projectId }, query },
      signal,
      headers,
    });
    const body = checkListBody(data!, response);
    return { body, status: response.status, requestId: response.headers.get('x-request-id') ?? undefined };
  };

  return Object.assign(client, {
    projectId,
    paginateEnhancedConnections: (filters?: ConnectionFilters, paginateOptions?: PaginateConnectionsOptions) =>
      paginateConnections(listPage, filters, paginateOptions),
  });
}
