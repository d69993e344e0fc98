// What a successful call returns: the body as DLI sent it, checked where the client promises a
// shape, with a non-enumerable `$metadata` (request id, HTTP status, attempts) that JSON.stringify,
// spreading and equality checks do not see.
import type { EnhancedConnection, ListEnhancedConnectionsResponse, ShowEnhancedConnectionResponse } from '@dli-sdk/types';
import { DliResponseError } from './errors';
import { REQUIRED_CONNECTION_FIELDS } from './generated/spec-facts';
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

// A body that is not what the types promise; `excerpt` quotes the server's text (redacted, then cut).
function responseError(message: string, response: Response, quoted: unknown, excerpt: Excerpt): DliResponseError {
  const error = new DliResponseError(message, {
    status: response.status,
    requestId: requestIdOf(response),
    // Parsed bodies nest at most MAX_JSON_DEPTH levels, so this cannot overflow the stack.
    excerpt: excerpt(JSON.stringify(quoted)),
  });
  error.$metadata = { ...error.$metadata, attempts: attemptsOf(response) };
  return error;
}

const REQUIRED = Object.entries(REQUIRED_CONNECTION_FIELDS);

/**
 * Checks that `connection` has every field the spec marks required, of its JSON type, so that
 * the types can promise them. `where` names the item in the message.
 */
function checkConnection(connection: Record<string, unknown>, where: string, response: Response, excerpt: Excerpt): void {
  for (const [field, type] of REQUIRED) {
    const value = connection[field];
    if (typeof value === type && value !== '') continue;
    const id = typeof connection.id === 'string' && connection.id !== '' ? ` (id ${JSON.stringify(connection.id)})` : '';
    const problem = value === undefined || value === null ? `has no "${field}"` : `has a "${field}" that is not a non-empty ${type}`;
    throw responseError(`${where}${id} ${problem}, which every connection carries`, response, connection, excerpt);
  }
}

/**
 * Checks a list body (`connections`, when present, is an array of objects, each with the fields
 * every connection carries) and attaches `$metadata`.
 */
export function listResult(body: ListEnhancedConnectionsResponse, response: Response, excerpt: Excerpt): ListEnhancedConnectionsResult {
  const { connections = [] } = body;
  if (!(Array.isArray(connections) && connections.every(isPlainObject))) {
    throw responseError('response field "connections" is not an array of objects', response, connections, excerpt);
  }
  connections.forEach((connection, index) => {
    checkConnection(connection, `connection ${index + 1} of the page`, response, excerpt);
  });
  return withMetadata(Object.assign(body, { connections }), response);
}

/** Checks a show body (the fields every connection carries) and attaches `$metadata`. */
export function showResult(body: ShowEnhancedConnectionResponse, response: Response, excerpt: Excerpt): ShowEnhancedConnectionResult {
  checkConnection(body, 'the connection shown', response, excerpt);
  return withMetadata(body, response);
}
