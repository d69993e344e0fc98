// The one transport both client surfaces send through: a fetch-compatible function that signs
// each attempt, bounds it with a timeout, retries what is safe to retry and turns answers into
// typed errors. It knows nothing of operations or pagination.
import { followSignal } from '../abort';
import { DliNetworkError, DliTimeoutError } from '../errors';
import { canonicalQueryString, parseQuery } from './canonical';
import { interpretResponse } from './response';
import { isRetryable, type RetryPolicy, retryDelayMs } from './retry';
import { type AkSkCredentials, createRequestSigner } from './sign';

/** An IAM token, sent as `X-Auth-Token`. */
export interface TokenCredentials {
  /** The IAM token (`X-Subject-Token` of `POST /v3/auth/tokens`). Never logged or put in an error. */
  token: string;
}

/** How requests are authenticated: AK/SK signing or an IAM token. */
export type DliCredentials = AkSkCredentials | TokenCredentials;

export interface TransportOptions {
  projectId: string;
  credentials: DliCredentials | undefined;
  fetch: typeof globalThis.fetch;
  headers: Record<string, string>;
  retry: RetryPolicy;
  timeoutMs: number;
}

/** A `fetch`-compatible function. */
export type Transport = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

function toOutgoing(input: RequestInfo | URL, init: RequestInit | undefined): OutgoingRequest {
  const request = typeof input === 'object' && 'method' in input ? input : undefined;
  const headers: Record<string, string> = {};
  const copy = (value: string, name: string) => (headers[name.toLowerCase()] = value);
  request?.headers.forEach(copy);
  const given = init?.headers;
  if (given instanceof Headers || Array.isArray(given)) new Headers(given).forEach(copy);
  else if (given) for (const [name, value] of Object.entries(given)) copy(value, name);
  return {
    url: request ? request.url : String(input),
    method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
    headers,
    signal: init?.signal ?? request?.signal ?? undefined,
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Builds the transport of one client. */
export function createTransport(options: TransportOptions): Transport {
  const { credentials, retry, timeoutMs } = options;
  const sign = credentials && 'ak' in credentials ? createRequestSigner(credentials) : undefined;
  const token = credentials && 'token' in credentials ? credentials.token : undefined;

  // Headers signed with AK/SK, as Huawei's SDKs sign them; everything else is sent unsigned
  // so that proxies and browsers adding headers cannot break a signature.
  const signedDefaults = { 'content-type': 'application/json', 'x-project-id': options.projectId };
  // Lower-case like the per-request headers, so that one name given twice is sent once.
  const baseHeaders: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(options.headers)) baseHeaders[name.toLowerCase()] = value;

  function prepare(request: OutgoingRequest): { url: string; headers: Record<string, string> } {
    const headers: Record<string, string> = { ...baseHeaders, ...request.headers };
    if (sign) {
      const signed = sign({ method: request.method, url: request.url, headers: signedDefaults });
      return { url: signed.url, headers: { ...headers, ...signed.headers } };
    }
    const url = new URL(request.url);
    url.search = canonicalQueryString(parseQuery(url.search));
    Object.assign(headers, signedDefaults);
    if (token !== undefined) headers['x-auth-token'] = token;
    return { url: url.href, headers };
  }

  async function attempt(request: OutgoingRequest): Promise<Response> {
    const { url, headers } = prepare(request); // fresh X-Sdk-Date for every attempt
    const { controller, release } = followSignal(request.signal);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(url, { method: request.method, headers, signal: controller.signal });
      text = await response.text();
    } catch (cause) {
      if (request.signal?.aborted) throw request.signal.reason;
      if (timedOut) throw new DliTimeoutError(timeoutMs, { cause });
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new DliNetworkError(`${request.method} ${new URL(url).pathname} failed: ${reason}`, { cause });
    } finally {
      clearTimeout(timer);
      release();
    }
    return interpretResponse(response, text);
  }

  return async function transport(input, init) {
    const request = toOutgoing(input, init);
    const deadline = Date.now() + retry.deadlineMs;
    for (let attemptNumber = 1; ; attemptNumber++) {
      try {
        return await attempt(request);
      } catch (error) {
        if (attemptNumber >= retry.maxAttempts || !isRetryable(error)) throw error;
        const delay = retryDelayMs(error, attemptNumber, retry);
        if (Date.now() + delay > deadline) throw error;
        await sleep(delay, request.signal);
      }
    }
  };
}
