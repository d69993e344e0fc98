// The one redaction boundary: whatever error class a call ends in and whichever layer built it,
// no view of the error (message, stack, toJSON, util.inspect, each field, its cause) shows a
// secret or a fragment of one, whether the server echoed it raw, JSON-escaped or percent-encoded,
// in its body, a header or a redirect.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import {
  createDliClient,
  createDliFetchClient,
  DliAbortError,
  DliApiError,
  type DliClientOptions,
  type DliCredentials,
  DliError,
  DliNetworkError,
  DliPaginationError,
  DliRedirectError,
  DliResponseError,
  DliTimeoutError,
  DliValidationError,
  DliWaitFailedError,
  DliWaitTimeoutError,
} from '@dli-sdk/client';
import { MAX_JSON_DEPTH } from '../../src/transport/response';
import { PROJECT_ID, rejectionOf } from '../helpers';
import { type Hostile, LIST_PATH, serve } from '../hostile';

// Secrets with the characters each encoding changes: " \ / space % + and one outside ASCII.
const SK = 'sK"q\\b/s p%c+é-4f7a9c21d08e6b35';
const SECURITY_TOKEN = 'STS"sess\\ion/tok en%+-93be17c0a4d2f865';
const TOKEN = 'MIIT"tok\\en/i am%+-0d5b8e2f7c9a1346';
const AK = 'REDACTIONTESTAK00001';

const FORMS: Array<[string, (secret: string) => string]> = [
  ['raw', (secret) => secret],
  ['JSON-escaped', (secret) => JSON.stringify(secret).slice(1, -1)],
  ['percent-encoded', (secret) => encodeURIComponent(secret)],
];
const SECRETS: Array<[string, string, DliCredentials]> = [
  ['the SK', SK, { ak: AK, sk: SK, securityToken: SECURITY_TOKEN }],
  ['the security token', SECURITY_TOKEN, { ak: AK, sk: SK, securityToken: SECURITY_TOKEN }],
  ['the IAM token', TOKEN, { token: TOKEN }],
];

// Every run of 8 characters of a secret in each of its forms: none may be visible.
const FRAGMENT = 8;
function fragments(secret: string): string[] {
  const found = new Set<string>();
  for (const [, form] of FORMS) {
    const text = form(secret);
    for (let i = 0; i + FRAGMENT <= text.length; i++) found.add(text.slice(i, i + FRAGMENT));
  }
  return [...found];
}
const ALL_FRAGMENTS = [SK, SECURITY_TOKEN, TOKEN].flatMap(fragments);

/** Every way the error can be seen, each field on its own included. */
function views(error: unknown): string[] {
  const fields = Object.getOwnPropertyNames(error).map((key) => inspect((error as Record<string, unknown>)[key], { depth: Infinity, showHidden: true }));
  return [
    String(error),
    (error as Error).message,
    String((error as Error).stack),
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    inspect((error as Error).cause, { depth: Infinity, showHidden: true }),
    ...fields,
  ];
}

function expectNothingSecretIn(error: unknown): void {
  for (const view of views(error)) {
    const seen = ALL_FRAGMENTS.filter((fragment) => view.includes(fragment));
    expect({ view, seen }).toEqual({ view, seen: [] });
  }
}

let server: Hostile;
let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
beforeAll(async () => {
  server = await serve((req, res) => handler(req, res));
});
afterAll(() => server.close());

const SURFACES = ['createDliClient', 'createDliFetchClient', 'the pager'] as const;
type Surface = (typeof SURFACES)[number];

function call(surface: Surface, options: Partial<DliClientOptions>, signal?: AbortSignal): Promise<unknown> {
  const all = { endpoint: server.url, projectId: PROJECT_ID, retry: false as const, ...options };
  if (surface === 'createDliClient') return createDliClient(all).listEnhancedConnections({}, { signal });
  if (surface === 'the pager') return createDliClient(all).paginateEnhancedConnections({}, { signal, pageSize: 1 }).toArray({ limit: 10 });
  return createDliFetchClient(all).GET(LIST_PATH, { params: { path: { project_id: PROJECT_ID } }, signal });
}

// Filler that puts an echo across the 200-character cut of an excerpt.
const FILL = 'x'.repeat(190);

interface Scenario {
  error: new (...args: never[]) => DliError;
  /** The server's answer, given the echoed secret. */
  answer?: (echo: string, res: ServerResponse) => void;
  /** Or a fetch of the runtime's that fails, given the echoed secret. */
  fetch?: (echo: string) => typeof globalThis.fetch;
  options?: Partial<DliClientOptions>;
  /** Aborts the call with a reason that echoes the secret. */
  abortWith?: (echo: string) => unknown;
}

