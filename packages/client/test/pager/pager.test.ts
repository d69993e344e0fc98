// The pager against a fake page fetcher (a plain function, no HTTP): which offsets it asks for,
// how many requests it keeps open, what it yields, and how it ends.
import { getEventListeners } from 'node:events';
import { DliAbortError, DliPaginationError, DliValidationError } from '../../src/errors';
import { paginate, type PagerOptions } from '../../src/pager';
import type { PageRequest } from '../../src/pager/look-ahead';

interface Item {
  id?: string | null;
  n?: number;
}

interface FakeOptions {
  /** Items the server sends per page whatever `limit` says (a server cap, or a server that sends more). */
  serverPage?: number;
  /** Offsets whose request rejects with an Error naming the offset. */
  failAt?: number[];
  ignoreOffset?: boolean;
  /** An aborted request settles on a later turn, as fetch's does, instead of at once. */
  abortSettlesLater?: boolean;
  /** Called when a request is aborted (before it settles). */
  onAbort?: () => void;
}

/** A fetcher over `data` that records every request and settles on its own turn of the event loop. */
function fakeFetcher(data: Item[], { serverPage, failAt = [], ignoreOffset = false, abortSettlesLater = false, onAbort: abortHook }: FakeOptions = {}) {
  const requested: PageRequest[] = [];
  const abortedAtStart: boolean[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetchPage = ({ offset, limit, signal }: PageRequest) => {
    requested.push({ offset, limit, signal });
    abortedAtStart.push(signal.aborted);
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    return new Promise<{ items: Item[]; response: { offset: number } }>((resolve, reject) => {
      const done = () => {
        inFlight--;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        clearImmediate(timer);
        abortHook?.();
        const settle = () => {
          done();
          reject(signal.reason as Error);
        };
        if (abortSettlesLater) setImmediate(settle);
        else settle();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const timer = setImmediate(() => {
        done();
        if (failAt.includes(offset)) {
          reject(new Error(`page at ${offset} failed`));
          return;
        }
        const from = ignoreOffset ? 0 : offset;
        resolve({ items: data.slice(from, from + (serverPage ?? limit)), response: { offset } });
      });
    });
  };
  return {
    fetchPage,
    offsets: () => requested.map((r) => r.offset),
    limits: () => requested.map((r) => r.limit),
    mostInFlight: () => mostInFlight,
    abortedAtStart: () => abortedAtStart,
    inFlight: () => inFlight,
  };
}

const items = (n: number, prefix = 'c'): Item[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));
const idOf = (item: Item) => item.id;
const ids = (list: readonly Item[]) => list.map((item) => item.id);

async function collect(data: Item[], options: PagerOptions, fake = fakeFetcher(data)) {
  const walked = await paginate(fake.fetchPage, idOf, options).toArray({ limit: Infinity });
  return { walked, fake };
}

describe('the walk, table-driven', () => {
  const cases = [0, 1, 9, 10, 11, 25, 100].flatMap((total) =>
    [1, 3, 10].flatMap((pageSize) => [1, 2, 4].map((concurrency) => [total, pageSize, concurrency] as const)),
  );
  test.each(cases)('%i items, page size %i, concurrency %i: each once, in order, within the window', async (total, pageSize, concurrency) => {
    const data = items(total);
    const { walked, fake } = await collect(data, { pageSize, concurrency });
    expect(ids(walked)).toEqual(ids(data));
    expect(fake.limits().every((limit) => limit === pageSize)).toBe(true);
    expect(fake.mostInFlight()).toBeLessThanOrEqual(concurrency);
    expect(fake.inFlight()).toBe(0);
    expect(fake.offsets()[0]).toBe(0);
    // Every page of items is asked for once, and so is the empty one that ends the walk.
    const pageOffsets = [...Array.from({ length: Math.ceil(total / pageSize) }, (_, i) => i * pageSize), total];
    expect(fake.offsets().filter((offset) => offset <= total)).toEqual(pageOffsets);
    if (concurrency === 1) expect(fake.offsets()).toEqual(pageOffsets);
  });

  test('look-ahead opens only after the first page, and keeps `concurrency` requests open', async () => {
    const fake = fakeFetcher(items(100));
    const pager = paginate(fake.fetchPage, idOf, { pageSize: 10, concurrency: 4 });
    const iterator = pager.byPage();
    await iterator.next();
    expect(fake.offsets()).toEqual([0]);
    await iterator.next();
    expect(fake.offsets()).toEqual([0, 10, 20, 30, 40]); // the page taken and three ahead
    await iterator.return?.(undefined);
    expect(fake.inFlight()).toBe(0);
  });

  test('ending a walk early returns only once its look-ahead requests have settled', async () => {
    const fake = fakeFetcher(items(100), { abortSettlesLater: true });
    const iterator = paginate(fake.fetchPage, idOf, { pageSize: 10, concurrency: 4 }).byPage();
    await iterator.next();
    await iterator.next();
    expect(fake.inFlight()).toBe(3);
    await iterator.return?.(undefined);
    expect(fake.inFlight()).toBe(0);
  });

  test('an over-long page re-plans the look-ahead at the length the server sends', async () => {
    // The server sends 15 items whatever the limit (10): offsets advance by 15, and look-ahead
    // opens once a second page has confirmed that length.
    const { walked, fake } = await collect(items(100), { pageSize: 10, concurrency: 4 }, fakeFetcher(items(100), { serverPage: 15 }));
    expect(ids(walked)).toEqual(ids(items(100)));
    expect(fake.offsets()).toEqual([0, 15, 30, 45, 60, 75, 90, 105, 120, 135, 100]);
    expect(fake.mostInFlight()).toBeLessThanOrEqual(4);
  });

  test('a re-plan waits until the cancelled requests have settled: never more than `concurrency` open', async () => {
    const fake = fakeFetcher(items(100), { serverPage: 15, abortSettlesLater: true });
    const { walked } = await collect(items(100), { pageSize: 10, concurrency: 4 }, fake);
    expect(ids(walked)).toEqual(ids(items(100)));
    expect(fake.mostInFlight()).toBe(4);
  });

  test('look-ahead from a startOffset asks for no offset past maxItems', async () => {
    const { walked, fake } = await collect(items(200), { pageSize: 10, concurrency: 8, startOffset: 100, maxItems: 40 }, fakeFetcher(items(200)));
    expect(ids(walked)).toEqual(ids(items(200).slice(100, 140)));
    expect(fake.offsets()).toEqual([100, 110, 120, 130]);
    expect(fake.mostInFlight()).toBe(3); // the three after the first page, at once
  });

  test('a short page (a server cap) re-plans too, one request at a time until confirmed', async () => {
    const { walked, fake } = await collect(items(20), { pageSize: 10, concurrency: 3 }, fakeFetcher(items(20), { serverPage: 4 }));
    expect(ids(walked)).toEqual(ids(items(20)));
    expect(fake.offsets()).toEqual([0, 4, 8, 12, 16, 20, 24, 28]);
  });

  test.each([
    [{ maxItems: 25 }, [0, 10, 20], 25],
    [{ maxItems: 10 }, [0], 10],
    [{ maxItems: 0 }, [], 0],
    [{ maxPages: 3 }, [0, 10, 20], 30],
    [{ maxPages: 1 }, [0], 10],
    [{ maxPages: 0 }, [], 0],
    [{ maxPages: 4, maxItems: 35 }, [0, 10, 20, 30], 35],
  ])('%j with concurrency 4 asks for %j and yields %i items', async (limits, offsets, count) => {
    const data = items(1_000);
    const { walked, fake } = await collect(data, { pageSize: 10, concurrency: 4, ...limits });
    expect(ids(walked)).toEqual(ids(data.slice(0, count)));
    expect(fake.offsets()).toEqual(offsets);
  });

  test('maxItems cuts a page, and nextOffset resumes right after the last item yielded', async () => {
    const fake = fakeFetcher(items(50));
    const pages = [];
    for await (const page of paginate(fake.fetchPage, idOf, { pageSize: 10, maxItems: 15, startOffset: 5 }).byPage()) pages.push(page);
    expect(pages.map(({ offset, nextOffset, items: got }) => [offset, nextOffset, got.length])).toEqual([[5, 15, 10], [15, 20, 5]]);
    expect(pages[1].response).toEqual({ offset: 15 });
  });
});

describe('duplicates and a server that ignores offset', () => {
  test('items already yielded in this walk are skipped and counted per walk and per page (offset drift)', async () => {
    // An item inserted before the walk's position after each first page shifts the rest by one.
    const data = items(25);
    const drifting = ({ offset, limit }: PageRequest) => {
      const page = data.slice(offset, offset + limit);
      if (offset === 0) data.unshift({ id: `inserted${data.length}` });
      return Promise.resolve({ items: page, response: null });
    };
    const pager = paginate(drifting, idOf, { pageSize: 10 });
    const pages = [];
    for await (const page of pager.byPage()) pages.push(page);
    expect(pages.flatMap((page) => ids(page.items))).toEqual(ids(items(25)));
    expect(pages.map((page) => page.duplicatesSkipped)).toEqual([0, 1, 0, 0]);
    expect(pager.duplicatesSkipped).toBe(1);
    await pager.toArray({ limit: Infinity }); // a second walk: its own count, not a running total
    expect(pager.duplicatesSkipped).toBe(1);
  });

  test.each([null, undefined])('items whose id is %p are never collapsed into one (the walk bounded by maxPages)', async (id) => {
    const data = Array.from({ length: 7 }, (_, i) => (id === undefined ? { n: i } : { id, n: i }));
    const { walked } = await collect(data, { pageSize: 2, maxPages: 10 });
    expect(walked).toEqual(data);
  });

  test.each([1, 4])('a server ignoring offset is a DliPaginationError at the fourth page (concurrency %i)', async (concurrency) => {
    const fake = fakeFetcher(items(50), { ignoreOffset: true });
    const error = await paginate(fake.fetchPage, idOf, { pageSize: 10, concurrency }).toArray({ limit: Infinity }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DliPaginationError);
    expect(error).toMatchObject({ offset: 30, message: 'the page at offset 30 ends 3 pages in a row of only items already seen: the server is not applying offset' });
    expect(fake.inFlight()).toBe(0);
  });

  test('a server ignoring offset with items without ids: the walk ends at its bound', async () => {
    const data = Array.from({ length: 30 }, (_, i) => ({ n: i }));
    const fake = fakeFetcher(data, { ignoreOffset: true });
    const walked = await paginate(fake.fetchPage, () => undefined, { pageSize: 10, maxPages: 5 }).toArray({ limit: Infinity });
    expect(walked).toHaveLength(50);
    expect(fake.offsets()).toEqual([0, 10, 20, 30, 40]);
  });

  test('pages of only items already seen end the walk with a DliPaginationError, not an endless walk', async () => {
    const data = items(10);
    const shuffled = ({ offset }: PageRequest) => Promise.resolve({ items: offset === 0 ? data : [...data].reverse(), response: null });
    const error = await paginate(shuffled, idOf, { pageSize: 10 }).toArray({ limit: Infinity }).catch((e: unknown) => e);
    expect(error).toMatchObject({ offset: 30, message: expect.stringContaining('only items already seen') as unknown });
  });

  test('resuming at a page with startOffset is not taken for a repeat', async () => {
    const { walked } = await collect(items(30), { pageSize: 10, startOffset: 10 });
    expect(ids(walked)).toEqual(ids(items(30).slice(10)));
  });
});

describe('errors and aborts at every position', () => {
  const positions = [0, 10, 20, 30, 40, 45].flatMap((failAt) => [1, 4].map((concurrency) => [failAt, concurrency] as const));

  test.each(positions)('a failure of the page at %i (concurrency %i) rejects after the pages before it; nothing stays open', async (failAt, concurrency) => {
    const data = items(45);
    const fake = fakeFetcher(data, { failAt: [failAt] });
    const seen: Item[] = [];
    const error = await (async () => {
      for await (const item of paginate(fake.fetchPage, idOf, { pageSize: 10, concurrency })) seen.push(item);
    })().catch((e: unknown) => e);
    expect(error).toEqual(new Error(`page at ${failAt} failed`));
    expect(ids(seen)).toEqual(ids(data.slice(0, failAt)));
    expect(fake.inFlight()).toBe(0);
  });

  test.each(positions)('an abort after %i items (concurrency %i) throws the reason; no request is open or started after', async (abortAt, concurrency) => {
    const data = items(45);
    const fake = fakeFetcher(data);
    const controller = new AbortController();
    const seen: Item[] = [];
    const error = await (async () => {
      if (abortAt === 0) controller.abort(new Error('stop'));
      for await (const item of paginate(fake.fetchPage, idOf, { pageSize: 10, concurrency, signal: controller.signal })) {
        seen.push(item);
        if (seen.length === abortAt) controller.abort(new Error('stop'));
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DliAbortError);
    expect(error).toMatchObject({ name: 'AbortError', cause: new Error('stop') });
    expect(seen.length).toBeLessThanOrEqual(Math.max(abortAt, Math.ceil(abortAt / 10) * 10));
    expect(fake.inFlight()).toBe(0);
    const requests = fake.offsets().length;
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.offsets()).toHaveLength(requests);
    if (abortAt === 0) expect(requests).toBe(0);
  });

  test('an abort while a page is in flight rejects that request', async () => {
    const controller = new AbortController();
    const pending = paginate(
      ({ signal }) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted fetch')))),
      idOf,
      { signal: controller.signal },
    ).toArray({ limit: Infinity });
    controller.abort(new Error('user'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', cause: new Error('user') });
  });
});

test('pager options are validated before any page is requested', () => {
  const never = async () => {
    throw new Error('must not be called');
  };
  expect(() => paginate(never, () => 1, { pageSize: 0 })).toThrow('pageSize must be an integer ≥ 1, got 0');
  expect(() => paginate(never, () => 1, { concurrency: 1.5 })).toThrow(DliValidationError);
  expect(() => paginate(never, () => 1, { concurrency: 33 })).toThrow('concurrency must be an integer in [1, 32], got 33');
  expect(() => paginate(never, () => 1, { startOffset: -1 })).toThrow('startOffset must be an integer ≥ 0');
  expect(() => paginate(never, () => 1, { maxItems: -1 })).toThrow('maxItems must be an integer ≥ 0');
  // The options object and its signal are checked by paginateConnections (paginate.test.ts).
  expect(() => paginate(never, () => 1, { pageSize: '5' as never })).toThrow('pageSize must be an integer ≥ 1, got "5"');
});

test('toArray requires its limit and stops at it', async () => {
  const fake = fakeFetcher(items(100));
  const pager = paginate(fake.fetchPage, idOf, { pageSize: 10 });
  await expect(pager.toArray(undefined as never)).rejects.toThrow('limit is required');
  await expect(pager.toArray({ limit: -1 })).rejects.toThrow('limit must be an integer ≥ 0');
  expect(await pager.toArray({ limit: 0 })).toEqual([]);
  expect(ids(await pager.toArray({ limit: 15 }))).toEqual(ids(items(15)));
  expect(fake.offsets()).toEqual([0, 10]);
});

describe("the caller's signal", () => {
  test('gets one abort listener per walk, whatever the concurrency, and none after it', async () => {
    const controller = new AbortController();
    const fake = fakeFetcher(items(200));
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const most: number[] = [];
      for await (const page of paginate(fake.fetchPage, idOf, { pageSize: 2, concurrency: 32, signal: controller.signal }).byPage()) {
        most.push(getEventListeners(controller.signal, 'abort').length);
        expect(page.items.length).toBeLessThanOrEqual(2);
      }
      expect(fake.mostInFlight()).toBe(32);
      expect(Math.max(...most)).toBe(1);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on a later tick
      expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  test('an abort during a re-plan reaches the request the re-plan starts', async () => {
    const controller = new AbortController();
    // The caller gives up while the walk cancels its stale look-ahead (the server sent a longer page).
    let requestsBeforeAbort = -1;
    const fake = fakeFetcher(items(100), {
      serverPage: 15,
      abortSettlesLater: true,
      onAbort: () => {
        if (requestsBeforeAbort >= 0) return;
        requestsBeforeAbort = fake.offsets().length;
        controller.abort(new Error('enough'));
      },
    });
    const walk = collect(items(100), { pageSize: 10, concurrency: 4, signal: controller.signal }, fake);
    await expect(walk).rejects.toBeInstanceOf(DliAbortError);
    const startedAfterAbort = fake.abortedAtStart().slice(requestsBeforeAbort);
    expect(startedAfterAbort).toEqual([true]); // the re-plan's one request, aborted before it went out
    expect(fake.inFlight()).toBe(0);
  });

  test('aborting it aborts every request in flight, and the walk throws DliAbortError', async () => {
    const controller = new AbortController();
    const fake = fakeFetcher(items(200));
    const walked: Item[] = [];
    const walk = (async () => {
      for await (const item of paginate(fake.fetchPage, idOf, { pageSize: 2, concurrency: 8, signal: controller.signal })) {
        walked.push(item);
        if (walked.length === 6) controller.abort(new Error('enough'));
      }
    })();
    await expect(walk).rejects.toBeInstanceOf(DliAbortError);
    expect(fake.inFlight()).toBe(0);
  });
});

describe('pages compared by value, as a real server sends them (fresh objects every time)', () => {
  /** A fetcher answering `pages[i]` for the i-th request, as JSON-parsed copies. */
  function scripted(pages: unknown[][]) {
    let call = 0;
    return ({ limit }: PageRequest) => Promise.resolve({ items: structuredClone(pages[Math.min(call++, pages.length - 1)]).slice(0, limit) as Item[], response: {} });
  }
  const walkAll = (fetchPage: ReturnType<typeof scripted>, pageSize = 2) => paginate(fetchPage, idOf, { pageSize }).toArray({ limit: 100 });

  test('numbers are ids too: a number id seen before is skipped', async () => {
    const byNumber = (item: { id: number }) => item.id;
    const pager = paginate(scripted([[{ id: 1 }, { id: 2 }], [{ id: 2 }, { id: 3 }], []]) as never, byNumber, { pageSize: 2 });
    expect(await pager.toArray({ limit: 10 })).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(pager.duplicatesSkipped).toBe(1);
  });

  test('a server that ignores offset is caught from equal copies with ids; without ids, the bound ends the walk', async () => {
    const withIds = await walkAll(scripted([[{ id: 'a' }, { id: 'b' }]])).then(() => undefined, (e: unknown) => e);
    expect(withIds).toBeInstanceOf(DliPaginationError);
    expect(withIds).toMatchObject({ offset: 6, message: 'the page at offset 6 ends 3 pages in a row of only items already seen: the server is not applying offset' });
    for (const page of [[{ n: 1 }, { n: 2 }], [{ id: null, n: 1 }, { id: null, n: 2 }]]) {
      expect(await paginate(scripted([page]), idOf, { pageSize: 2, maxPages: 5 }).toArray({ limit: 100 })).toHaveLength(10);
    }
  });

  test('pages without ids that share a first item, or have the same ids but other content, are walked on', async () => {
    const bounded = (fetchPage: ReturnType<typeof scripted>) => paginate(fetchPage, idOf, { pageSize: 2, maxPages: 50 }).toArray({ limit: 100 });
    expect(await bounded(scripted([[{ n: 1 }, { n: 2 }], [{ n: 1 }, { n: 3 }], []]))).toEqual([{ n: 1 }, { n: 2 }, { n: 1 }, { n: 3 }]);
    const sameIdsNewContent = scripted([[{ id: null, n: 1 }, { id: null, n: 2 }], [{ id: null, n: 1 }, { id: null, n: 9 }], []]);
    expect(await bounded(sameIdsNewContent)).toHaveLength(4);
  });

  test('items with another id are not the same item, even with equal other fields', async () => {
    const differentIds = scripted([[{ id: 'a', n: 1 }, { id: 'b', n: 1 }], [{ id: 'c', n: 1 }, { id: 'd', n: 1 }], []]);
    expect((await walkAll(differentIds)).map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

test('items that JSON cannot write (nested past the stack) walk without a RangeError; a repeated id is still skipped', async () => {
  let deep: unknown = 1;
  for (let i = 0; i < 20_000; i++) deep = [deep];
  const pages = [[{ id: 'a', deep }], [{ id: 'a', deep }], []];
  const fetchPage = async ({ offset }: PageRequest) => ({ items: pages[Math.min(offset, 2)], response: undefined });
  const pager = paginate(fetchPage, (item: { id: string }) => item.id, { pageSize: 1 });
  const iterator = pager[Symbol.asyncIterator]();
  const walked = [];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) walked.push(next.value);
  expect(walked).toEqual([pages[0][0]]);
  expect(iterator.duplicatesSkipped).toBe(1);
});
