// createDliFetchClient: the path-style surface, openapi-fetch over the generated `paths` types,
// sending through the core's transport; its pager is the core's, as createDliClient's is.
import type { paths, ShowEnhancedConnectionResponse } from '@dli-sdk/types';
import * as openapiFetch from 'openapi-fetch';
import type { MaybeOptionalInit, ParseAs } from 'openapi-fetch';
import { createCore } from './core';
import { DliValidationError } from './errors';
import { OPERATIONS } from './generated/spec-facts';
import type { DliClientOptions } from './options';
import type { ConnectionFilters, ConnectionsPager, PaginateOptions } from './pager';
import { type OperationId, operationAt, queryString, validatePathParameter, validateQuery } from './parameters';
import type { ListEnhancedConnectionsResult, ShowEnhancedConnectionResult } from './results';
import { describe, isPlainObject, validateHeaders } from './validate';
import type { WaitCondition, WaitOptions, WaitResult } from './wait';

// openapi-fetch's CJS build exports createClient as `exports.default` with `__esModule`; a CJS
// bundle of an ES module reads `default` as the whole exports object. Take whichever is the
// function, at call time and by property access only, so bundlers still tree-shake openapi-fetch.
type CreateClient = typeof openapiFetch.default;
function openapiCreateClient(): CreateClient {
  const candidate: unknown = openapiFetch.default;
  return typeof candidate === 'function' ? (candidate as CreateClient) : (candidate as { default: CreateClient }).default;
}

/**
 * openapi-fetch's per-call options the client refuses: each would bypass its signing, checks or
 * retries.
 */
export type DliFetchRefusedOption = 'fetch' | 'querySerializer' | 'bodySerializer' | 'pathSerializer' | 'middleware';

/**
 * Options of one {@link DliFetchClient.GET}: openapi-fetch's, less those the client refuses;
 * `headers` is an object of strings or a `Headers` (names the client owns are refused).
 */
export type DliFetchInit<Path extends keyof paths> = Omit<NonNullable<MaybeOptionalInit<paths[Path], 'get'>>, DliFetchRefusedOption | 'headers' | 'parseAs'> & {
  headers?: Record<string, string> | Headers;
};

/**
 * `data` of a GET: the checked result with `$metadata` for `parseAs: 'json'` (the default), else
 * the body as openapi-fetch reads it.
 */
export type DliFetchData<Path extends keyof paths, As extends ParseAs> = As extends 'text'
  ? string
  : As extends 'blob'
    ? Blob
    : As extends 'arrayBuffer'
      ? ArrayBuffer
      : As extends 'stream'
        ? ReadableStream<Uint8Array> | null
        : Path extends `${string}/{connection_id}`
          ? ShowEnhancedConnectionResult
          : ListEnhancedConnectionsResult;

/** An openapi-fetch client of the DLI API (GET only: the API has no other operations), plus the connections pager. */
export interface DliFetchClient {
  /**
   * Sends a GET to a path template of the API, its path and query parameters checked against the
   * spec's rules of that operation. Error answers throw, so `data` is always set; it carries
   * `$metadata`.
   */
  GET<Path extends keyof paths, As extends ParseAs = 'json'>(
    path: Path,
    init: DliFetchInit<Path> & { parseAs?: As },
  ): Promise<{ data: DliFetchData<Path, As>; response: Response }>;
  /** The project every request is made in (for `params.path.project_id`). */
  readonly projectId: string;
  /** Walks every connection matching `filters`, page by page, as an async iterable. */
  paginateEnhancedConnections(filters?: ConnectionFilters, options?: PaginateOptions): ConnectionsPager;
  /** Polls the connection until `condition` holds, as `waitForEnhancedConnection` of {@link createDliClient} does. */
  waitForEnhancedConnection(connectionId: string, condition: WaitCondition, options: WaitOptions): Promise<WaitResult>;
}

