// Fault injection as a client under test meets it: each fault's status, headers and body exactly,
// bodies cut short, connections reset or left hanging, random faults by rate, and latency (read
// from the stand-in's timer on a fake clock, never from the wall clock).
import { type Fault, type FaultOptions, type MockDliOptions, startMockDli } from '@dli-sdk/mock-server';
import { type Exchange, exchange } from './exchange';

const LIST = '/v2.0/0123456789abcdef0123456789abcdef/datasource/enhanced-connections';
const REQUEST_ID = /^[0-9a-f]{32}$/;

/** Starts a stand-in with `faults`, runs `body` and closes it. */
async function withFaults<T>(faults: FaultOptions, body: (url: string) => Promise<T>, options: MockDliOptions = {}): Promise<T> {
  const mock = await startMockDli({ connections: 3, ...options, faults });
  try {
    return await body(mock.url);
  } finally {
    await mock.close();
  }
}

/** The answer to the first request under `fault`, and the status of the next (fault-free) one. */
const underFault = (fault: Fault) =>
  withFaults({ schedule: { 1: fault } }, async (url) => {
    const first = await exchange(url, `${LIST}?limit=1`);
    const next = await exchange(url, `${LIST}?limit=1`);
    return { first, nextStatus: 'status' in next ? next.status : next.error };
  });

