// One attempt's timeoutMs and the call's deadline are separate limits: a long timeoutMs is
// honoured, not cut by the default deadline, and one longer than a deadline given with it is
// refused. Time comes from jest's fake clock; the fetch never answers until its signal aborts.
import { createDliClient, DliTimeoutError, type DliClientOptions } from '@dli-sdk/client';
import { PROJECT_ID, refusalOf, rejectionOf } from '../helpers';

const hangingFetch = (async (_url: string, init: RequestInit) =>
  new Promise<Response>((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error), { once: true });
  })) as unknown as typeof globalThis.fetch;

const base = { endpoint: 'https://dli.example.test', projectId: PROJECT_ID, fetch: hangingFetch };

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function settledAfter(options: Partial<DliClientOptions>) {
  let settled = false;
  const call = rejectionOf(createDliClient({ ...base, ...options }).listEnhancedConnections()).finally(() => (settled = true));
  return { call, settled: () => settled };
}

test.each([
  ['retry: false', { retry: false as const }],
  ['the default retry', {}],
])('timeoutMs: 600 000 with %s is not cut at the default 120 s deadline', async (_title, options) => {
  const { call, settled } = await settledAfter({ timeoutMs: 600_000, ...options });
  await jest.advanceTimersByTimeAsync(599_000);
  expect(settled()).toBe(false);
  await jest.advanceTimersByTimeAsync(1_000);
  const error = await call;
  expect(error).toBeInstanceOf(DliTimeoutError);
  expect(error).toMatchObject({ timeoutMs: 600_000, $metadata: { attempts: 1 } });
});

test('a deadline given without timeoutMs still cuts the default 30 s attempt to itself', async () => {
  const { call } = await settledAfter({ retry: { deadlineMs: 1_000 } });
  await jest.advanceTimersByTimeAsync(1_000);
  expect(await call).toMatchObject({ name: 'DliTimeoutError', timeoutMs: 1_000 });
});

test('a timeoutMs longer than a deadline given with it is refused, saying why', () => {
  expect(refusalOf(() => createDliClient({ ...base, timeoutMs: 600_000, retry: { deadlineMs: 120_000 } }))).toEqual({
    field: 'timeoutMs',
    rule: 'must not be longer than retry.deadlineMs (120000 ms), the limit of the whole call, got 600000; raise the deadline or leave it out',
  });
  expect(() => createDliClient({ ...base, timeoutMs: 600_000, retry: { deadlineMs: 600_000 } })).not.toThrow();
});
