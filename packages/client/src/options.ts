// The options of both client surfaces and their checks: what a caller gives becomes the base URL,
// the project and the settings of the one transport (core.ts builds it), or a DliValidationError
// naming the option and the rule.
import type { DliCredentials } from './credentials';
import { DliValidationError } from './errors';
import { DLI_REGION_ENDPOINTS, type DliRegion } from './generated/spec-facts';
import { type DliLogger, resolveLog } from './logging';
import { validatePathParameter } from './parameters';
import { MAX_TIMER_MS, resolveRetryPolicy, type RetryOptions, type RetryPolicy } from './transport/retry';
import type { TransportOptions } from './transport/transport';
import { userAgent } from './user-agent';
import { describe, isPlainObject, validateEndpoint, validateHeaders, validateSecretString } from './validate';

// Default cap of a response body, decoded: 32 MiB, some hundred times the largest page DLI sends.
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Options of {@link createDliClient} and {@link createDliFetchClient}. */
export interface DliClientOptions {
  /** Huawei Cloud region, e.g. `cn-north-4`. Give this or `endpoint`. */
  region?: DliRegion;
  /** Endpoint URL (a proxy, a private link, or the stand-in). Give this or `region`. */
  endpoint?: string;
  /** IAM project id; every request is made in this project. */
  projectId: string;
  /** AK/SK (signed with SDK-HMAC-SHA256) or an IAM token. Omit only for endpoints that need none. */
  credentials?: DliCredentials;
  /** The `fetch` to send with. Defaults to the global `fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent (unsigned) with every request. */
  headers?: Record<string, string>;
  /** Retry settings, or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /**
   * Timeout of each attempt, in milliseconds, up to 2^31 − 1. Default 30 000. The whole call is
   * bounded by `retry.deadlineMs`, which defaults to 120 000 or to `timeoutMs` when that is longer;
   * a `timeoutMs` longer than a `deadlineMs` given with it is refused.
   */
  timeoutMs?: number;
  /** Allow credentials over plain `http://` to a host that is not loopback. Default false. */
  allowInsecureHttp?: boolean;
  /**
   * Largest response body read, in bytes after decompression. Default 32 MiB. A larger body is
   * a DliResponseError (not retried), detected while reading, so memory stays bounded.
   */
  maxResponseBytes?: number;
  /** Where debug lines go when logging is on. Default: standard error. */
  logger?: DliLogger;
  /**
   * `debug` logs one line per attempt (method, path, status, ms, attempt, retry reason; never
   * headers or the query). Default: the environment variable `DLI_SDK_LOG`, else `silent`.
   */
  logLevel?: 'debug' | 'silent';
}

const OPTION_KEYS = new Set([
  'region', 'endpoint', 'projectId', 'credentials', 'fetch', 'headers', 'retry', 'timeoutMs', 'allowInsecureHttp', 'maxResponseBytes', 'logger', 'logLevel',
]);

/** Checked options: what the core of both surfaces is built from. */
export interface CheckedOptions {
  baseUrl: string;
  projectId: string;
  transport: TransportOptions;
}

const TOKEN_KEYS: ReadonlySet<string> = new Set(['token']);
const AK_SK_KEYS: ReadonlySet<string> = new Set(['ak', 'sk', 'securityToken']);

function validateCredentials(credentials: unknown): DliCredentials | undefined {
  if (credentials === undefined) return undefined;
  if (!isPlainObject(credentials)) {
    throw new DliValidationError('credentials', `must be { ak, sk, securityToken? } or { token }, got ${credentials === null ? 'null' : typeof credentials}`);
  }
  // A misspelt key must not pass silently: a lost `securityToken` would sign without the session.
  const kind = Object.hasOwn(credentials, 'token') ? TOKEN_KEYS : AK_SK_KEYS;
  for (const key of Object.keys(credentials)) {
    if (!kind.has(key)) {
      throw new DliValidationError(`credentials.${key}`, `is not a credential field (expected ${[...kind].join(', ')}; AK/SK and a token are exclusive)`);
    }
  }
  if (kind === TOKEN_KEYS) {
    return { token: validateSecretString('credentials.token', credentials.token, true) };
  }
  // The AK goes into the Authorization header; the SK only into the HMAC, as UTF-8.
  const ak = validateSecretString('credentials.ak', credentials.ak, true);
  const sk = validateSecretString('credentials.sk', credentials.sk, false);
  if (credentials.securityToken === undefined) return { ak, sk };
  return { ak, sk, securityToken: validateSecretString('credentials.securityToken', credentials.securityToken, true) };
}

