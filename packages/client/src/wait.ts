// Waiting for a connection to become ready (or gone): polls `show` as smithy's waiters do (one
// poll at once, then exponential backoff with jitter between minDelayMs and maxDelayMs, never past
// maxWaitMs), judging each answer against the condition. Each poll is a normal call: the
// transport's retries and the caller's signal apply to it as to any other.
import type { EnhancedConnection, EnhancedConnectionResource } from '@dli-sdk/types';
import { followSignal } from './abort';
import { type DliBinding, DliAbortError, DliApiError, DliValidationError, DliWaitFailedError, DliWaitTimeoutError } from './errors';
import type { RequestOptions } from './request-options';
import { validateRequestOptions } from './request-options';
import type { ShowEnhancedConnectionResult } from './results';
import { MAX_TIMER_MS } from './transport/retry';
import { describe, isPlainObject } from './validate';

/**
 * What to wait for:
 * - `'active'`: the connection is `ACTIVE` and every queue and elastic resource pool bound to it
 *   is `ACTIVE`; `{ for: 'active', queue: 'q1' }` (or `pool`) waits for that binding only.
 * - `'deleted'`: the connection is `DELETED`, or DLI no longer knows it.
 */
export type WaitCondition = 'active' | 'deleted' | { readonly for: 'active'; readonly queue?: string; readonly pool?: string } | { readonly for: 'deleted' };

/** One poll of a wait, as {@link WaitOptions.onPoll} sees it. */
export interface WaitPoll {
  /** The connection as DLI answered; undefined when it answered "not found". */
  readonly connection: ShowEnhancedConnectionResult | undefined;
  /** Polls made so far, this one included. */
  readonly polls: number;
  /** Time since the wait began, in milliseconds. */
  readonly elapsedMs: number;
  /** What is still missing, in words (e.g. `queue q1 is CREATING`); empty once the condition holds. */
  readonly pending: string;
}

/** Options of a wait. */
export interface WaitOptions extends RequestOptions {
  /** The longest the wait may take, in milliseconds (required, as smithy's `maxWaitTime`). */
  maxWaitMs: number;
  /** The shortest delay between polls, in milliseconds. Default 2 000. */
  minDelayMs?: number;
  /** The longest delay between polls, in milliseconds. Default 120 000. */
  maxDelayMs?: number;
  /** Called after every poll, e.g. to show progress. */
  onPoll?: (poll: WaitPoll) => void;
}

/** How a wait ended when the condition held. */
export interface WaitResult {
  /** The connection at the last poll; undefined when a wait for `deleted` ended on "not found". */
  readonly connection: ShowEnhancedConnectionResult | undefined;
  /** Polls made, the first included. */
  readonly polls: number;
  /** Time the wait took, in milliseconds. */
  readonly elapsedMs: number;
}

/** Where a wait takes its time from; tests give a virtual clock. */
export interface WaitTiming {
  now(): number;
  /** Resolves after `ms`, or rejects with a DliAbortError when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal | undefined): Promise<void>;
  /** Calls `fire` after `ms` unless the returned function is called first. */
  alarm(ms: number, fire: () => void): () => void;
  /** A number in [0, 1), for the jitter. */
  random(): number;
}

export const SYSTEM_TIMING: WaitTiming = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DliAbortError(signal.reason));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(new DliAbortError(signal?.reason));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  alarm: (ms, fire) => {
    const timer = setTimeout(fire, Math.min(Math.max(ms, 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  },
  random: Math.random,
};

interface Condition {
  for: 'active' | 'deleted';
  queue?: string;
  pool?: string;
}

interface Checked {
  condition: Condition;
  maxWaitMs: number;
  minDelayMs: number;
  maxDelayMs: number;
  onPoll: ((poll: WaitPoll) => void) | undefined;
  request: RequestOptions;
}

function bound(field: string, value: unknown, fallback: number | undefined): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && value <= MAX_TIMER_MS)) {
    throw new DliValidationError(field, `must be a number of milliseconds in (0, ${MAX_TIMER_MS}], got ${describe(value)}`);
  }
  return value;
}

