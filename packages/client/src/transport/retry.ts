// When and how long to wait before trying a request again. Only idempotent GETs pass through
// the transport, so a retry can never apply a change twice.
import { DliApiError, DliNetworkError, DliValidationError } from '../errors';

/** Retry settings. The defaults suit the DLI API gateway. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** Base of the exponential backoff, in milliseconds. Default 200. */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay, in milliseconds. Default 20 000. */
  maxDelayMs?: number;
  /** Time budget of one call across all its attempts and waits, in milliseconds. Default 120 000. */
  deadlineMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

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

/** Delay before attempt `attempt + 1`: the server's `Retry-After` if it sent one, else full jitter. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy): number {
  if (error instanceof DliApiError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.random() * ceiling;
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return NO_RETRY;
  const policy = { ...DEFAULT_RETRY, ...options };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new DliValidationError('retry.maxAttempts', `must be an integer ≥ 1, got ${policy.maxAttempts}`);
  }
  for (const key of ['baseDelayMs', 'maxDelayMs', 'deadlineMs'] as const) {
    if (!(policy[key] >= 0)) throw new DliValidationError(`retry.${key}`, `must be a number ≥ 0, got ${policy[key]}`);
  }
  return policy;
}
