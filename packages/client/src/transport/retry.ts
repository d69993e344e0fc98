// When and how long to wait before trying a request again. Only idempotent GETs pass through
// the transport, so a retry can never apply a change twice.
import { DliApiError, DliNetworkError, DliValidationError } from '../errors';
import { describe, isPlainObject } from '../validate';

/** Retry settings. The defaults suit the DLI API gateway. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** Base of the exponential backoff, in milliseconds. Default 200. */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay, in milliseconds. Default 20 000. */
  maxDelayMs?: number;
  /**
   * Time budget of one call across all its attempts and waits, in milliseconds; the last attempt
   * is cut to the time left. Default 120 000, or the client's `timeoutMs` when that is longer.
   */
  deadlineMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

/** The longest delay a timer can hold: setTimeout fires at once past 2^31 − 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 20_000,
  deadlineMs: 120_000,
};

/** `retry: false` still makes one attempt. */
export const NO_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 1 };

// 401 and 403 are absent on purpose: five failed AK/SK authentications lock the key.
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export function isRetryable(error: unknown): boolean {
  if (error instanceof DliApiError) return RETRYABLE_STATUSES.has(error.status);
  return error instanceof DliNetworkError;
}

/**
 * Delay before attempt `attempt + 1`: the server's `Retry-After` if it sent one, else full
 * jitter; never more than `maxDelayMs`, so a server cannot park a caller for an hour.
 */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number {
  if (error instanceof DliApiError && error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.random() * ceiling;
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  // All three HTTP-date forms open with a day name. Date.parse alone takes "-5" or "1." for dates
  // in 2001, which would turn a malformed header into "retry at once".
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const RETRY_KEYS = Object.keys(DEFAULT_RETRY) as Array<keyof RetryPolicy>;

/** Validates `retry` (unknown keys and mistyped values are refused) and fills in the defaults. */
export function resolveRetryPolicy(options: unknown): RetryPolicy {
  if (options === false) return NO_RETRY;
  if (options === undefined) return DEFAULT_RETRY;
  if (!isPlainObject(options)) throw new DliValidationError('retry', `must be an object or false, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (!(RETRY_KEYS as string[]).includes(key)) {
      throw new DliValidationError(`retry.${key}`, `is not a retry option (expected one of ${RETRY_KEYS.join(', ')})`);
    }
  }
  const policy: RetryPolicy = { ...DEFAULT_RETRY };
  for (const key of RETRY_KEYS) {
    const value = options[key];
    if (value === undefined) continue;
    const integer = key === 'maxAttempts';
    // A delay is a timer, and timers overflow past 2^31 − 1 ms (they would fire at once).
    const max = key === 'baseDelayMs' || key === 'maxDelayMs' ? MAX_TIMER_MS : Infinity;
    if (typeof value !== 'number' || Number.isNaN(value) || value < (integer ? 1 : 0) || value > max || (integer && !Number.isInteger(value))) {
      const rule = integer ? 'an integer ≥ 1' : max === Infinity ? 'a number ≥ 0' : `a number in [0, ${MAX_TIMER_MS}]`;
      throw new DliValidationError(`retry.${key}`, `must be ${rule}, got ${describe(value)}`);
    }
    policy[key] = value;
  }
  return policy;
}