function checkCondition(condition: unknown): Condition {
  if (condition === 'active' || condition === 'deleted') return { for: condition };
  if (!isPlainObject(condition) || (condition.for !== 'active' && condition.for !== 'deleted')) {
    throw new DliValidationError('condition', `must be 'active', 'deleted' or { for: 'active', queue?, pool? }, got ${describe(condition)}`);
  }
  const allowed = condition.for === 'active' ? ['for', 'queue', 'pool'] : ['for'];
  for (const key of Object.keys(condition)) {
    if (!allowed.includes(key)) throw new DliValidationError(`condition.${key}`, `is not a field of a wait for ${condition.for} (expected ${allowed.join(', ')})`);
  }
  for (const key of ['queue', 'pool'] as const) {
    const name = condition[key];
    if (name !== undefined && (typeof name !== 'string' || name === '')) throw new DliValidationError(`condition.${key}`, `must be a non-empty string, got ${describe(name)}`);
  }
  return condition as unknown as Condition;
}

function checkOptions(condition: unknown, options: unknown): Checked {
  if (!isPlainObject(options)) throw new DliValidationError('options', `must be an object with maxWaitMs, got ${describe(options)}`);
  const { maxWaitMs, minDelayMs, maxDelayMs, onPoll, ...rest } = options;
  const request = validateRequestOptions(rest, 'options');
  const checked: Checked = {
    condition: checkCondition(condition),
    maxWaitMs: bound('options.maxWaitMs', maxWaitMs, undefined),
    minDelayMs: bound('options.minDelayMs', minDelayMs, 2_000),
    maxDelayMs: bound('options.maxDelayMs', maxDelayMs, 120_000),
    onPoll: onPoll as Checked['onPoll'],
    request,
  };
  if (checked.minDelayMs > checked.maxDelayMs) {
    throw new DliValidationError('options.minDelayMs', `must not exceed maxDelayMs (${checked.maxDelayMs}), got ${checked.minDelayMs}`);
  }
  if (onPoll !== undefined && typeof onPoll !== 'function') throw new DliValidationError('options.onPoll', `must be a function, got ${describe(onPoll)}`);
  return checked;
}

type Verdict = { state: 'success' } | { state: 'retry'; pending: string } | { state: 'failure'; error: DliWaitFailedError };

function bindingsOf(connection: EnhancedConnection): DliBinding[] {
  const of = (kind: DliBinding['kind'], list: EnhancedConnectionResource[] | undefined): DliBinding[] =>
    (Array.isArray(list) ? list : []).map((r) => ({ kind, name: r.name ?? '', status: r.status ?? '', errMsg: r.err_msg ?? '' }));
  return [...of('queue', connection.available_queue_info), ...of('pool', connection.elastic_resource_pools)];
}

/** Judges one answer (undefined: "not found") against the condition. */
function judge(id: string, connection: EnhancedConnection | undefined, condition: Condition): Verdict {
  if (condition.for === 'deleted') {
    if (connection === undefined || connection.status === 'DELETED') return { state: 'success' };
    return { state: 'retry', pending: `status is ${connection.status}` };
  }
  // A wait for `active` rethrows "not found" before judging, so a connection is here.
  const shown = connection as EnhancedConnection;
  if (shown.status === 'DELETED') return { state: 'failure', error: new DliWaitFailedError({ connectionId: id, reason: 'deleted', connection: shown }) };
  const named = condition.queue !== undefined || condition.pool !== undefined;
  const all = bindingsOf(shown);
  const relevant = named
    ? all.filter((b) => (b.kind === 'queue' && b.name === condition.queue) || (b.kind === 'pool' && b.name === condition.pool))
    : all;
  const failed = relevant.find((b) => b.status === 'FAILED');
  if (failed) return { state: 'failure', error: new DliWaitFailedError({ connectionId: id, reason: 'binding-failed', binding: failed, connection: shown }) };
  const pending = relevant.filter((b) => b.status !== 'ACTIVE').map((b) => `${b.kind} ${b.name} is ${b.status || 'without a status'}`);
  for (const [kind, name] of [['queue', condition.queue], ['pool', condition.pool]] as const) {
    if (name !== undefined && !relevant.some((b) => b.kind === kind && b.name === name)) pending.push(`${kind} ${name} is not bound`);
  }
  // A status the spec does not list yet is not ACTIVE either.
  const status: string = shown.status;
  if (status !== 'ACTIVE') pending.unshift(`status is ${status}`);
  return pending.length === 0 ? { state: 'success' } : { state: 'retry', pending: pending.join(', ') };
}

