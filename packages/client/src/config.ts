// Turns the options of either client surface into the base URL and the shared transport, so
// both surfaces accept exactly the same options and behave the same.
import { DliValidationError } from './errors';
import { DLI_REGION_ENDPOINTS, type DliRegion } from './generated/spec-facts';
import { resolveRetryPolicy, type RetryOptions } from './transport/retry';
import { createTransport, type DliCredentials, type Transport } from './transport/transport';
import { validateEndpoint, validatePathSegment } from './validate';

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
  /** Timeout of each attempt, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Allow credentials over plain `http://` to a host that is not loopback. Default false. */
  allowInsecureHttp?: boolean;
}

/** What both surfaces are built from. */
export interface ResolvedConfig {
  baseUrl: string;
  projectId: string;
  transport: Transport;
}

function validateCredentials(credentials: unknown): DliCredentials | undefined {
  if (credentials === undefined) return undefined;
  const given = credentials as Record<string, unknown>;
  if ('token' in given) {
    if (typeof given.token !== 'string' || given.token === '') {
      throw new DliValidationError('credentials.token', 'must be a non-empty string');
    }
    return credentials as DliCredentials;
  }
  for (const key of ['ak', 'sk'] as const) {
    if (typeof given[key] !== 'string' || given[key] === '') {
      throw new DliValidationError(`credentials.${key}`, 'must be a non-empty string (or give { token })');
    }
  }
  if (given.securityToken !== undefined && typeof given.securityToken !== 'string') {
    throw new DliValidationError('credentials.securityToken', 'must be a string');
  }
  return credentials as DliCredentials;
}

export function resolveConfig(options: DliClientOptions): ResolvedConfig {
  const projectId = validatePathSegment('projectId', options.projectId);
  const credentials = validateCredentials(options.credentials);
  if (options.region !== undefined && options.endpoint !== undefined) {
    throw new DliValidationError('endpoint', 'must not be given together with region');
  }
  let endpoint = options.endpoint;
  if (options.region !== undefined) {
    endpoint = (DLI_REGION_ENDPOINTS as Record<string, string>)[options.region];
    if (endpoint === undefined) {
      throw new DliValidationError('region', `is not a DLI region (known: ${Object.keys(DLI_REGION_ENDPOINTS).join(', ')}); use endpoint for others`);
    }
  }
  if (endpoint === undefined) throw new DliValidationError('region', 'or endpoint is required');
  const url = validateEndpoint(endpoint, credentials !== undefined, options.allowInsecureHttp ?? false);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0)) throw new DliValidationError('timeoutMs', `must be a number > 0, got ${timeoutMs}`);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new DliValidationError('fetch', 'must be given where no global fetch exists');
  return {
    baseUrl: url.href.replace(/\/+$/, ''),
    projectId,
    transport: createTransport({
      projectId,
      credentials,
      // Called unbound: some runtimes' fetch throws "Illegal invocation" otherwise.
      fetch: (input, init) => fetchImpl(input, init),
      headers: { ...options.headers },
      retry: resolveRetryPolicy(options.retry),
      timeoutMs,
    }),
  };
}
