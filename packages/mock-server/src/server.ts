// The HTTP server of the stand-in: CORS, request ids, auth, faults and latency around handlers.
import type { EnhancedConnection } from '@dli-sdk/types';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AuthOptions, authenticate } from './auth';
import { assertFetchablePort } from './bad-ports';
import { generateConnections, type StoredConnection } from './dataset';
import { type Fault, type FaultOptions, faultFor } from './faults';
import { handle, projectOf, type Store } from './handlers';
import { createLockout, type LockoutOptions } from './lockout';
import { seededRandom } from './random';
import { createTransitions, type TransitionOptions } from './transitions';

/** Options of {@link startMockDli}. */
export interface MockDliOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Host to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Seed of the generated dataset and of random faults. Default 1. */
  seed?: number;
  /** Number of generated connections (default 25), or your own connections. */
  connections?: number | Array<EnhancedConnection | StoredConnection>;
  /** Who may call: `"none"` (the default) or the keys and tokens accepted. */
  auth?: AuthOptions;
  /** Faults to inject. */
  faults?: FaultOptions;
  /** Delay before each answer, in ms: a fixed number or a `[min, max]` range. */
  latencyMs?: number | [number, number];
  /** The only project id served; requests for another get 403 `APIGW.0302`. Default: any. */
  projectId?: string;
  /**
   * The gateway's AK lock-out, off by default: `true` for the gateway's numbers (5 failed
   * signatures lock the AK for 5 minutes), or your own. A locked AK gets 401 `APIGW.0301`.
   */
  lockout?: boolean | LockoutOptions;
  /** The time in epoch ms, for the clock-skew check and the lock-out. Default `Date.now`. */
  clock?: () => number;
  /** Bindings and connections that change after a delay (`CREATING` → `ACTIVE`/`FAILED`, deletion). */
  transitions?: TransitionOptions;
}

/** One API request as the stand-in keeps it: credential headers are kept only as `[redacted]`. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

/** How many requests {@link MockDli.requests} keeps: the most recent ones, so memory stays flat. */
export const REQUEST_LOG_SIZE = 1000;

// Headers that carry a credential or a replayable signature: never kept in the request log.
const CREDENTIAL_HEADERS = ['authorization', 'x-auth-token', 'x-security-token'];

function record(request: IncomingMessage): RecordedRequest {
  const headers = { ...request.headers };
  for (const name of CREDENTIAL_HEADERS) {
    if (headers[name] === undefined) continue;
    // The scheme and signed headers of an Authorization header are not secret and help tests.
    headers[name] = name === 'authorization' ? headers[name].replace(/Signature=\S+/, 'Signature=[redacted]') : '[redacted]';
  }
  // Stryker disable next-line StringLiteral: node:http sets method and url on every request it hands a server, so the fallbacks are never read
  return { method: request.method ?? '', url: request.url ?? '', headers };
}

/** The request target as a URL, or undefined when it is not an origin-form path with a usable Host. */
function parseTarget(request: IncomingMessage): URL | undefined {
  // Stryker disable next-line StringLiteral: node:http sets url on every request it hands a server, so the fallback is never read
  const target = request.url ?? '';
  if (!target.startsWith('/')) return undefined;
  const url = `http://${request.headers.host ?? '127.0.0.1'}${target}`;
  return URL.canParse(url) ? new URL(url) : undefined;
}

/** A running stand-in. */
export interface MockDli {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The connections it serves, in order. */
  connections: EnhancedConnection[];
  /** API requests received so far (preflights excluded). */
  readonly requestCount: number;
  /** The last {@link REQUEST_LOG_SIZE} API requests received, oldest first, credentials redacted. */
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, x-sdk-date, x-project-id, x-security-token, x-auth-token, accept',
  'access-control-expose-headers': 'x-request-id, retry-after',
  'access-control-max-age': '600',
};

function toStored(item: EnhancedConnection | StoredConnection): StoredConnection {
  return 'connection' in item ? item : { connection: item, tags: {} };
}

