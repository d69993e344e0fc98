// Delayed changes of the stand-in, on a clock the test moves: a binding settles ACTIVE or FAILED
// (with its err_msg), a connection turns DELETED or is gone, each once and only when its time comes.
import { startMockDli, type Transition } from '@dli-sdk/mock-server';
import { exchange, type Exchange } from './exchange';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SHOW = `/v2.0/${PROJECT}/datasource/enhanced-connections`;
const binding = (name: string, status: 'CREATING' | 'ACTIVE' = 'CREATING') => ({ peer_id: `p-${name}`, status, name, err_msg: '', update_time: 1000 });

function body(result: Exchange): Record<string, unknown> {
  if ('error' in result) throw new Error(result.error);
  return JSON.parse(result.body) as Record<string, unknown>;
}

async function withClock(changes: Transition[], fn: (show: (id: string) => Promise<Record<string, unknown>>, clock: { t: number }) => Promise<void>) {
  const clock = { t: 100 };
  const connections = ['a', 'b'].map((id) => ({
    id,
    name: id,
    status: 'ACTIVE' as const,
    available_queue_info: [binding('q1'), binding('q2', 'ACTIVE')],
    elastic_resource_pools: [binding('pool')],
  }));
  const mock = await startMockDli({ connections, transitions: { changes, now: () => clock.t } });
  try {
    await fn(async (id) => body(await exchange(mock.url, `${SHOW}/${id}`)), clock);
  } finally {
    await mock.close();
  }
}

const statuses = (shown: Record<string, unknown>, key: string) => (shown[key] as Array<{ status: string }>).map((b) => b.status);

test('every CREATING binding of every connection settles when its time comes, and no sooner', async () => {
  await withClock([{ afterMs: 1_000, to: 'ACTIVE' }], async (show, clock) => {
    clock.t += 999;
    expect(statuses(await show('a'), 'available_queue_info')).toEqual(['CREATING', 'ACTIVE']);
    clock.t += 1;
    for (const id of ['a', 'b']) {
      const shown = await show(id);
      expect(statuses(shown, 'available_queue_info')).toEqual(['ACTIVE', 'ACTIVE']);
      expect(statuses(shown, 'elastic_resource_pools')).toEqual(['ACTIVE']);
      expect((shown.available_queue_info as Array<{ update_time: number }>)[0].update_time).toBe(2000);
    }
  });
});

test('a named queue or pool of one connection fails with its err_msg; the rest stay as they are', async () => {
  await withClock(
    [
      { connectionId: 'a', pool: 'pool', afterMs: 10, to: 'FAILED', errMsg: 'CIDR overlaps' },
      { connectionId: 'a', queue: 'q2', afterMs: 10, to: 'FAILED' },
    ],
    async (show, clock) => {
      clock.t += 10;
      const a = await show('a');
      expect(a.elastic_resource_pools).toMatchObject([{ status: 'FAILED', err_msg: 'CIDR overlaps' }]);
      expect(a.available_queue_info).toMatchObject([{ status: 'CREATING' }, { status: 'FAILED', err_msg: 'Failed to create the VPC peering: the CIDR blocks overlap.' }]);
      expect(statuses(await show('b'), 'elastic_resource_pools')).toEqual(['CREATING']);
    },
  );
});

test('a connection turns DELETED, or is gone (show answers "does not exist")', async () => {
  await withClock([{ connectionId: 'a', afterMs: 5, to: 'DELETED' }, { connectionId: 'b', afterMs: 5, to: 'GONE' }], async (show, clock) => {
    expect((await show('b')).name).toBe('b');
    clock.t += 5;
    expect((await show('a')).status).toBe('DELETED');
    expect(await show('b')).toMatchObject({ error_code: 'DLI.0002' });
  });
});
