// Random values at every option and query field of both surfaces (seeded, so a failure replays):
// each call either sends one well-formed request or rejects with a DliValidationError naming a
// field, and after a validation failure nothing is sent. Requests go to a recording `fetch`
// (the client's own `fetch` option), which answers like DLI.
import { createDliClient, createDliFetchClient, DliValidationError } from '@dli-sdk/client';
import { seededRandom } from '../../../mock-server/src/random';
import { PROJECT_ID, TEST_TOKEN, akSk } from '../helpers';

const SEED = 0x9e3779b9;
const CALLS = 5_000;

// The stand-in's seeded generator (mulberry32): the same seed replays the same calls.
const next = seededRandom(SEED);
const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];

function anyValue(depth = 0): unknown {
  const kinds = [
    () => undefined,
    () => null,
    () => Math.floor(next() * 200) - 50,
    () => next() * 1e10,
    () => pick([0, -0, 1, -1, NaN, Infinity, -Infinity, 2 ** 31, 2 ** 31 - 1, Number.MAX_SAFE_INTEGER, 1.5]),
    () => BigInt(Math.floor(next() * 100)),
    () => Symbol('s'),
    () => pick([true, false]),
    () => pick(['', 'active', 'ACTIVE', 'deleted', 'x', 'env=prod', 'a=b,c=d', 'a\uD800', '\r\n', 'é€', '..', 'constructor', '__proto__']),
    () => String.fromCharCode(...Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * 0x2fff))),
    () => (depth > 1 ? {} : Object.fromEntries(Array.from({ length: Math.floor(next() * 3) }, () => [pick(KEYS), anyValue(depth + 1)]))),
    () => (depth > 1 ? [] : [anyValue(depth + 1)]),
    () => () => 1,
    () => new AbortController().signal,
  ];
  return pick(kinds)();
}

const KEYS = ['limit', 'offset', 'status', 'name', 'tags', 'constructor', 'toString', 'maxAttempts', 'token', 'ak', 'sk', 'x-trace', 'Bad Name'];
const OPTION_FIELDS = ['region', 'endpoint', 'projectId', 'credentials', 'headers', 'retry', 'timeoutMs', 'allowInsecureHttp', 'maxResponseBytes'];
const QUERY_FIELDS = ['limit', 'offset', 'status', 'name', 'tags'];
const CALL_FIELDS = ['signal', 'headers'];
const PAGER_FIELDS = ['pageSize', 'startOffset', 'maxItems', 'maxPages', 'concurrency', 'signal', 'headers'];

function mutate(base: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const copy = { ...base };
  copy[pick(fields)] = anyValue();
  if (next() < 0.1) copy[pick(KEYS)] = anyValue();
  return copy;
}

const ANSWER = JSON.stringify({ is_success: true, message: '', count: 0, connections: [] });

test(`${CALLS} random calls: a well-formed request or a DliValidationError naming a field`, async () => {
  const sent: Array<{ url: string; headers: Headers }> = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    sent.push({ url: input instanceof Request ? input.url : input.toString(), headers: new Headers(init?.headers) });
    return new Response(ANSWER, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const outcomes = { sent: 0, refused: 0 };
  for (let call = 0; call < CALLS; call++) {
    const surface = pick(['createDliClient', 'createDliFetchClient'] as const);
    const what = pick(['options', 'query', 'call', 'pager'] as const);
    const baseOptions = { endpoint: 'https://dli.example.com', projectId: PROJECT_ID, credentials: pick([akSk, { token: TEST_TOKEN }]), fetch: recordingFetch };
    const options = what === 'options' ? mutate(baseOptions, OPTION_FIELDS) : baseOptions;
    const query = what === 'query' ? mutate({ limit: 5 }, QUERY_FIELDS) : { limit: 5 };
    const callOptions = what === 'call' ? mutate({}, CALL_FIELDS) : {};
    const pagerOptions = what === 'pager' ? mutate({}, PAGER_FIELDS) : {};
    const before = sent.length;
    let succeeded = false;
    try {
      if (surface === 'createDliClient') {
        const client = createDliClient(options as never);
        if (what === 'pager') await client.paginateEnhancedConnections({}, pagerOptions).toArray({ limit: 1 });
        else await client.listEnhancedConnections(query, callOptions);
      } else {
        const client = createDliFetchClient(options as never);
        if (what === 'pager') await client.paginateEnhancedConnections({}, pagerOptions).toArray({ limit: 1 });
        else await client.GET('/v2.0/{project_id}/datasource/enhanced-connections', { params: { path: { project_id: PROJECT_ID }, query: query }, ...callOptions });
      }
      succeeded = true;
    } catch (error) {
      if (!(error instanceof DliValidationError)) {
        throw new Error(`call ${call} (${surface}, ${what}) threw ${String(error)} instead of a DliValidationError`, { cause: error });
      }
      expect(error.field).toMatch(/\S/);
      expect(sent.length).toBe(before);
      outcomes.refused++;
    }
    if (succeeded) {
      // A walk told to stop after 0 items or pages succeeds without asking anything.
      if (pagerOptions.maxItems === 0 || pagerOptions.maxPages === 0) continue;
      expect(sent.length).toBeGreaterThan(before);
      const request = sent[sent.length - 1];
      const url = new URL(request.url);
      expect(url.origin).toBe('https://dli.example.com');
      expect(url.pathname).toMatch(/^\/v2\.0\/[^/]+\/datasource\/enhanced-connections$/);
      if (options.credentials !== undefined) expect(request.headers.get('authorization') ?? request.headers.get('x-auth-token')).toBeTruthy();
      outcomes.sent++;
    }
  }
  // Both outcomes must actually occur, or the generator is not exercising anything.
  expect(outcomes.sent).toBeGreaterThan(CALLS / 10);
  expect(outcomes.refused).toBeGreaterThan(CALLS / 10);
});
