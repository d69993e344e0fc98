// createDliClient: the method-style surface over the shared core.
import { createCore } from './core';
import type { DliClientOptions } from './options';
import type { ConnectionFilters, ConnectionsPager, PaginateOptions } from './pager';
import { type ListQuery, validatePathParameter, validateQuery } from './parameters';
import { type RequestOptions, validateRequestOptions } from './request-options';
import type { ListEnhancedConnectionsResult, ShowEnhancedConnectionResult } from './results';
import type { WaitCondition, WaitOptions, WaitResult } from './wait';

/** A client of the DLI enhanced-connections API. */
export interface DliClient {
  /** Lists one page of connections (`limit` default 100, `offset` default 0). */
  listEnhancedConnections(query?: ListQuery, options?: RequestOptions): Promise<ListEnhancedConnectionsResult>;
  /** Gets one connection; an unknown id throws a DliApiError whose `isNotFound` is true. */
  getEnhancedConnection(connectionId: string, options?: RequestOptions): Promise<ShowEnhancedConnectionResult>;
  /** Walks every connection matching `filters`, page by page, as an async iterable. */
  paginateEnhancedConnections(filters?: ConnectionFilters, options?: PaginateOptions): ConnectionsPager;
  /**
   * Polls the connection until `condition` holds: one request at once, then exponential backoff
   * with jitter between `minDelayMs` and `maxDelayMs`, for at most `maxWaitMs`. A `FAILED` queue
   * or pool throws a DliWaitFailedError carrying DLI's `err_msg`; running out of time throws a
   * DliWaitTimeoutError with the last state seen; the signal aborts with a DliAbortError.
   *
   * @example
   * ```ts
   * await client.waitForEnhancedConnection(id, 'active', { maxWaitMs: 10 * 60_000 });
   * ```
   */
  waitForEnhancedConnection(connectionId: string, condition: WaitCondition, options: WaitOptions): Promise<WaitResult>;
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
    waitForEnhancedConnection: (connectionId, condition, waitOptions) =>
      core.guard(() => core.wait(validatePathParameter('showEnhancedConnection', 'connection_id', connectionId, 'connectionId'), condition, waitOptions)),
  };
}
