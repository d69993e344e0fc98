// The HTTP server of the stand-in: CORS, request ids, auth, faults and latency around handlers.
import type { EnhancedConnection } from '@dli-sdk/types';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AuthOptions, authenticate } from './auth';
import { generateConnections, type StoredConnection } from './dataset';
import { type Fault, type FaultOptions, faultFor } from './faults';
import { handle, type Store } from './handlers';
import { seededRandom, uuid } from './random';

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
}

/** A running stand-in. */
export interface MockDli {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The connections it serves, in order. */
  connections: EnhancedConnection[];
  /** API requests received so far (preflights excluded). */
  readonly requestCount: number;
  /** URLs (path and query) of the API requests received, in order. */
  readonly requests: ReadonlyArray<{ method: string; url: string; headers: IncomingMessage['headers'] }>;
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
  return 'connection' in item ? (item) : { connection: item, tags: {} };
}

/** Starts the stand-in on 127.0.0.1. */
export async function startMockDli(options: MockDliOptions = {}): Promise<MockDli> {
  const seed = options.seed ?? 1;
  const stored =
    typeof options.connections === 'object'
      ? options.connections.map(toStored)
      : generateConnections(options.connections ?? 25, seed);
  const store: Store = {
    connections: stored,
    // A connection given without an id is listed but cannot be shown.
    byId: new Map(stored.flatMap((s) => (s.connection.id === undefined ? [] : [[s.connection.id, s] as const]))),
    ignoreOffset: options.faults?.ignoreOffset ?? false,
  };
  const auth = options.auth ?? 'none';
  const random = seededRandom(seed ^ 0x5eed);
  const requests: Array<{ method: string; url: string; headers: IncomingMessage['headers'] }> = [];
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
        response.socket?.destroy();
        return;
      case 'truncate': {
        const text = JSON.stringify({ is_success: true, message: '', count: 1, connections: [{ id: 'x' }] });
        response.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': requestId });
        response.write(text.slice(0, text.length >> 1));
        response.socket?.destroy();
        return;
      }
      case 'non-json':
        response.writeHead(200, { ...CORS_HEADERS, 'content-type': 'text/html', 'x-request-id': requestId });
        response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'not-success':
        { send(response, 200, { is_success: false, message: 'DLI.0999: Internal processing failed.' }, requestId); return; }
      case 'hang':
        return;
    }
  }

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = uuid(random).replace(/-/g, '');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS_HEADERS);
      response.end();
      return;
    }
    requestCount++;
    requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    await delay();
    if (request.method !== 'GET') { gatewayError(response, 404, 'APIGW.0101', 'The API does not exist or has not been published.', requestId); return; }
    const refused = authenticate(request, url, auth);
    if (refused) { gatewayError(response, 401, refused.code, refused.message, requestId); return; }
    const fault = faultFor(requestCount, options.faults, random);
    if (fault) { inject(fault, response, requestId); return; }
    const answer = handle(store, url);
    if (!answer) { gatewayError(response, 404, 'APIGW.0101', 'The API does not exist or has not been published.', requestId); return; }
    send(response, answer.status, answer.body, requestId);
  }
  const server = createServer((request, response) => void respond(request, response));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
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
