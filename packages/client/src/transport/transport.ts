// The one transport both client surfaces send through: a fetch-compatible function that signs
// each attempt, bounds it in time and size, retries what is safe to retry and turns answers into
// typed errors. It knows nothing of operations or pagination.
import { followSignal, whenAborted } from '../abort';
import type { DliCredentials } from '../credentials';
import { DliAbortError, DliApiError, DliError, DliNetworkError, DliRedirectError, DliTimeoutError, DliValidationError } from '../errors';
import { canonicalizeSearch } from './canonical';
import { networkErrorMessage } from './network-error';
import { type OutgoingRequest, toOutgoing } from './outgoing';
import { readBody } from './read-body';
import { type Excerpt, interpretResponse, requestIdOf } from './response';
import { isRetryable, type RetryPolicy, retryDelayMs } from './retry';
import { type SignedRequest, transportSigner } from './sign';

export interface TransportOptions {
  /** The only origin requests may go to: credentials never leave it. */
  origin: string;
  projectId: string;
  credentials: DliCredentials | undefined;
  fetch: typeof globalThis.fetch;
  /** Validated, lower-case names. */
  headers: Record<string, string>;
  retry: RetryPolicy;
  timeoutMs: number;
  maxResponseBytes: number;
  /** Sent as `User-Agent` where the runtime lets it be set. */
  userAgent: string | undefined;
  /** Receives one line per attempt; undefined when logging is off. */
  log: ((line: string) => void) | undefined;
}

/** A `fetch`-compatible function. */
export type Transport = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DliAbortError(signal.reason));
      return;
    }
    const stop = signal
      ? whenAborted(signal, () => {
          clearTimeout(timer);
          reject(new DliAbortError(signal.reason));
        })
      : undefined;
    const timer = setTimeout(() => {
      stop?.();
      resolve();
    }, ms);
  });
}

// A runtime refuses a header before sending and echoes its value in the message: drop the
// message (it may hold a credential) and keep only what went wrong.
function isHeaderRefusal(error: unknown): boolean {
  return error instanceof TypeError && /header/i.test(error.message) && !/fetch failed/i.test(error.message);
}

// One log line of an attempt: method, path (no query, no headers, so nothing secret), outcome,
// time, attempt number and, when the transport tries again, why.
function attemptLine(request: OutgoingRequest, outcome: string, startedAt: number, attempt: number, retry?: string): string {
  const { pathname } = new URL(request.url);
  return `dli-sdk ${request.method} ${pathname} ${outcome} ${Date.now() - startedAt} ms attempt=${attempt}${retry ? ` retry: ${retry}` : ''}`;
}

// Every failure of an attempt is one of our errors by now (see attempt's catch).
const outcomeOf = (error: unknown) => (error instanceof DliApiError ? String(error.status) : (error as Error).name);

/**
 * Records on a final error how many attempts were made, and adds that and why it ended to the
 * message, so one line tells the whole story.
 */
function withAttempts(error: unknown, attempts: number, why?: string): unknown {
  if (!(error instanceof DliError)) return error;
  error.$metadata = { ...error.$metadata, attempts };
  const notes = [attempts > 1 ? `after ${attempts} attempts` : undefined, why].filter((note) => note !== undefined);
  if (notes.length > 0) error.message += ` (${notes.join('; ')})`;
  return error;
}

/**
 * Builds the transport of one client. `excerpt` quotes a server's text into an error, redacted
 * before it is cut; the errors themselves are redacted where they leave the client (core.ts).
 */
