// createDliClient: the method-style surface over the shared core.
import { createCore } from './core';
import type { DliClientOptions } from './options';
import type { ConnectionFilters, ConnectionsPager, PaginateOptions } from './pager';
import { type ListQuery, validatePathParameter, validateQuery } from './parameters';
import { type RequestOptions, validateRequestOptions } from './request-options';
import type { ListEnhancedConnectionsResult, ShowEnhancedConnectionResult } from './results';

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
  const core = createCore(options);
  return {
    listEnhancedConnections: (query, requestOptions) =>
      core.guard(() => core.listPage(validateQuery('listEnhancedConnections', query), validateRequestOptions(requestOptions))),
    getEnhancedConnection: (connectionId, requestOptions) =>
      core.guard(() => {
        const id = validatePathParameter('showEnhancedConnection', 'connection_id', connectionId, 'connectionId');
        return core.getConnection(id, validateRequestOptions(requestOptions));
      }),
    paginateEnhancedConnections: (filters, paginateOptions) => core.paginate(filters, paginateOptions),
  };
}
