// The one core both surfaces share: checked options become one transport, and every list of a
// page and every show goes through the generated API class over it, the one place a request URL
// is built. It is also the one redaction boundary: every error a surface lets out passes
// `guard` (or the guarded pager), whichever layer built it. The surfaces add only their shape.
import type { AkSkCredentials, TokenCredentials } from './credentials';
import { EnhancedConnectionsApi } from './generated';
import { checkClientOptions, type DliClientOptions } from './options';
import { type ConnectionsPager, type ListPage, type PagerIterator, paginateConnections } from './pager';
import type { RequestOptions } from './request-options';
import { type ListEnhancedConnectionsResult, listResult, type ShowEnhancedConnectionResult, showResult } from './results';
import { createRedactor, type Redactor } from './transport/redact';
import type { ListEnhancedConnectionsResponse, ShowEnhancedConnectionResponse } from '@dli-sdk/types';
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
  /** Checks a list body a surface read itself, quoting the server redacted. */
  listResult(body: ListEnhancedConnectionsResponse, response: Response): ListEnhancedConnectionsResult;
  /** Checks a show body a surface read itself, quoting the server redacted. */
  showResult(body: ShowEnhancedConnectionResponse, response: Response): ShowEnhancedConnectionResult;
  /** Walks every connection matching `filters` (checked here, with the options); its errors are redacted. */
  paginate(filters: unknown, options: unknown): ConnectionsPager;
  /** Waits for the connection of a checked id (the condition and options are checked here). */
  wait(connectionId: string, condition: unknown, options: unknown): Promise<WaitResult>;
  /** Runs one surface call: whatever it throws, sync or async, leaves redacted. */
  guard<T>(call: () => T | Promise<T>): Promise<T>;
}

// Wraps a walk's iterator so that what its next() and return() reject with is redacted.
function guardedIterator<T>(iterator: PagerIterator<T>, redactor: Redactor): PagerIterator<T> {
  const redacted = (error: unknown): never => {
    throw redactor.error(error);
  };
  return {
    next: () => iterator.next().catch(redacted),
    return: async (value?: unknown) => (iterator.return ? iterator.return(value).catch(redacted) : { done: true, value: value as T }),
    [Symbol.asyncIterator]() {
      return this;
    },
    get duplicatesSkipped() {
      return iterator.duplicatesSkipped;
    },
  };
}

function guardedPager(pager: ConnectionsPager, redactor: Redactor): ConnectionsPager {
  return {
    [Symbol.asyncIterator]: () => guardedIterator(pager[Symbol.asyncIterator](), redactor),
    byPage: () => guardedIterator(pager.byPage(), redactor),
    async toArray(options) {
      try {
        return await pager.toArray(options);
      } catch (error) {
        throw redactor.error(error);
      }
    },
    get duplicatesSkipped() {
      return pager.duplicatesSkipped;
    },
  };
}

/** Builds the core of a surface from its options; throws a DliValidationError on a bad one. */
export function createCore(options: DliClientOptions): Core {
  const { baseUrl, projectId, transport: transportOptions } = checkClientOptions(options);
  // What no error may show, even when a server echoes it back (the AK is an id, not a secret).
  const { sk, securityToken, token } = (transportOptions.credentials ?? {}) as Partial<AkSkCredentials & TokenCredentials>;
  const redactor = createRedactor([sk, securityToken, token]);
  const transport = createTransport(transportOptions, redactor.excerpt);
  const api = new EnhancedConnectionsApi({ basePath: baseUrl, fetchApi: transport });

  const listPage: ListPage = async (query, { signal, headers }) => {
    const answer = await api.listEnhancedConnectionsRaw({ project_id: projectId, ...query }, { signal, headers });
    return listResult(await answer.value(), answer.raw, redactor.excerpt);
  };

  const getConnection: Core['getConnection'] = async (connection_id, { signal, headers }) => {
    const answer = await api.showEnhancedConnectionRaw({ project_id: projectId, connection_id }, { signal, headers });
    return showResult(await answer.value(), answer.raw, redactor.excerpt);
  };

  return {
    baseUrl,
    projectId,
    transport,
    listPage,
    getConnection,
    listResult: (body, response) => listResult(body, response, redactor.excerpt),
    showResult: (body, response) => showResult(body, response, redactor.excerpt),
    paginate(filters, paginateOptions) {
      try {
        return guardedPager(paginateConnections(listPage, filters, paginateOptions), redactor);
      } catch (error) {
        throw redactor.error(error);
      }
    },
    wait: (connectionId, condition, waitOptions) => waitForConnection(getConnection, connectionId, condition, waitOptions),
    async guard(call) {
      try {
        return await call();
      } catch (error) {
        throw redactor.error(error);
      }
    },
  };
}
