// createDliClient: the method-style surface, built on the generated typescript-fetch API class
// (from our own slim templates: the transport does auth, retries and errors).
import { type DliClientOptions, resolveConfig } from './config';
import { type ConnectionFilters, type ConnectionsPager, type ListPage, type ListQuery, type PaginateOptions, paginateConnections } from './connections-pager';
import { EnhancedConnectionsApi } from './generated';
import { validatePathParameter, validateQuery } from './parameters';
import { type RequestOptions, validateRequestOptions } from './request-options';
import { type ListEnhancedConnectionsResult, listResult, type ShowEnhancedConnectionResult, showResult } from './results';

/** A client of the DLI enhanced-connections API. */
export interface DliClient {
  /** Lists one page of connections (`limit` default 100, `offset` default 0). */
  listEnhancedConnections(query?: ListQuery, options?: RequestOptions): Promise<ListEnhancedConnectionsResult>;
  /** Gets one connection; an unknown id throws a DliApiError whose `isNotFound` is true. */
  getEnhancedConnection(connectionId: string, options?: RequestOptions): Promise<ShowEnhancedConnectionResult>;
  /** Walks every connection matching `filters`, page by page, as an async iterable. */
  paginateEnhancedConnections(filters?: ConnectionFilters, options?: PaginateOptions): ConnectionsPager;
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
  const api = new EnhancedConnectionsApi({ basePath: baseUrl, fetchApi: transport });

  const listPage: ListPage = async (query, { signal, headers }) => {
    const answer = await api.listEnhancedConnectionsRaw({ project_id: projectId, ...query }, { signal, headers });
    return listResult(await answer.value(), answer.raw);
  };

  return {
    async listEnhancedConnections(query, requestOptions) {
      return listPage(validateQuery('listEnhancedConnections', query), validateRequestOptions(requestOptions));
    },
    async getEnhancedConnection(connectionId, requestOptions) {
      const connection_id = validatePathParameter('showEnhancedConnection', 'connection_id', connectionId, 'connectionId');
      const { signal, headers } = validateRequestOptions(requestOptions);
      const answer = await api.showEnhancedConnectionRaw({ project_id: projectId, connection_id }, { signal, headers });
      return showResult(await answer.value(), answer.raw);
    },
    paginateEnhancedConnections: (filters, paginateOptions) => paginateConnections(listPage, filters, paginateOptions),
  };
}