export function createTransport(options: TransportOptions, excerpt: Excerpt): Transport {
  const { credentials, retry, timeoutMs, maxResponseBytes, origin, log } = options;
  const sign = credentials && 'ak' in credentials ? transportSigner(credentials) : undefined;
  const token = credentials && 'token' in credentials ? credentials.token : undefined;

  // Headers signed with AK/SK, as Huawei's SDKs sign them; everything else is sent unsigned
  // so that proxies and browsers adding headers cannot break a signature.
  const signedDefaults = { 'content-type': 'application/json', 'x-project-id': options.projectId };
  const baseHeaders: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.userAgent !== undefined) baseHeaders['user-agent'] ??= options.userAgent;

  type Prepared = { url: string; headers: Record<string, string> };
  // Synchronous with node:crypto; a promise only where Web Crypto signs (browsers, edge runtimes).
  function prepare(request: OutgoingRequest): Prepared | Promise<Prepared> {
    const headers: Record<string, string> = { ...baseHeaders, ...request.headers };
    if (sign) {
      const withSignature = (signed: SignedRequest) => ({ url: signed.url, headers: { ...headers, ...signed.headers } });
      const signed = sign({ method: request.method, url: request.url, headers: signedDefaults });
      return signed instanceof Promise ? signed.then(withSignature) : withSignature(signed);
    }
    const url = new URL(request.url);
    canonicalizeSearch(url);
    Object.assign(headers, signedDefaults);
    if (token !== undefined) headers['x-auth-token'] = token;
    return { url: url.href, headers };
  }

  async function attempt(request: OutgoingRequest, attemptTimeoutMs: number, attemptNumber: number): Promise<Response> {
    const { url, headers } = await prepare(request); // fresh X-Sdk-Date for every attempt
    const { controller, release } = followSignal(request.signal);
    // Set by the timer's callback, which TypeScript's narrowing does not see.
    let timedOut = false as boolean;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`timed out after ${attemptTimeoutMs} ms`, 'TimeoutError'));
    }, attemptTimeoutMs);
    try {
      // Never follow a redirect: fetch would carry X-Auth-Token and X-Security-Token to wherever it points.
      const response = await options.fetch(url, { method: request.method, headers, signal: controller.signal, redirect: 'manual' });
      if ((response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect') {
        await response.body?.cancel().catch(() => undefined);
        throw new DliRedirectError({
          status: response.status,
          location: response.headers.get('location') ?? undefined,
          requestId: requestIdOf(response),
        });
      }
      const bytes = await readBody(response, maxResponseBytes);
      return interpretResponse(response, bytes, attemptNumber, excerpt);
    } catch (cause) {
      if (cause instanceof DliError) throw cause;
      if (request.signal?.aborted) throw new DliAbortError(request.signal.reason);
      if (timedOut) throw new DliTimeoutError(attemptTimeoutMs, { cause });
      if (isHeaderRefusal(cause)) throw new DliValidationError('headers', 'were refused by the runtime (a name or value HTTP does not allow); value not shown');
      throw new DliNetworkError(networkErrorMessage(request.method, url, cause), { cause });
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  return async function transport(input, init) {
    const request = toOutgoing(input, init, origin);
    // An aborted signal sends nothing (fetch would still open a connection for some runtimes).
    if (request.signal?.aborted) throw new DliAbortError(request.signal.reason);
    const deadline = Date.now() + retry.deadlineMs;
    for (let attemptNumber = 1; ; attemptNumber++) {
      // The last stretch of the deadline shortens the attempt, so deadlineMs is a hard limit.
      const startedAt = Date.now();
      const attemptTimeoutMs = Math.max(1, Math.min(timeoutMs, deadline - startedAt));
      try {
        const response = await attempt(request, attemptTimeoutMs, attemptNumber);
        log?.(attemptLine(request, String(response.status), startedAt, attemptNumber));
        return response;
      } catch (error) {
        const final = attemptNumber >= retry.maxAttempts || !isRetryable(error);
        const delay = final ? 0 : retryDelayMs(error, attemptNumber, retry);
        const passesDeadline = !final && delay >= deadline - Date.now();
        log?.(attemptLine(request, outcomeOf(error), startedAt, attemptNumber, final || passesDeadline ? undefined : `in ${Math.round(delay)} ms after ${outcomeOf(error)}`));
        if (final) throw withAttempts(error, attemptNumber);
        if (passesDeadline) {
          throw withAttempts(error, attemptNumber, `not retried: waiting ${Math.round(delay)} ms would pass the ${retry.deadlineMs} ms retry deadline`);
        }
        await sleep(delay, request.signal);
      }
    }
  };
}
