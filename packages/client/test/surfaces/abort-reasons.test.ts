// Whatever a caller aborts with, the call settles with a DliAbortError carrying that reason:
// before the request, in flight, during a retry wait and mid-walk, on both surfaces; nothing
// throws inside the signal's listeners, and many calls on one signal add one listener.
import { getEventListeners } from 'node:events';
import { createDliClient, createDliFetchClient, DliAbortError, type DliClientOptions } from '@dli-sdk/client';
import { PROJECT_ID, TEST_TOKEN, rejectionOf } from '../helpers';
import { LIST_PATH, pageOf, withServer } from '../hostile';

// Its get trap throws; one whose getPrototypeOf throws would break util.inspect of anything holding it.
const hostileProxy = new Proxy(
  {},
  {
    get: () => {
      throw new Error('trap');
    },
  },
);
const REASONS: Array<[string, () => unknown]> = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a frozen object', () => Object.freeze({ why: 'frozen' })],
  ['an object without a prototype', () => Object.create(null) as object],
  ['a Symbol', () => Symbol('why')],
  ['a Proxy whose traps throw', () => hostileProxy],
];

const SURFACES = ['createDliClient', 'createDliFetchClient'] as const;
type Surface = (typeof SURFACES)[number];

function list(surface: Surface, options: DliClientOptions, signal: AbortSignal) {
  if (surface === 'createDliClient') return createDliClient(options).listEnhancedConnections({}, { signal });
  return createDliFetchClient(options).GET(LIST_PATH, { params: { path: { project_id: PROJECT_ID } }, signal });
}

async function expectAbortedWith(call: Promise<unknown>, signal: AbortSignal): Promise<void> {
  const error = await rejectionOf(call);
  expect(error).toBeInstanceOf(DliAbortError);
  expect((error as Error).message).toMatch(/^aborted: /);
  expect((error as Error).cause).toBe(signal.reason);
}

describe.each(SURFACES)('%s', (surface) => {
  test.each(REASONS)('aborted before the call with %s: settles, nothing is sent', async (_title, reason) => {
    await withServer(
      (_req, res) => res.end(pageOf([])),
      async (server) => {
        const controller = new AbortController();
        controller.abort(reason());
        await expectAbortedWith(list(surface, { endpoint: server.url, projectId: PROJECT_ID }, controller.signal), controller.signal);
        expect(server.received).toEqual([]);
      },
    );
  });

  test.each(REASONS)('aborted in flight with %s', async (_title, reason) => {
    const controller = new AbortController();
    // The server never answers; the request arriving is the moment to abort.
    await withServer(
      () => controller.abort(reason()),
      async (server) => {
        await expectAbortedWith(list(surface, { endpoint: server.url, projectId: PROJECT_ID }, controller.signal), controller.signal);
      },
    );
  });

  test.each(REASONS)('aborted during a retry wait with %s: no exception in the listener, the call settles', async (_title, reason) => {
    const controller = new AbortController();
    await withServer(
      (_req, res) => res.writeHead(503, { 'retry-after': '20' }).end('{"error_code":"DLI.0999","error_msg":"busy"}'),
      async (server) => {
        // The log line of a failed attempt that will be retried comes right before the wait.
        const logger = {
          debug: (line: string) => {
            if (line.includes('retry:')) controller.abort(reason());
          },
        };
        const options = { endpoint: server.url, projectId: PROJECT_ID, logger, logLevel: 'debug' as const };
        await expectAbortedWith(list(surface, options, controller.signal), controller.signal);
        expect(server.received).toHaveLength(1);
      },
    );
  });

  test.each(REASONS)('aborted mid-walk with %s', async (_title, reason) => {
    const controller = new AbortController();
    await withServer(
      (_req, res) => res.end(pageOf([{ id: `c${Math.random()}`, name: 'c', status: 'ACTIVE' }])),
      async (server) => {
        const client = surface === 'createDliClient' ? createDliClient({ endpoint: server.url, projectId: PROJECT_ID }) : createDliFetchClient({ endpoint: server.url, projectId: PROJECT_ID });
        const walk = (async () => {
          for await (const page of client.paginateEnhancedConnections({}, { signal: controller.signal, pageSize: 1 }).byPage()) {
            if (page.offset === 1) controller.abort(reason());
          }
        })();
        await expectAbortedWith(walk, controller.signal);
      },
    );
  });
});

test('thirty calls sharing one signal add one abort listener, and none is left after them', async () => {
  await withServer(
    (_req, res) => res.end(pageOf([])),
    async (server) => {
      const client = createDliClient({ endpoint: server.url, projectId: PROJECT_ID, credentials: { token: TEST_TOKEN } });
      const controller = new AbortController();
      const calls = Array.from({ length: 30 }, () => client.listEnhancedConnections({}, { signal: controller.signal }));
      expect(getEventListeners(controller.signal, 'abort').length).toBeLessThanOrEqual(1);
      await Promise.all(calls);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    },
  );
});

test('thirty calls sharing one signal are all aborted by it', async () => {
  const controller = new AbortController();
  let arrived = 0;
  await withServer(
    () => ++arrived === 30 && controller.abort(Object.create(null)),
    async (server) => {
      const client = createDliClient({ endpoint: server.url, projectId: PROJECT_ID });
      const calls = Array.from({ length: 30 }, () => rejectionOf(client.listEnhancedConnections({}, { signal: controller.signal })));
      for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(DliAbortError);
    },
  );
});
