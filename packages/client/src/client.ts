// createDliClient: the method-style surface, built on the generated typescript-fetch API class.
import type { ListEnhancedConnectionsResponse, ShowEnhancedConnectionResponse } from '@dli-sdk/types';
import { type DliClientOptions, resolveConfig } from './config';
import {
  checkListBody,
  type ConnectionFilters,
  type ConnectionsPager,
  type ListConnectionsQuery,
  type ListPage,
  type PaginateConnectionsOptions,
  paginateConnections,
  type RequestOptions,
  validateRequestOptions,
} from './connections';
import { Configuration, EnhancedConnectionsApi } from './generated';
import { validateListQuery, validatePathSegment } from './validate';

/** A client of the DLI enhanced-connections API. */
export interface DliClient {
  /** Lists one page of connections (`limit` default 100, `offset` default 0). */
  listEnhancedConnections(query?: ListConnectionsQuery, options?: RequestOptions): Promise<ListEnhancedConnectionsResponse>;
  /** Gets one connection; an unknown id throws a DliApiError whose `isNotFound` is true. */
  getEnhancedConnection(connectionId: string, options?: RequestOptions): Promise<ShowEnhancedConnectionResponse>;
  /** Walks every connection matching `filters`, page by page, as an async iterable. */
  paginateEnhancedConnections(filters?: ConnectionFilters, options?: PaginateConnectionsOptions): ConnectionsPager;
}

/**
 * Creates a client of the DLI enhanced-connections API.
 *
 * @example
 * ```ts
 * const client = createDliClient({ region: 'cn-north-4', ...credentialsFromEnv() });
 * for await (const connection of client.paginateEnhancedConnections({ status: 'ACTIVE' })) {
 *   console.log(connection.id, connection.name);
 * }
 * ```
 */
export function createDliClient(options: DliClientOptions): DliClient {
  const { baseUrl, projectId, transport } = resolveConfig(options);
  const api = new EnhancedConnectionsApi(
    new Configuration({
      basePath: baseUrl,
      fetchApi: transport,
      // The generated runtime wraps anything fetch throws in its own FetchError; our errors
      // are already typed, so they pass through unchanged.
      middleware: [
        {
          onError: async ({ error }) => {
            throw error;
          },
        },
      ],
    }),
  );

  const listPage: ListPage = async (query, { signal, headers }) => {
    const raw = await api.listEnhancedConnectionsRaw({ project_id: projectId, ...query }, { signal, headers });
    const body = checkListBody(await raw.value(), raw.raw);
    return { body, status: raw.raw.status, requestId: raw.raw.headers.get('x-request-id') ?? undefined };
  };

  return {
    async listEnhancedConnections(query, requestOptions) {
      return (await listPage(validateListQuery(query), validateRequestOptions(requestOptions))).body;
    },
    async getEnhancedConnection(connectionId, requestOptions) {
      const connection_id = validatePathSegment('connectionId', connectionId);
      const { signal, headers } = validateRequestOptions(requestOptions);
      return api.showEnhancedConnection({ project_id: projectId, connection_id }, { signal, headers });
    },
    paginateEnhancedConnections: (filters, paginateOptions) => paginateConnections(listPage, filters, paginateOptions),
  };
}
