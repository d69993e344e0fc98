// The one core both surfaces share: checked options become one transport, and every list of a
// page and every show goes through the generated API class over it, the one place a request URL
// is built. The surfaces add only their shape.
import { EnhancedConnectionsApi } from './generated';
import { checkClientOptions, type DliClientOptions } from './options';
import { type ConnectionsPager, type ListPage, paginateConnections } from './pager';
import type { RequestOptions } from './request-options';
import { listResult, type ShowEnhancedConnectionResult, showResult } from './results';
import { createTransport, type Transport } from './transport/transport';
import { waitForConnection, type WaitResult } from './wait';

/** What a surface is built on. Parameters reach it checked. */
export interface Core {
  readonly baseUrl: string;
  readonly projectId: string;
  /** Signs, bounds, retries and turns answers into errors. */
  readonly transport: Transport;
  /** Lists one page of connections for a checked query. */
  readonly listPage: ListPage;
  /** Shows one connection by its checked id. */
  getConnection(connectionId: string, options: RequestOptions): Promise<ShowEnhancedConnectionResult>;
  /** Walks every connection matching `filters` (checked here, with the options). */
  paginate(filters: unknown, options: unknown): ConnectionsPager;
  /** Waits for the connection of a checked id (the condition and options are checked here). */
  wait(connectionId: string, condition: unknown, options: unknown): Promise<WaitResult>;
}

/** Builds the core of a surface from its options; throws a DliValidationError on a bad one. */
export function createCore(options: DliClientOptions): Core {
  const { baseUrl, projectId, transport: transportOptions } = checkClientOptions(options);
  const transport = createTransport(transportOptions);
  const api = new EnhancedConnectionsApi({ basePath: baseUrl, fetchApi: transport });

  const listPage: ListPage = async (query, { signal, headers }) => {
    const answer = await api.listEnhancedConnectionsRaw({ project_id: projectId, ...query }, { signal, headers });
    return listResult(await answer.value(), answer.raw);
  };

  const getConnection: Core['getConnection'] = async (connection_id, { signal, headers }) => {
    const answer = await api.showEnhancedConnectionRaw({ project_id: projectId, connection_id }, { signal, headers });
    return showResult(await answer.value(), answer.raw);
  };

  return {
    baseUrl,
    projectId,
    transport,
    listPage,
    getConnection,
    paginate: (filters, paginateOptions) => paginateConnections(listPage, filters, paginateOptions),
    wait: (connectionId, condition, waitOptions) => waitForConnection(getConnection, connectionId, condition, waitOptions),
  };
}