function validateBound(field: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= max)) {
    throw new DliValidationError(field, `must be a number in (0, ${max}], got ${describe(value)}`);
  }
  return value;
}

/**
 * One attempt's `timeoutMs` and the call's `retry.deadlineMs` are separate limits: the deadline
 * bounds all attempts and waits together, and cuts the last attempt to the time left. Unless it is
 * given, the deadline is 120 s or one whole attempt, whichever is longer, so a long `timeoutMs` is
 * honoured, never cut silently; given both, an attempt longer than the whole call is refused.
 */
function callDeadline(retry: RetryPolicy, options: DliClientOptions, timeoutMs: number): RetryPolicy {
  const deadlineGiven = isPlainObject(options.retry) && options.retry.deadlineMs !== undefined;
  if (!deadlineGiven) return retry.deadlineMs >= timeoutMs ? retry : { ...retry, deadlineMs: timeoutMs };
  if (options.timeoutMs !== undefined && timeoutMs > retry.deadlineMs) {
    throw new DliValidationError(
      'timeoutMs',
      `must not be longer than retry.deadlineMs (${retry.deadlineMs} ms), the limit of the whole call, got ${timeoutMs}; raise the deadline or leave it out`,
    );
  }
  return retry;
}

/** Checks the options of either surface, before anything is sent. */
export function checkClientOptions(options: DliClientOptions): CheckedOptions {
  if (!isPlainObject(options)) throw new DliValidationError('options', `must be an object, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new DliValidationError(key, `is not an option (expected one of ${[...OPTION_KEYS].join(', ')})`);
  }
  // The project id is a path segment and the X-Project-Id header: it must suit both.
  const projectId = validatePathParameter('listEnhancedConnections', 'project_id', options.projectId, 'projectId');
  validateSecretString('projectId', projectId, true);
  const credentials = validateCredentials(options.credentials);
  if (options.region !== undefined && options.endpoint !== undefined) {
    throw new DliValidationError('endpoint', 'must not be given together with region');
  }
  let endpoint = options.endpoint;
  if (options.region !== undefined) {
    const regions: Record<string, string> = DLI_REGION_ENDPOINTS;
    endpoint = typeof options.region === 'string' && Object.hasOwn(regions, options.region) ? regions[options.region] : undefined;
    if (endpoint === undefined) {
      throw new DliValidationError('region', `is not a DLI region (known: ${Object.keys(regions).join(', ')}); use endpoint for others`);
    }
  }
  if (endpoint === undefined) throw new DliValidationError('region', 'or endpoint is required');
  const allowInsecureHttp = options.allowInsecureHttp ?? false;
  if (typeof allowInsecureHttp !== 'boolean') throw new DliValidationError('allowInsecureHttp', `must be a boolean, got ${describe(allowInsecureHttp)}`);
  const url = validateEndpoint(endpoint, credentials !== undefined, allowInsecureHttp);
  const timeoutMs = validateBound('timeoutMs', options.timeoutMs, 30_000, MAX_TIMER_MS);
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // At least 1 KiB, so that a cap can never hide DLI's own error answers.
  if (typeof maxResponseBytes !== 'number' || !Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1024) {
    throw new DliValidationError('maxResponseBytes', `must be an integer ≥ 1024, got ${describe(maxResponseBytes)}`);
  }
  const headers = validateHeaders('headers', options.headers);
  const retry = callDeadline(resolveRetryPolicy(options.retry), options, timeoutMs);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new DliValidationError('fetch', 'must be given where no global fetch exists');
  return {
    baseUrl: url.href.replace(/\/+$/, ''),
    projectId,
    transport: {
      origin: url.origin,
      projectId,
      credentials,
      // Called unbound: some runtimes' fetch throws "Illegal invocation" otherwise.
      fetch: (input, init) => fetchImpl(input, init),
      headers,
      retry,
      timeoutMs,
      maxResponseBytes,
      userAgent: userAgent(),
      log: resolveLog(options.logger, options.logLevel),
    },
  };
}