/**
 * smithy's waiter delay: a random delay between minDelay and minDelay·2^(attempt−1), capped at
 * maxDelay once the doubling would pass it.
 */
export function waitDelayMs(minDelayMs: number, maxDelayMs: number, attempt: number, random: () => number): number {
  const ceiling = Math.log(maxDelayMs / minDelayMs) / Math.log(2) + 1;
  if (attempt > ceiling) return maxDelayMs;
  const top = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1));
  return minDelayMs + random() * (top - minDelayMs);
}

const WAIT_TIMED_OUT = 'the wait ran out of time';

/**
 * Polls `show` for connection `id` until `condition` holds. Internal: the surfaces call it with
 * the core's show and the system's timing.
 */
export async function waitForConnection(
  show: (id: string, options: RequestOptions) => Promise<ShowEnhancedConnectionResult>,
  id: string,
  condition: unknown,
  options: unknown,
  timing: WaitTiming = SYSTEM_TIMING,
): Promise<WaitResult> {
  const { condition: wanted, maxWaitMs, minDelayMs, maxDelayMs, onPoll, request } = checkOptions(condition, options);
  const { signal } = request;
  const start = timing.now();
  const deadline = start + maxWaitMs;
  let polls = 0;
  let last: ShowEnhancedConnectionResult | undefined;
  let current: ShowEnhancedConnectionResult | undefined;
  let pending = '';
  const timeout = () => new DliWaitTimeoutError({ connectionId: id, maxWaitMs, polls, pending, lastConnection: last });

  const poll = async (): Promise<Verdict> => {
    polls++;
    // The poll in flight is cut at the deadline too, as smithy races its waiter against maxWaitTime.
    const { controller, release } = followSignal(signal);
    const cut = { timedOut: false };
    const cancel = timing.alarm(deadline - timing.now(), () => {
      cut.timedOut = true;
      controller.abort(new DOMException(WAIT_TIMED_OUT, 'TimeoutError'));
    });
    let connection: ShowEnhancedConnectionResult | undefined;
    try {
      connection = await show(id, { ...request, signal: controller.signal });
    } catch (error) {
      if (cut.timedOut) throw timeout();
      // "Not found" is what a wait for `deleted` waits for; for `active`, it is the error it is.
      if (!(wanted.for === 'deleted' && error instanceof DliApiError && error.isNotFound)) throw error;
    } finally {
      cancel();
      release();
    }
    current = connection;
    if (connection !== undefined) last = connection;
    const verdict = judge(id, connection, wanted);
    pending = verdict.state === 'retry' ? verdict.pending : '';
    onPoll?.({ connection, polls, elapsedMs: timing.now() - start, pending });
    return verdict;
  };

  let verdict = await poll();
  for (let attempt = 1; verdict.state === 'retry'; attempt++) {
    if (signal?.aborted) throw new DliAbortError(signal.reason);
    const delay = waitDelayMs(minDelayMs, maxDelayMs, attempt, () => timing.random());
    // As smithy: when the next poll would come after the deadline, the wait ends now.
    if (timing.now() + delay > deadline) throw timeout();
    await timing.sleep(delay, signal);
    verdict = await poll();
  }
  if (verdict.state === 'failure') throw verdict.error;
  return { connection: current, polls, elapsedMs: timing.now() - start };
}
