// What a successful call returns: the body as DLI sent it, checked where the client promises a
// shape, with a non-enumerable `$metadata` (request id, HTTP status, attempts) that JSON.stringify,
// spreading and equality checks do not see.
import type { EnhancedConnection, ListEnhancedConnectionsResponse, ShowEnhancedConnectionResponse } from '@dli-sdk/types';
import { DliResponseError } from './errors';
import { attemptsOf, type Excerpt, requestIdOf } from './transport/response';
import { isPlainObject } from './validate';

/** How a successful call went. */
export interface ResponseMetadata {
  /** `X-Request-Id` of the answer, to quote to Huawei support. */
  readonly requestId: string | undefined;
  /** HTTP status of the answer. */
  readonly httpStatus: number;
  /** Attempts made, the first included (more than 1 after retries). */
  readonly attempts: number;
}

/** A page of connections: `connections` is always an array (checked), plus `$metadata`. */
export interface ListEnhancedConnectionsResult extends ListEnhancedConnectionsResponse {
  /** The connections of the page (an empty array when DLI sent none). */
  connections: EnhancedConnection[];
  /** How the call went; not enumerable, so the body keeps its shape. */
  readonly $metadata: ResponseMetadata;
}

/** One connection, plus `$metadata`. */
export interface ShowEnhancedConnectionResult extends ShowEnhancedConnectionResponse {
  /** How the call went; not enumerable, so the body keeps its shape. */
  readonly $metadata: ResponseMetadata;
}

/** Attaches `$metadata` of `response` to `body`, without making it enumerable. */
export function withMetadata<T extends object>(body: T, response: Response): T & { readonly $metadata: ResponseMetadata } {
  const $metadata: ResponseMetadata = { requestId: requestIdOf(response), httpStatus: response.status, attempts: attemptsOf(response) };
  return Object.defineProperty(body, '$metadata', { value: $metadata, enumerable: false }) as T & { readonly $metadata: ResponseMetadata };
}

/**
 * Checks a list body (`connections`, when present, is an array of objects) and attaches
 * `$metadata`; `excerpt` quotes the server's text into an error (redacted, then cut).
 */
export function listResult(body: ListEnhancedConnectionsResponse, response: Response, excerpt: Excerpt): ListEnhancedConnectionsResult {
  const { connections = [] } = body;
  if (!(Array.isArray(connections) && connections.every(isPlainObject))) {
    const error = new DliResponseError('response field "connections" is not an array of objects', {
      status: response.status,
      requestId: requestIdOf(response),
      // Parsed bodies nest at most MAX_JSON_DEPTH levels, so this cannot overflow the stack.
      excerpt: excerpt(JSON.stringify(connections)),
    });
    error.$metadata = { ...error.$metadata, attempts: attemptsOf(response) };
    throw error;
  }
  return withMetadata(Object.assign(body, { connections }), response);
}

/** Attaches `$metadata` to a show body. */
export function showResult(body: ShowEnhancedConnectionResponse, response: Response): ShowEnhancedConnectionResult {
  return withMetadata(body, response);
}