const OTHER_METHODS = ['PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

/**
 * Checks a GET's options against the rules of the operation at `pathTemplate`, before
 * openapi-fetch builds a Request (which would throw a TypeError echoing a bad header value, or a
 * URIError on a lone surrogate), and returns them with the query normalised.
 */
// openapi-fetch options that replace what the client set up: its fetch (the signing transport),
// the encoders of checked parameters (a pathSerializer could send the credentials to another
// path of the origin), and the Request class.
const BYPASSING_OPTIONS = ['fetch', 'querySerializer', 'bodySerializer', 'pathSerializer', 'headerSerializer', 'Request', 'middleware'] as const;
const PARSE_AS: readonly ParseAs[] = ['json', 'text', 'blob', 'arrayBuffer', 'stream'];

function checkGetInit(pathTemplate: unknown, init: unknown, origin: string): { operationId: OperationId; init: Record<string, unknown> } {
  const operationId = typeof pathTemplate === 'string' ? operationAt('GET', pathTemplate) : undefined;
  if (operationId === undefined) {
    const paths = Object.values(OPERATIONS).map((operation) => operation.path);
    throw new DliValidationError('path', `must be a path template of the API (one of ${paths.join(', ')}), got ${describe(pathTemplate)}`);
  }
  if (init === undefined) init = {};
  if (!isPlainObject(init)) throw new DliValidationError('init', `must be an object, got ${describe(init)}`);
  if (init.body !== undefined) throw new DliValidationError('body', 'must not be given: GET requests have no body');
  if (init.signal !== undefined && init.signal !== null && !(init.signal instanceof AbortSignal)) {
    throw new DliValidationError('signal', `must be an AbortSignal, got ${describe(init.signal)}`);
  }
  for (const key of BYPASSING_OPTIONS) {
    if (init[key] !== undefined) throw new DliValidationError(key, "must not be given per call: it would bypass the client's signing, checks and retries");
  }
  if (init.parseAs !== undefined && !PARSE_AS.includes(init.parseAs as ParseAs)) {
    throw new DliValidationError('parseAs', `must be one of ${PARSE_AS.join(', ')}, got ${describe(init.parseAs)}`);
  }
  if (init.baseUrl !== undefined) {
    const url = typeof init.baseUrl === 'string' && URL.canParse(init.baseUrl) ? new URL(init.baseUrl) : undefined;
    if (url?.origin !== origin) {
      throw new DliValidationError('baseUrl', `must be a URL on the client's endpoint origin ${origin}: credentials are never sent elsewhere`);
    }
    // fetch refuses such a URL with a TypeError that repeats the password.
    if (url.username || url.password) throw new DliValidationError('baseUrl', 'must not contain a user name or password');
  }
  validateHeaders('headers', init.headers);
  const params = init.params ?? {};
  if (!isPlainObject(params)) throw new DliValidationError('params', `must be an object, got ${describe(params)}`);
  validateHeaders('params.header', params.header);
  const path = params.path ?? {};
  if (!isPlainObject(path)) throw new DliValidationError('params.path', `must be an object, got ${describe(path)}`);
  // openapi-fetch would send a missing parameter as a literal `{name}` in the path.
  for (const name of Object.keys(OPERATIONS[operationId].pathParameters)) {
    if (!Object.hasOwn(path, name)) throw new DliValidationError(`params.path.${name}`, 'is required');
  }
  for (const [name, value] of Object.entries(path)) validatePathParameter(operationId, name, value, `params.path.${name}`);
  const query = validateQuery(operationId, params.query, 'params.query');
  return { operationId, init: { ...init, params: { ...params, query } } };
}

/**
 * Creates an openapi-fetch client whose requests are signed, retried and checked like those of
 * {@link createDliClient}. Unlike plain openapi-fetch, error answers throw a DliApiError, so
 * `data` is always set when a call returns. Only GET exists in the API; other methods reject
 * with a DliValidationError.
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
  const core = createCore(options);
  const { baseUrl, projectId, transport } = core;
  const origin = new URL(baseUrl).origin;
  const client = openapiCreateClient()<paths>({
    baseUrl,
    fetch: (request: Request) => transport(request),
    // checkGetInit has checked every parameter, so the plainest encoder does: openapi-fetch's
    // default handles every OpenAPI style, and is built anew on every call.
    querySerializer: (query: Record<string, unknown>) => queryString(query),
  });

  type Get = (path: string, init?: unknown) => Promise<{ data?: unknown; response: Response }>;
  const get = client.GET.bind(client) as unknown as Get;
  const checkedGet = (path: unknown, given?: unknown) =>
    core.guard(async () => {
      const { operationId, init } = checkGetInit(path, given, origin);
      const { data, response } = await get(path as string, init);
      // The transport has thrown on every error answer; a body read with another `parseAs` than
      // JSON is handed over as openapi-fetch read it (DliFetchData types it so).
      if (!isPlainObject(data)) return { data, response };
      const checked = operationId === 'listEnhancedConnections' ? core.listResult(data, response) : core.showResult(data as unknown as ShowEnhancedConnectionResponse, response);
      return { data: checked, response };
    });
  const refuse = (method: string) => async () => {
    throw new DliValidationError('method', `must be GET (the API has no other operations), got ${method}`);
  };
  const methods: Record<string, unknown> = { GET: checkedGet };
  for (const method of OTHER_METHODS) methods[method] = refuse(method);
  methods.request = async (method: unknown, path: string, init?: unknown) =>
    typeof method === 'string' && method.toUpperCase() === 'GET' ? checkedGet(path, init) : refuse(String(method))();

  // A new object rather than openapi-fetch's client: its use() and eject() would add middleware
  // that sees every request and answer, and the types do not offer them.
  return {
    ...methods,
    projectId,
    paginateEnhancedConnections: (filters?: ConnectionFilters, paginateOptions?: PaginateOptions) => core.paginate(filters, paginateOptions),
    waitForEnhancedConnection: (connectionId: unknown, condition: unknown, waitOptions: unknown) =>
      core.guard(() => core.wait(validatePathParameter('showEnhancedConnection', 'connection_id', connectionId, 'connectionId'), condition, waitOptions)),
  } as unknown as DliFetchClient;
}