/** Resolves once `condition` holds, turning the event loop meanwhile (jest's timeout ends a wait that never does). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

function answered(result: Exchange) {
  if ('error' in result) throw new Error(`expected an answer, got ${result.error}`);
  return result;
}

const GATEWAY = (code: string, message: string) => ({ error_code: code, error_msg: message, request_id: expect.stringMatching(REQUEST_ID) as unknown });
const SERVER_ERROR = { error_code: 'DLI.0999', error_msg: 'Server-side error, try again later.' };

test.each([
  ['429 with Retry-After', { status: 429, retryAfterSeconds: 2 }, '2', GATEWAY('APIGW.0308', 'The throttling threshold has been reached.')],
  ['429 without Retry-After', { status: 429 }, undefined, GATEWAY('APIGW.0308', 'The throttling threshold has been reached.')],
  ['500', { status: 500 }, undefined, SERVER_ERROR],
  ['502', { status: 502 }, undefined, GATEWAY('APIGW.0202', 'Backend unavailable.')],
  ['503 with Retry-After', { status: 503, retryAfterSeconds: 0 }, '0', SERVER_ERROR],
  ['504 with Retry-After', { status: 504, retryAfterSeconds: 7 }, '7', GATEWAY('APIGW.0203', 'Backend timeout.')],
] as const)('%s: that status, JSON body and headers; the next request is answered', async (_title, fault, retryAfter, body) => {
  const { first, nextStatus } = await underFault({ kind: 'status', ...fault });
  const { status, headers, body: text, complete } = answered(first);
  expect({ status, complete, nextStatus }).toEqual({ status: fault.status, complete: true, nextStatus: 200 });
  expect(headers).toMatchObject({
    'content-type': 'application/json;charset=UTF-8',
    'x-request-id': expect.stringMatching(REQUEST_ID) as unknown,
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'x-request-id, retry-after',
  });
  expect(headers['retry-after']).toBe(retryAfter);
  const parsed = JSON.parse(text) as { request_id?: string };
  expect(parsed).toEqual(body);
  if (parsed.request_id !== undefined) expect(parsed.request_id).toBe(headers['x-request-id']);
});

test('a reset drops the connection before any answer', async () => {
  const { first, nextStatus } = await underFault({ kind: 'reset' });
  expect(first).toEqual({ error: 'ECONNRESET' });
  expect(nextStatus).toBe(200);
});

test('a truncated body is the first half of a one-connection page, announced whole', async () => {
  const { first, nextStatus } = await underFault({ kind: 'truncate' });
  const { status, headers, body, complete } = answered(first);
  const whole = JSON.stringify({ is_success: true, message: '', count: 1, connections: [{ id: 'x' }] });
  expect({ status, complete, body, nextStatus }).toEqual({ status: 200, complete: false, body: whole.slice(0, whole.length >> 1), nextStatus: 200 });
  expect(headers).toMatchObject({
    'content-type': 'application/json',
    'content-length': String(whole.length),
    'x-request-id': expect.stringMatching(REQUEST_ID) as unknown,
    'access-control-allow-origin': '*',
  });
});

test("an HTML body, as a misconfigured proxy's 200", async () => {
  const { first } = await underFault({ kind: 'non-json' });
  const { status, headers, body, complete } = answered(first);
  expect({ status, complete, body }).toEqual({ status: 200, complete: true, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
  expect(headers).toMatchObject({ 'content-type': 'text/html', 'x-request-id': expect.stringMatching(REQUEST_ID) as unknown, 'access-control-allow-origin': '*' });
});

test('a 200 with is_success: false', async () => {
  const { first } = await underFault({ kind: 'not-success' });
  const { status, headers, body } = answered(first);
  expect(status).toBe(200);
  expect(headers).toMatchObject({ 'content-type': 'application/json;charset=UTF-8', 'x-request-id': expect.stringMatching(REQUEST_ID) as unknown });
  expect(JSON.parse(body)).toEqual({ is_success: false, message: 'DLI.0999: Internal processing failed.' });
});

test('a hanging request gets no answer until close() drops it', async () => {
  const mock = await startMockDli({ connections: 3, faults: { schedule: { 1: { kind: 'hang' } } } });
  const hanging = exchange(mock.url, LIST);
  await until(() => mock.requestCount > 0);
  expect(answered(await exchange(mock.url, LIST)).status).toBe(200);
  await mock.close();
  expect(await hanging).toEqual({ error: 'ECONNRESET' });
});

test('faults are scheduled by request number, counting every API request', async () => {
  const statuses = await withFaults({ schedule: { 2: { kind: 'status', status: 500 }, 4: { kind: 'status', status: 503 } } }, async (url) => {
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(answered(await exchange(url, LIST)).status);
    return seen;
  });
  expect(statuses).toEqual([200, 500, 200, 503, 200]);
});

describe('random faults', () => {
  const statusesAt = (faults: FaultOptions, seed = 5, count = 60) =>
    withFaults(
      faults,
      async (url) => {
        const seen: Array<number | string> = [];
        for (let i = 0; i < count; i++) {
          const result = await exchange(url, `${LIST}?limit=1`);
          seen.push('status' in result ? result.status : result.error);
        }
        return seen;
      },
      { seed },
    );

  test('a rate of 1 fails every request with each of the faults given', async () => {
    const seen = await statusesAt({ rate: 1, randomFaults: [{ kind: 'status', status: 500 }, { kind: 'status', status: 502 }] });
    expect(new Set(seen)).toEqual(new Set([500, 502]));
  });

  test('by default the faults are 429, 500, 502, 503, 504 and resets', async () => {
    const seen = await statusesAt({ rate: 1 }, 5, 80);
    expect(new Set(seen)).toEqual(new Set([429, 500, 502, 503, 504, 'ECONNRESET']));
  });

  test('a rate of 0 fails nothing', async () => {
    expect(new Set(await statusesAt({ rate: 0 }))).toEqual(new Set([200]));
  });

  test('a rate fails about that share of requests, the same ones for the same seed', async () => {
    const faults: FaultOptions = { rate: 0.3, randomFaults: [{ kind: 'status', status: 500 }] };
    const first = await statusesAt(faults, 5, 200);
    const failures = first.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(40);
    expect(failures).toBeLessThan(80);
    expect(await statusesAt(faults, 5, 200)).toEqual(first);
    expect(await statusesAt(faults, 6, 200)).not.toEqual(first);
  });
});

describe('latency', () => {
  // Only setTimeout is faked, and only for the stand-in's module: node:http runs on its own timers.
  beforeEach(() => {
    jest.useFakeTimers({
      doNotFake: ['Date', 'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval'],
    });
  });
  afterEach(() => jest.useRealTimers());

  /** The delay before each of `count` answers: how far the fake clock had to move to release it. */
  async function delays(latencyMs: MockDliOptions['latencyMs'], count: number): Promise<number[]> {
    const mock = await startMockDli({ connections: 3, latencyMs });
    try {
      const seen = [];
      for (let i = 0; i < count; i++) {
        const answer = exchange(mock.url, LIST);
        await until(() => jest.getTimerCount() > 0);
        const before = jest.now();
        jest.advanceTimersToNextTimer();
        seen.push(jest.now() - before);
        expect(answered(await answer).status).toBe(200);
      }
      return seen;
    } finally {
      await mock.close();
    }
  }

  test('none by default: answers come without any timer', async () => {
    const mock = await startMockDli({ connections: 3 });
    try {
      expect(answered(await exchange(mock.url, LIST)).status).toBe(200);
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      await mock.close();
    }
  });

  test('a number delays every answer by that many ms', async () => {
    expect(await delays(60, 3)).toEqual([60, 60, 60]);
  });

  test('a range [min, max] delays each answer by a draw from it', async () => {
    const seen = await delays([100, 200], 20);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...seen)).toBeLessThanOrEqual(200);
    expect(Math.max(...seen) - Math.min(...seen)).toBeGreaterThan(50);
  });

  test('a range of one value is that value', async () => {
    expect(await delays([150, 150], 3)).toEqual([150, 150, 150]);
  });
});