/** Starts the stand-in on 127.0.0.1. */
export async function startMockDli(options: MockDliOptions = {}): Promise<MockDli> {
  const seed = options.seed ?? 1;
  const port = options.port ?? 0;
  const host = options.host ?? '127.0.0.1';
  assertFetchablePort(port);
  const stored =
    typeof options.connections === 'object'
      ? options.connections.map(toStored)
      : generateConnections(options.connections ?? 25, seed);
  const store: Store = {
    connections: stored,
    // A connection given without an id is listed but cannot be shown: no path names `undefined`.
    byId: new Map(stored.map((s) => [s.connection.id, s])),
    ignoreOffset: options.faults?.ignoreOffset ?? false,
  };
  const advance = createTransitions(options.transitions, store);
  const auth = options.auth ?? 'none';
  const clock = options.clock ?? Date.now;
  const lockout = options.lockout ? createLockout(options.lockout === true ? {} : options.lockout) : undefined;
  const random = seededRandom(seed ^ 0x5eed);
  const requests: RecordedRequest[] = [];
  let requestCount = 0;

  const delay = (): Promise<void> => {
    const latency = options.latencyMs;
    if (latency === undefined) return Promise.resolve();
    const ms = typeof latency === 'number' ? latency : latency[0] + random() * (latency[1] - latency[0]);
    return new Promise((resolve) => setTimeout(resolve, ms));
  };

  function send(response: ServerResponse, status: number, body: unknown, requestId: string, extra: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    response.writeHead(status, {
      ...CORS_HEADERS,
      'content-type': 'application/json;charset=UTF-8',
      'content-length': Buffer.byteLength(text),
      'x-request-id': requestId,
      ...extra,
    });
    response.end(text);
  }

  function gatewayError(response: ServerResponse, status: number, code: string, message: string, requestId: string, extra?: Record<string, string>) {
    send(response, status, { error_code: code, error_msg: message, request_id: requestId }, requestId, extra);
  }

  function inject(fault: Fault, response: ServerResponse, requestId: string): void {
    switch (fault.kind) {
      case 'status': {
        const retryAfter = fault.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(fault.retryAfterSeconds) };
        if (fault.status === 429) { gatewayError(response, 429, 'APIGW.0308', 'The throttling threshold has been reached.', requestId, retryAfter); return; }
        if (fault.status === 502) { gatewayError(response, 502, 'APIGW.0202', 'Backend unavailable.', requestId, retryAfter); return; }
        if (fault.status === 504) { gatewayError(response, 504, 'APIGW.0203', 'Backend timeout.', requestId, retryAfter); return; }
        send(response, fault.status, { error_code: 'DLI.0999', error_msg: 'Server-side error, try again later.' }, requestId, retryAfter); return;
      }
      case 'reset':
        // Stryker disable next-line OptionalChaining: a response keeps its socket until it ends, and this one has not
        response.socket?.destroy();
        return;
      case 'truncate': {
        const text = JSON.stringify({ is_success: true, message: '', count: 1, connections: [{ id: 'x' }] });
        response.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': requestId });
        // Destroyed only once the half is on its way: destroyed at once, the socket would drop it
        // unsent, and the client would see a reset instead of a short body.
        // Stryker disable next-line OptionalChaining: a response keeps its socket until it ends, and this one has not
        response.write(text.slice(0, text.length >> 1), () => response.socket?.destroy());
        return;
      }
      case 'non-json':
        response.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/html', 'x-request-id': requestId });
        response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'not-success':
        { send(response, 200, { is_success: false, message: 'DLI.0999: Internal processing failed.' }, requestId); return; }
      // Stryker disable next-line ConditionalExpression,StringLiteral: a kind no case matches also answers nothing, which is what hang means
      case 'hang':
        return;
    }
  }

  async function answer(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS);
      response.end();
      return;
    }
    requestCount++;
    requests.push(record(request));
    if (requests.length > REQUEST_LOG_SIZE) requests.shift();
    const url = parseTarget(request);
    if (!url) { gatewayError(response, 400, 'APIGW.0201', 'Bad request: malformed request target or Host.', requestId); return; }
    await delay();
    if (request.method !== 'GET') { gatewayError(response, 404, 'APIGW.0101', 'The API does not exist or has not been published.', requestId); return; }
    const refused = authenticate(request, url, auth, clock(), lockout);
    if (refused) { gatewayError(response, 401, refused.code, refused.message, requestId); return; }
    const project = projectOf(url.pathname);
    if (options.projectId !== undefined && project !== undefined && project !== options.projectId) {
      gatewayError(response, 403, 'APIGW.0302', 'The IAM user is not authorized to access this project.', requestId); return;
    }
    const fault = faultFor(requestCount, options.faults, random);
    if (fault) { inject(fault, response, requestId); return; }
    advance();
    const result = handle(store, url);
    if (!result) { gatewayError(response, 404, 'APIGW.0101', 'The API does not exist or has not been published.', requestId); return; }
    send(response, result.status, result.body, requestId);
  }

  // One bad request must never take the process down: whatever it throws ends as a 500 for it alone.
  const server = createServer((request, response) => {
    // Random in every run, as a real gateway's are: a log or support ticket never sees one twice.
    const requestId = randomUUID().replace(/-/g, '');
    answer(request, response, requestId).catch(() => {
      if (response.headersSent) response.destroy();
      else gatewayError(response, 500, 'APIGW.0201', 'Internal error of the stand-in.', requestId);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${listening}`,
    connections: stored.map((s) => s.connection),
    get requestCount() {
      return requestCount;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
