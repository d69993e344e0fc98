// The gateway's lock-out (opt-in): the bookkeeping with an injected clock, then through HTTP with
// our own client, where a wrong SK in a walk costs one failure (the client never retries a 401).
import { createDliClient, DliApiError } from '@dli-sdk/client';
import { createLockout, GATEWAY_LOCKOUT } from '../src/lockout';
import { startMockDli } from '../src/server';

const KEY = { ak: 'LOCKOUTAK00000000001', sk: 'lockout-secret' };
const PROJECT = '0123456789abcdef0123456789abcdef';
const LOCKED = 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.';

describe('createLockout', () => {
  test('the gateway numbers: 5 failures lock for 5 minutes, counted within 5 minutes', () => {
    expect(GATEWAY_LOCKOUT).toEqual({ failures: 5, windowMs: 300_000, lockMs: 300_000 });
    const lockout = createLockout({});
    for (let i = 0; i < 4; i++) lockout.failed('AK', 1000 + i);
    expect(lockout.isLocked('AK', 1004)).toBe(false);
    lockout.failed('AK', 1004);
    expect(lockout.isLocked('AK', 1005)).toBe(true);
    expect(lockout.isLocked('AK', 1004 + 300_000 - 1)).toBe(true);
    expect(lockout.isLocked('AK', 1004 + 300_000)).toBe(false);
    expect(lockout.isLocked('OTHER', 1005)).toBe(false);
  });

  test('a success in between resets the count: the failures must be in a row', () => {
    const lockout = createLockout({ failures: 2 });
    lockout.failed('AK', 0);
    lockout.succeeded('AK');
    lockout.failed('AK', 1);
    expect(lockout.isLocked('AK', 2)).toBe(false);
    lockout.failed('AK', 2);
    expect(lockout.isLocked('AK', 3)).toBe(true);
  });

  test('failures older than the window start a new count', () => {
    const lockout = createLockout({ failures: 2, windowMs: 100 });
    lockout.failed('AK', 0);
    lockout.failed('AK', 100);
    expect(lockout.isLocked('AK', 101)).toBe(false);
    lockout.failed('AK', 150);
    expect(lockout.isLocked('AK', 151)).toBe(true);
  });

  test.each([[{ failures: 0 }], [{ windowMs: 1.5 }], [{ lockMs: -1 }]])('%j is refused', (options) => {
    expect(() => createLockout(options)).toThrow(RangeError);
  });
});

describe('--lockout through HTTP, with our client', () => {
  test('a wrong SK in a walk costs one failure; the Nth failure locks the AK, even for the right SK, until the lock ends', async () => {
    // The clock moves only when the test says so; it starts at the real time so the client's
    // X-Sdk-Date stays inside the 15-minute window.
    const start = Date.now();
    let elapsed = 0;
    const mock = await startMockDli({
      connections: 30,
      projectId: PROJECT,
      auth: { credentials: [KEY] },
      lockout: { failures: 3, lockMs: 60_000 },
      clock: () => start + elapsed,
    });
    try {
      const client = (sk: string) => createDliClient({ endpoint: mock.url, projectId: PROJECT, credentials: { ak: KEY.ak, sk } });
      const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);
      const walk = async (sk: string) => {
        const ids = [];
        for await (const connection of client(sk).paginateEnhancedConnections({}, { pageSize: 7 })) ids.push(connection.id);
        return ids;
      };
      for (let i = 0; i < 2; i++) {
        const before = mock.requestCount;
        const error = await errorOf(walk('wrong-secret'));
        expect(error).toBeInstanceOf(DliApiError);
        expect({ status: (error as DliApiError).status, requests: mock.requestCount - before }).toEqual({ status: 401, requests: 1 });
      }
      expect(await walk(KEY.sk)).toHaveLength(30);
      // The walk above reset the count: two more failures do not lock, a third in a row does.
      await errorOf(walk('wrong-secret'));
      await errorOf(walk('wrong-secret'));
      expect(await walk(KEY.sk)).toHaveLength(30);
      for (let i = 0; i < 3; i++) await errorOf(walk('wrong-secret'));
      const locked = (await errorOf(client(KEY.sk).listEnhancedConnections())) as DliApiError;
      expect({ status: locked.status, code: locked.code }).toEqual({ status: 401, code: 'APIGW.0301' });
      expect(JSON.stringify(locked.body)).toContain(LOCKED);
      elapsed = 60_000;
      expect(await walk(KEY.sk)).toHaveLength(30);
    } finally {
      await mock.close();
    }
  });

  test('without the option nothing locks', async () => {
    const mock = await startMockDli({ connections: 2, projectId: PROJECT, auth: { credentials: [KEY] } });
    try {
      for (let i = 0; i < 8; i++) {
        await createDliClient({ endpoint: mock.url, projectId: PROJECT, credentials: { ak: KEY.ak, sk: 'wrong' } }).listEnhancedConnections().catch(() => undefined);
      }
      expect((await createDliClient({ endpoint: mock.url, projectId: PROJECT, credentials: KEY }).listEnhancedConnections()).connections).toHaveLength(2);
    } finally {
      await mock.close();
    }
  });
});
