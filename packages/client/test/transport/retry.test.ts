// The retry policy on its own: option checks at every boundary, Retry-After parsing and the
// backoff ceiling, without a server in the way.
import { DliApiError, DliNetworkError } from '@dli-sdk/client';
import { DEFAULT_RETRY, MAX_TIMER_MS, NO_RETRY, isRetryable, parseRetryAfter, resolveRetryPolicy, retryDelayMs } from '../../src/transport/retry';
import { refusalOf } from '../helpers';

describe('resolveRetryPolicy', () => {
  test('false is one attempt, undefined the defaults, and given keys override only themselves', () => {
    expect(resolveRetryPolicy(false)).toEqual({ ...DEFAULT_RETRY, maxAttempts: 1 });
    expect(resolveRetryPolicy(false)).toBe(NO_RETRY);
    expect(resolveRetryPolicy(undefined)).toBe(DEFAULT_RETRY);
    expect(resolveRetryPolicy({})).toEqual(DEFAULT_RETRY);
    expect(resolveRetryPolicy({ maxAttempts: 5, deadlineMs: undefined })).toEqual({ ...DEFAULT_RETRY, maxAttempts: 5 });
  });

  test.each([
    [{ maxAttempts: 1 }],
    [{ baseDelayMs: 0 }],
    [{ maxDelayMs: MAX_TIMER_MS }],
    [{ baseDelayMs: MAX_TIMER_MS }],
    [{ deadlineMs: 0 }],
    [{ deadlineMs: Number.MAX_SAFE_INTEGER }],
    [{ baseDelayMs: 0.5, maxDelayMs: 1.5 }],
  ])('%j is accepted as given', (options) => {
    expect(resolveRetryPolicy(options)).toEqual({ ...DEFAULT_RETRY, ...options });
  });

  test.each([
    [true, 'retry', 'must be an object or false, got true'],
    [null, 'retry', 'must be an object or false, got null'],
    [[1], 'retry', 'must be an object or false, got [1]'],
    [{ maxAttempt: 3 }, 'retry.maxAttempt', 'is not a retry option (expected one of maxAttempts, baseDelayMs, maxDelayMs, deadlineMs)'],
    [{ maxAttempts: 0 }, 'retry.maxAttempts', 'must be an integer ≥ 1, got 0'],
    [{ maxAttempts: 1.5 }, 'retry.maxAttempts', 'must be an integer ≥ 1, got 1.5'],
    [{ maxAttempts: '3' }, 'retry.maxAttempts', 'must be an integer ≥ 1, got "3"'],
    [{ maxAttempts: Number.NaN }, 'retry.maxAttempts', 'must be an integer ≥ 1, got null'],
    [{ baseDelayMs: -1 }, 'retry.baseDelayMs', `must be a number in [0, ${MAX_TIMER_MS}], got -1`],
    [{ baseDelayMs: MAX_TIMER_MS + 1 }, 'retry.baseDelayMs', `must be a number in [0, ${MAX_TIMER_MS}], got ${MAX_TIMER_MS + 1}`],
    [{ maxDelayMs: MAX_TIMER_MS + 1 }, 'retry.maxDelayMs', `must be a number in [0, ${MAX_TIMER_MS}], got ${MAX_TIMER_MS + 1}`],
    [{ deadlineMs: -0.5 }, 'retry.deadlineMs', 'must be a number ≥ 0, got -0.5'],
    [{ deadlineMs: Number.NaN }, 'retry.deadlineMs', 'must be a number ≥ 0, got null'],
  ])('%p is refused naming %s', (options, field, rule) => {
    expect(refusalOf(() => resolveRetryPolicy(options))).toEqual({ field, rule });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');

  test.each([
    ['0', 0],
    ['5', 5000],
    [' 5 ', 5000],
    ['1.5', 1500],
    ['120', 120_000],
    ['Sun, 29 Nov 2026 12:00:30 GMT', 30_000],
    [' Sun, 29 Nov 2026 12:00:30 GMT ', 30_000],
    ['Sun, 29 Nov 2026 11:59:00 GMT', 0], // a date in the past means now, not a negative wait
    ['Sunday, 29-Nov-26 12:01:00 GMT', 60_000], // RFC 850, obsolete but still an HTTP-date
  ])('%p is %i ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  test.each([[null], [''], ['   '], ['soon'], ['Sun, soon'], ['-5'], ['5s'], ['x5'], ['1.'], ['.5'], ['1.5.5'], ['1.x']])('%p is no delay at all', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
  const networkError = new DliNetworkError('connection reset', { cause: new Error('ECONNRESET') });
  let random: jest.SpyInstance;
  beforeEach(() => (random = jest.spyOn(Math, 'random')));
  afterEach(() => random.mockRestore());

  test.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1000], // capped at maxDelayMs
  ])('attempt %i waits up to %i ms, with full jitter below it', (attempt, ceiling) => {
    random.mockReturnValue(0.999);
    expect(retryDelayMs(networkError, attempt, policy)).toBeCloseTo(0.999 * ceiling);
    random.mockReturnValue(0.25);
    expect(retryDelayMs(networkError, attempt, policy)).toBeCloseTo(0.25 * ceiling);
  });

  test("the server's Retry-After wins over jitter, up to maxDelayMs", () => {
    const throttled = (retryAfterMs: number | undefined) =>
      new DliApiError({ status: 429, code: 'APIGW.0308', message: 'throttled', requestId: undefined, body: undefined, retryAfterMs });
    random.mockReturnValue(0.5);
    expect(retryDelayMs(throttled(300), 1, policy)).toBe(300);
    expect(retryDelayMs(throttled(0), 1, policy)).toBe(0);
    expect(retryDelayMs(throttled(3_600_000), 1, policy)).toBe(1000);
    expect(retryDelayMs(throttled(undefined), 2, policy)).toBe(100);
  });
});

test.each([
  [429, true],
  [500, true],
  [502, true],
  [503, true],
  [504, true],
  [400, false],
  [401, false],
  [403, false],
  [404, false],
  [501, false],
])('status %i is retryable: %p', (status, retryable) => {
  expect(isRetryable(new DliApiError({ status, code: 'X', message: 'm', requestId: undefined, body: undefined }))).toBe(retryable);
});

test('network errors are retried, anything else is not', () => {
  expect(isRetryable(new DliNetworkError('reset', { cause: new Error('ECONNRESET') }))).toBe(true);
  expect(isRetryable(new Error('boom'))).toBe(false);
  expect(isRetryable(undefined)).toBe(false);
});