const page = (connections: object[]) => JSON.stringify({ is_success: true, connections });
const SCENARIOS: Array<[string, Scenario]> = [
  [
    'DliApiError with a JSON body (message, nested body, body key, X-Request-Id)',
    {
      error: DliApiError,
      answer: (echo, res) =>
        res
          .writeHead(401, { 'x-request-id': echo, 'content-type': 'application/json' })
          .end(JSON.stringify({ error_code: 'APIGW.0301', error_msg: `bad credential ${echo}`, detail: { seen: [echo], [echo]: 1 } })),
    },
  ],
  ['DliApiError with a text body cut into its message', { error: DliApiError, answer: (echo, res) => res.writeHead(400).end(`${FILL}${echo} and more`) }],
  ['DliApiError of is_success: false', { error: DliApiError, answer: (echo, res) => res.end(JSON.stringify({ is_success: false, message: echo, request_id: echo })) }],
  ['DliResponseError of a body that is not JSON', { error: DliResponseError, answer: (echo, res) => res.writeHead(200, { 'x-request-id': echo }).end(`${FILL}${echo}`) }],
  ['DliResponseError of connections that are not an array', { error: DliResponseError, answer: (echo, res) => res.end(JSON.stringify({ is_success: true, connections: `${FILL}${echo}` })) }],
  [
    'DliResponseError of a body nested too deep',
    { error: DliResponseError, answer: (echo, res) => res.end(`${'['.repeat(MAX_JSON_DEPTH + 1)}${JSON.stringify(echo)}${']'.repeat(MAX_JSON_DEPTH + 1)}`) },
  ],
  ['DliRedirectError (location, request id)', { error: DliRedirectError, answer: (echo, res) => res.writeHead(302, { location: `https://elsewhere.example/?t=${echo}`, 'x-request-id': echo }).end() }],
  [
    'DliNetworkError of a fetch that fails echoing the secret in its cause',
    { error: DliNetworkError, fetch: (echo) => () => Promise.reject(new TypeError('fetch failed', { cause: new Error(`connect refused for ${echo}`) })) },
  ],
  [
    'DliTimeoutError',
    { error: DliTimeoutError, answer: () => undefined, options: { timeoutMs: 20 } },
  ],
  [
    'DliValidationError of a header the runtime refuses',
    { error: DliValidationError, fetch: (echo) => () => Promise.reject(new TypeError(`Headers.append: "${echo}" is an invalid header value.`)) },
  ],
  ['DliAbortError whose reason echoes the secret', { error: DliAbortError, answer: () => undefined, abortWith: (echo) => new Error(`gave up on ${echo}`) }],
];

describe.each(SURFACES)('%s', (surface) => {
  describe.each(SECRETS)('%s', (_secretName, secret, credentials) => {
    describe.each(FORMS)('echoed %s', (_formName, form) => {
      test.each(SCENARIOS)('%s', async (_title, scenario) => {
        const echo = form(secret);
        const controller = new AbortController();
        handler = (_req, res) => {
          if (scenario.abortWith) controller.abort(scenario.abortWith(echo));
          scenario.answer?.(echo, res);
        };
        const options = { credentials, ...scenario.options, ...(scenario.fetch ? { fetch: scenario.fetch(echo) } : {}) };
        const error = await rejectionOf(call(surface, options, controller.signal));
        expect(error).toBeInstanceOf(scenario.error);
        expectNothingSecretIn(error);
        if (error instanceof DliApiError || error instanceof DliResponseError) expect(error.message).toContain('[redac');
      });
    });
  });
});

test('a DliPaginationError of a server that ignores offset shows nothing of a secret either', async () => {
  handler = (_req, res) => res.end(page([{ id: 'same', name: TOKEN, status: 'ACTIVE' }]));
  const error = await rejectionOf(call('the pager', { credentials: { token: TOKEN } }));
  expect(error).toBeInstanceOf(DliPaginationError);
  expectNothingSecretIn(error);
});

test.each(SECRETS)("the waiter's errors keep what the server sent as data, with nothing of %s in it", async (_, secret, credentials) => {
  const failed = { name: `q ${secret}`, status: 'FAILED', err_msg: `peer rejected ${secret}` };
  handler = (_req, res) => res.end(JSON.stringify({ is_success: true, id: 'c1', name: secret, status: 'ACTIVE', dest_vpc_id: secret, available_queue_info: [failed] }));
  const client = createDliClient({ endpoint: server.url, projectId: PROJECT_ID, retry: false, credentials });
  const error = await rejectionOf(client.waitForEnhancedConnection('c1', 'active', { maxWaitMs: 60_000 }));
  expect(error).toBeInstanceOf(DliWaitFailedError);
  expect((error as DliWaitFailedError).binding?.status).toBe('FAILED');
  expectNothingSecretIn(error);
  // A connection that never settles (the next poll would come after maxWaitMs): the timeout keeps
  // the last one seen, scrubbed too.
  handler = (_req, res) => res.end(JSON.stringify({ is_success: true, id: 'c1', name: secret, status: 'ACTIVE', available_queue_info: [{ ...failed, status: 'CREATING' }] }));
  const timedOut = await rejectionOf(client.waitForEnhancedConnection('c1', 'active', { maxWaitMs: 30_000, minDelayMs: 60_000 }));
  expect(timedOut).toBeInstanceOf(DliWaitTimeoutError);
  expect((timedOut as DliWaitTimeoutError).lastConnection?.id).toBe('c1');
  expectNothingSecretIn(timedOut);
});

test('the cut of an excerpt comes after redaction: no head of the secret is left before the cut', async () => {
  handler = (_req, res) => res.end(`${'y'.repeat(195)}${TOKEN}`);
  const error = (await rejectionOf(call('createDliClient', { credentials: { token: TOKEN } }))) as DliResponseError;
  expect(error.excerpt).toBe(`${'y'.repeat(195)}[reda…`);
  expect(error.excerpt).not.toContain(TOKEN.slice(0, 4));
});

test('a short secret is redacted only as a whole token: the rest of the text is not mangled', async () => {
  handler = (_req, res) => res.writeHead(400).end(JSON.stringify({ error_code: 'DLI.0001', error_msg: 'datasource/enhanced-connections refused token t' }));
  const error = (await rejectionOf(call('createDliClient', { credentials: { token: 't' } }))) as DliApiError;
  expect(error.message).toBe('datasource/enhanced-connections refused token [redacted]');
});

test("an abort reason without a secret stays the caller's own object", async () => {
  const controller = new AbortController();
  const reason = new Error('user left');
  handler = () => controller.abort(reason);
  const error = await rejectionOf(call('createDliClient', { credentials: { token: TOKEN } }, controller.signal));
  expect((error as Error).cause).toBe(reason);
});
