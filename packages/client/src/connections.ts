// What both surfaces share about the connections listing: the query they accept, the check of
// a list body's shape, and the pager built from a surface's "list one page" function.
import type {
  EnhancedConnection,
  EnhancedConnectionStatus,
  ListEnhancedConnectionsQuery,
  ListEnhancedConnectionsResponse,
} from '@dli-sdk/types';
import { DliResponseError, DliValidationError } from './errors';
import { type PaginateOptions, type Pager, paginate } from './paginate';
import { describe, isPlainObject, validateHeaders, validateListQuery } from './validate';

/** Query of the list operation. `status` is accepted in any case and sent upper-case. */
export type ListConnectionsQuery = Omit<ListEnhancedConnectionsQuery, 'status'> & {
  status?: EnhancedConnectionStatus | Lowercase<EnhancedConnectionStatus>;
};

/** Filters of a walk: the list query without `limit` and `offset`, which the pager owns. */
export type ConnectionFilters = Omit<ListConnectionsQuery, 'limit' | 'offset'>;

/** Options of one request. */
export interface RequestOptions {
  /** Cancels the request (and its retries). */
  signal?: AbortSignal;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

/** Options of a walk over all connections; `signal` and `headers` go to every page request. */
export interface PaginateConnectionsOptions extends PaginateOptions {
  /** Extra headers for every page request. */
  headers?: Record<string, string>;
}

/** The answer of one page request. */
export interface ListPageResponse {
  /** The page's body as DLI sent it. */
  body: ListEnhancedConnectionsResponse;
  /** HTTP status. */
  status: number;
  /** `X-Request-Id` of the answer. */
  requestId: string | undefined;
}

/** A walk over a project's connections. */
export type ConnectionsPager = Pager<EnhancedConnection, ListPageResponse>;

/** A surface's way to request one page. */
export type ListPage = (query: ListEnhancedConnectionsQuery, options: RequestOptions) => Promise<ListPageResponse>;

const REQUEST_OPTION_KEYS = ['signal', 'headers'];
const PAGINATE_OPTION_KEYS = ['pageSize', 'startOffset', 'maxItems', 'maxPages', 'signal', 'concurrency', 'headers'];

/** Checks a call's options: a plain object with an AbortSignal and valid headers, nothing else. */
export function validateRequestOptions(options: unknown, field = 'options'): RequestOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw new DliValidationError(field, `must be an object, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (!REQUEST_OPTION_KEYS.includes(key)) throw new DliValidationError(`${field}.${key}`, 'is not an option (expected signal, headers)');
  }
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new DliValidationError(`${field}.signal`, `must be an AbortSignal, got ${describe(signal)}`);
  }
  return { signal, headers: validateHeaders(`${field}.headers`, options.headers) };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks that a list body has the documented shape: `connections`, when present, is an array of objects. */
export function checkListBody(body: ListEnhancedConnectionsResponse, response: Response): ListEnhancedConnectionsResponse {
  const { connections } = body;
  if (connections !== undefined && !(Array.isArray(connections) && connections.every(isObject))) {
    throw new DliResponseError('response field "connections" is not an array of objects', {
      status: response.status,
      requestId: response.headers.get('x-request-id') ?? undefined,
      excerpt: JSON.stringify(connections).slice(0, 200),
    });
  }
  return body;
}

/** Builds the pager of a surface over its `listPage`. */
export function paginateConnections(
  listPage: ListPage,
  filters: ConnectionFilters = {},
  options: PaginateConnectionsOptions = {},
): ConnectionsPager {
  const query = validateListQuery(filters, 'filters');
  for (const owned of ['limit', 'offset'] as const) {
    if (owned in query) {
      throw new DliValidationError(`filters.${owned}`, 'is set by the pager: use the pageSize and startOffset options');
    }
  }
  if (!isPlainObject(options)) throw new DliValidationError('options', `must be an object, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (!PAGINATE_OPTION_KEYS.includes(key)) {
      throw new DliValidationError(`options.${key}`, `is not an option (expected one of ${PAGINATE_OPTION_KEYS.join(', ')})`);
    }
  }
  const { headers: given, ...paging } = options;
  const headers = validateHeaders('options.headers', given);
  return paginate(
    async ({ offset, limit, signal }) => {
      const response = await listPage({ ...query, offset, limit }, { signal, headers });
      return { items: response.body.connections ?? [], response };
    },
    (connection) => connection.id,
    paging,
  );
}
