// The waiter against the stand-in, whose bindings settle on a clock the test shares with the
// waiter: no wall-clock time passes between polls, and every delay is known.
import {
  createDliClient,
  createDliFetchClient,
  type DliClient,
  DliAbortError,
  DliApiError,
  DliValidationError,
  DliWaitFailedError,
  DliWaitTimeoutError,
  type EnhancedConnection,
} from '@dli-sdk/client';
import type { Transition } from '@dli-sdk/mock-server';
import { type WaitTiming, waitDelayMs, waitForConnection } from '../src/wait';
import { PROJECT_ID, akSk, rejectionOf, withMock } from './helpers';

const ID = '6f0c1c6e-5d0b-4c55-9a57-0d5b3f6b7a10';
const creating = (name: string) => ({ peer_id: `peer-${name}`, status: 'CREATING' as const, name, err_msg: '', update_time: 1_700_000_000_000 });
const connection = (): EnhancedConnection => ({
  id: ID,
  name: 'peering',
  status: 'ACTIVE',
  available_queue_info: [creating('q1'), creating('q2')],
  elastic_resource_pools: [creating('pool_a')],
});

/** A virtual clock: sleeping moves it on at once; the delays slept are kept. */
function virtualClock() {
  const clock = { t: 0, delays: [] as number[] };
  const timing: WaitTiming = {
    now: () => clock.t,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new DliAbortError(signal.reason);
      clock.delays.push(ms);
      clock.t += ms;
    },
    alarm: () => () => undefined,
    random: () => 0.5,
  };
  return { clock, timing };
}

async function withWaiter(
  changes: Transition[],
  fn: (wait: (condition: unknown, options: Record<string, unknown>) => ReturnType<typeof waitForConnection>, clock: { t: number; delays: number[] }, client: DliClient) => Promise<void>,
  faults?: Parameters<typeof withMock>[0]['faults'],
) {
  const { clock, timing } = virtualClock();
  await withMock({ connections: [connection()], transitions: { changes, now: () => clock.t }, faults }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const show = (id: string, options: Parameters<DliClient['getEnhancedConnection']>[1]) => client.getEnhancedConnection(id, options);
    await fn((condition, options) => waitForConnection(show, ID, condition, options, timing), clock, client);
  });
}

test('waits until the connection and every queue and pool are ACTIVE, with smithy backoff between polls', async () => {
  await withWaiter([{ connectionId: ID, afterMs: 20_000, to: 'ACTIVE' }], async (wait, clock) => {
    const polls: string[] = [];
    const result = await wait('active', { maxWaitMs: 60_000, onPoll: (poll: { pending: string }) => polls.push(poll.pending) });
    expect(result.connection?.available_queue_info?.map((q) => q.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(result.connection?.elastic_resource_pools?.[0].status).toBe('ACTIVE');
    // Jitter 0.5 of [2 s, 2 s·2^(n−1)]: 2, 3, 5, 9 s … the poll after 20 s sees it settled.
    expect(clock.delays).toEqual([2_000, 3_000, 5_000, 9_000, 17_000]);
    expect(result.polls).toBe(6);
    expect(result.elapsedMs).toBe(36_000);
    expect(polls[0]).toBe('queue q1 is CREATING, queue q2 is CREATING, pool pool_a is CREATING');
    expect(polls.at(-1)).toBe('');
  });
});

test('a named queue is waited for alone', async () => {
  await withWaiter([{ connectionId: ID, queue: 'q2', afterMs: 5_000, to: 'ACTIVE' }], async (wait) => {
    const result = await wait({ for: 'active', queue: 'q2' }, { maxWaitMs: 60_000, minDelayMs: 1_000, maxDelayMs: 4_000 });
    expect(result.connection?.available_queue_info?.map((q) => q.status)).toEqual(['CREATING', 'ACTIVE']);
  });
});

test('a FAILED binding ends the wait at once with DLI\'s err_msg', async () => {
  await withWaiter([{ connectionId: ID, pool: 'pool_a', afterMs: 3_000, to: 'FAILED', errMsg: 'Peering refused: CIDR 10.0.0.0/8 overlaps.' }], async (wait, clock) => {
    const error = await rejectionOf(wait('active', { maxWaitMs: 600_000 }));
    expect(error).toBeInstanceOf(DliWaitFailedError);
    expect(error).toMatchObject({
      reason: 'binding-failed',
      connectionId: ID,
      binding: { kind: 'pool', name: 'pool_a', status: 'FAILED', errMsg: 'Peering refused: CIDR 10.0.0.0/8 overlaps.' },
      message: `connection ${ID}: pool pool_a is FAILED: Peering refused: CIDR 10.0.0.0/8 overlaps.`,
    });
    expect(clock.t).toBe(5_000); // the poll after 3 s saw it; no more polls
  });
});

test('waits for deletion: DELETED status, or gone (DLI no longer knows it)', async () => {
  await withWaiter([{ connectionId: ID, afterMs: 4_000, to: 'DELETED' }], async (wait) => {
    const result = await wait('deleted', { maxWaitMs: 60_000 });
    expect(result.connection?.status).toBe('DELETED');
  });
  await withWaiter([{ connectionId: ID, afterMs: 4_000, to: 'GONE' }], async (wait) => {
    const result = await wait({ for: 'deleted' }, { maxWaitMs: 60_000 });
    expect(result.connection).toBeUndefined();
    expect(result.polls).toBe(3);
  });
  // Waiting for `active`, a deleted connection can never get there; an unknown one is the API's error.
  await withWaiter([{ connectionId: ID, afterMs: 1_000, to: 'DELETED' }], async (wait) => {
    expect(await rejectionOf(wait('active', { maxWaitMs: 60_000 }))).toMatchObject({ name: 'DliWaitFailedError', reason: 'deleted', binding: undefined });
  });
  await withWaiter([{ connectionId: ID, afterMs: 1_000, to: 'GONE' }], async (wait) => {
    const error = await rejectionOf(wait('active', { maxWaitMs: 60_000 }));
    expect(error).toBeInstanceOf(DliApiError);
    expect((error as DliApiError).isNotFound).toBe(true);
  });
});

test('running out of time is a DliWaitTimeoutError with the last state seen, ended before a poll past the deadline', async () => {
  await withWaiter([], async (wait, clock) => {
    const error = await rejectionOf(wait('active', { maxWaitMs: 10_000 }));
    expect(error).toBeInstanceOf(DliWaitTimeoutError);
    expect(error).toMatchObject({ maxWaitMs: 10_000, polls: 4, pending: 'queue q1 is CREATING, queue q2 is CREATING, pool pool_a is CREATING' });
    expect((error as DliWaitTimeoutError).lastConnection?.id).toBe(ID);
    // 2 + 3 + 5 s slept; the next delay (9 s) would pass 10 s, so the wait ends at 10 s − 0.
    expect(clock.delays).toEqual([2_000, 3_000, 5_000]);
  });
});

test('the caller\'s signal aborts the wait between polls with a DliAbortError', async () => {
  await withWaiter([], async (wait) => {
    const controller = new AbortController();
    const error = await rejectionOf(
      wait('active', { maxWaitMs: 600_000, signal: controller.signal, onPoll: (poll: { polls: number }) => poll.polls === 2 && controller.abort(new Error('stop')) }),
    );
    expect(error).toBeInstanceOf(DliAbortError);
    expect((error as Error).message).toBe('aborted: stop');
  });
});

test('a transient 5xx during the wait is retried by the transport and the wait goes on', async () => {
  await withWaiter(
    [{ connectionId: ID, afterMs: 4_000, to: 'ACTIVE' }],
    async (wait) => {
      const attempts: Array<number | undefined> = [];
      const result = await wait('active', { maxWaitMs: 60_000, onPoll: (poll: { connection?: { $metadata: { attempts: number } } }) => attempts.push(poll.connection?.$metadata.attempts) });
      expect(result.polls).toBe(3);
      // The second poll met a 503 and its retry answered.
      expect(attempts).toEqual([1, 2, 1]);
    },
    { schedule: { 2: { kind: 'status', status: 503 } } },
  );
});

test('both surfaces wait with the system clock (short delays), and check their arguments first', async () => {
  await withMock({ connections: [connection()], transitions: { changes: [{ connectionId: ID, afterMs: 0, to: 'ACTIVE' }] } }, async (mock) => {
    const options = { endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk };
    for (const client of [createDliClient(options), createDliFetchClient(options)]) {
      const result = await client.waitForEnhancedConnection(ID, 'active', { maxWaitMs: 5_000, minDelayMs: 1, maxDelayMs: 2 });
      expect(result.connection?.status).toBe('ACTIVE');
      const refused = async (condition: unknown, waitOptions: unknown) =>
        (await rejectionOf(client.waitForEnhancedConnection(ID, condition as 'active', waitOptions as { maxWaitMs: number }))) as DliValidationError;
      expect((await refused('ready', { maxWaitMs: 1 })).field).toBe('condition');
      expect((await refused({ for: 'deleted', queue: 'q1' }, { maxWaitMs: 1 })).field).toBe('condition.queue');
      expect((await refused('active', {})).field).toBe('options.maxWaitMs');
      expect((await refused('active', { maxWaitMs: 1, minDelayMs: 10, maxDelayMs: 5 })).field).toBe('options.minDelayMs');
      expect((await refused('active', { maxWaitMs: 1, polls: 3 })).field).toBe('options.polls');
      expect(await rejectionOf(client.waitForEnhancedConnection('..', 'active', { maxWaitMs: 1 }))).toBeInstanceOf(DliValidationError);
    }
  });
});

test('a poll in flight at the deadline is cut off as a timeout (system clock)', async () => {
  await withMock({ connections: [connection()], latencyMs: 2_000 }, async (mock) => {
    const client = createDliClient({ endpoint: mock.url, projectId: PROJECT_ID, credentials: akSk });
    const error = await rejectionOf(client.waitForEnhancedConnection(ID, 'active', { maxWaitMs: 50 }));
    expect(error).toBeInstanceOf(DliWaitTimeoutError);
    expect(error).toMatchObject({ polls: 1, lastConnection: undefined });
  });
});

test('the delay doubles from minDelay to maxDelay, jittered in between, as smithy\'s waiters', () => {
  expect([1, 2, 3, 4, 5, 6, 7].map((n) => waitDelayMs(2_000, 30_000, n, () => 0.999_999))).toEqual([
    2_000, expect.closeTo(4_000, 0), expect.closeTo(8_000, 0), expect.closeTo(16_000, 0), expect.closeTo(30_000, 0), 30_000, 30_000,
  ]);
  expect(waitDelayMs(2_000, 30_000, 4, () => 0)).toBe(2_000);
});
