// The walk's guards against a list that moves and a server that ignores offset, against page-source
// functions (no HTTP): drift caught in a window of recent ids, every walk ends, each walk counts its own.
import { DliPaginationError } from '../../src/errors';
import { paginate, type PagerOptions } from '../../src/pager';
import { driftWindow, MAX_WINDOW_BYTES, WINDOW_PAGES } from '../../src/pager/drift-window';
import type { PageRequest } from '../../src/pager/look-ahead';
import { STALL_PAGES } from '../../src/pager/walk';

interface Item {
  id?: string | null;
  n?: number;
}

const items = (n: number, prefix = 'c'): Item[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));
const idOf = (item: Item) => item.id;
const ids = (list: readonly Item[]) => list.map((item) => item.id);
const page = (list: Item[]) => Promise.resolve({ items: structuredClone(list), response: null });
const errorOf = (walk: Promise<unknown>) => walk.then(() => undefined, (error: unknown) => error);

describe('offset drift between two requests, caught in a window of recent ids', () => {
  const PAGE = 5;
  const TOTAL = 40;
  // Between the answers to the 4th and 5th requests (the walk is then at offset 20, past a whole
  // window of items), `count` items are inserted or deleted at `at`.
  const REQUEST = 4;
  const POSITION = REQUEST * PAGE;

  function moving(change: (list: Item[]) => void) {
    const list = items(TOTAL);
    let requests = 0;
    const fetchPage = ({ offset, limit }: PageRequest) => {
      if (requests++ === REQUEST) change(list);
      return page(list.slice(offset, offset + limit));
    };
    return { list, fetchPage };
  }

  /** What a walk yields: the items before the change, then the list after it from the walk's position. */
  function expected(before: Item[], after: Item[], dedupe: boolean) {
    const all = ids([...before.slice(0, POSITION), ...after.slice(POSITION)]);
    return dedupe ? [...new Set(all)] : all;
  }

  const shifts = [1, 2, PAGE - 1, PAGE, PAGE + 1, WINDOW_PAGES * PAGE];
  const inserts = shifts.flatMap((count) => Array.from({ length: TOTAL + 1 }, (_, at) => [count, at] as const));

  test.each(inserts)('%i inserted at %i: every item once, the repeats counted', async (count, at) => {
    const before = items(TOTAL);
    const { list, fetchPage } = moving((l) => l.splice(at, 0, ...items(count, 'new')));
    const pager = paginate(fetchPage, idOf, { pageSize: PAGE });
    const walked = await pager.toArray({ limit: Infinity });
    const want = expected(before, list, true);
    expect(ids(walked)).toEqual(want);
    // Inserted before the walk's position: as many items as were inserted there come again.
    const repeats = Math.min(count, Math.max(0, POSITION - at));
    expect(pager.duplicatesSkipped).toBe(repeats);
    expect(new Set(ids(walked)).size).toBe(walked.length);
  });

  const deletes = shifts.flatMap((count) => Array.from({ length: TOTAL - count + 1 }, (_, at) => [count, at] as const));

  test.each(deletes)('%i deleted at %i: nothing twice; items shifted before the position are missed (cannot be caught)', async (count, at) => {
    const before = items(TOTAL);
    const { list, fetchPage } = moving((l) => l.splice(at, count));
    const pager = paginate(fetchPage, idOf, { pageSize: PAGE });
    const walked = await pager.toArray({ limit: Infinity });
    expect(ids(walked)).toEqual(expected(before, list, false));
    expect(pager.duplicatesSkipped).toBe(0);
    // As many items as were deleted before the walk's position move into offsets already walked.
    const yielded = new Set(ids(walked));
    expect(list.filter((item) => !yielded.has(item.id))).toHaveLength(Math.min(count, Math.max(0, POSITION - at)));
  });

  test('a shift of more than the window between two requests repeats the shifted items: the documented limit', async () => {
    const shift = WINDOW_PAGES * PAGE + 3;
    const before = items(TOTAL);
    const { list, fetchPage } = moving((l) => l.unshift(...items(shift, 'new')));
    const pager = paginate(fetchPage, idOf, { pageSize: PAGE });
    const walked = await pager.toArray({ limit: Infinity });
    expect(ids(walked)).toEqual(expected(before, list, false));
    expect(walked).toHaveLength(TOTAL + shift);
  });

  test('shifts between every pair of requests, each within the window: every item once', async () => {
    const list = items(60);
    let requests = 0;
    const fetchPage = ({ offset, limit }: PageRequest) => {
      const answer = list.slice(offset, offset + limit);
      // 1, 2, 3 inserted at the front, until the walk nears the end: inserts at the rate the walk
      // advances, kept up at the end of the list, would be a treadmill no walk can finish.
      if (requests < 12) list.unshift(...items((requests % 3) + 1, `r${requests}-`));
      requests++;
      return page(answer);
    };
    const pager = paginate(fetchPage, idOf, { pageSize: 4 });
    const walked = await pager.toArray({ limit: Infinity });
    expect(ids(walked)).toEqual(ids(items(60)));
    expect(pager.duplicatesSkipped).toBe(24); // every inserted item pushed one yielded item back into the walk
  });

  test('a shift of one page, or of the whole window, is drift, not a server ignoring offset', async () => {
    for (const shift of [PAGE, WINDOW_PAGES * PAGE]) {
      const { fetchPage } = moving((l) => l.unshift(...items(shift, 'new')));
      const pages = [];
      for await (const one of paginate(fetchPage, idOf, { pageSize: PAGE }).byPage()) pages.push(one);
      expect(pages.flatMap((p) => ids(p.items))).toEqual(ids(items(TOTAL)));
      expect(pages.filter((p) => p.items.length === 0 && p.duplicatesSkipped === PAGE)).toHaveLength(shift / PAGE);
    }
  });

  test('the window is sized by the longest page the server sends, when longer than the page size', async () => {
    // The server sends 10 items whatever the limit (2): a shift of 15 is within two of its pages.
    const list = items(60);
    let requests = 0;
    const fetchPage = ({ offset }: PageRequest) => {
      if (requests++ === 3) list.unshift(...items(15, 'new'));
      return page(list.slice(offset, offset + 10));
    };
    const walked = await paginate(fetchPage, idOf, { pageSize: 2 }).toArray({ limit: Infinity });
    expect(ids(walked)).toEqual(ids(items(60)));
  });
});

describe('a server that ignores offset: every walk ends', () => {
  const PAGE = 4;
  /** A server answering the i-th request with `answer(i)` (fresh copies), whatever the offset. */
  const ignoring = (answer: (request: number) => Item[]) => {
    let request = 0;
    let count = 0;
    const fetchPage = () => {
      count++;
      return page(answer(request++));
    };
    return { fetchPage, requests: () => count };
  };
  const first = items(PAGE);
  const second = items(PAGE, 'other');
  const shuffle = (list: Item[], request: number) => list.map((_, i) => list[(i + request) % list.length]);
  const variants: Array<[string, (request: number) => Item[], number]> = [
    ['the same page', () => first, 1],
    ['the page shuffled per answer', (r) => shuffle(first, r), 1],
    ['two pages in turn', (r) => (r % 2 ? second : first), 2],
    ['two pages in turn, each shuffled', (r) => shuffle(r % 2 ? second : first, r), 2],
    ['a field that changes per answer', (r) => first.map((item) => ({ ...item, n: r })), 1],
    ['a part of the page, in another order per answer', (r) => shuffle(first, r).slice(0, 2 + (r % 3)), 1],
  ];

  test.each(variants)('with ids, %s: DliPaginationError after %i new page(s) and STALL_PAGES more', async (_, answer, freshPages) => {
    for (const concurrency of [1, 4]) {
      const server = ignoring(answer);
      const error = await errorOf(paginate(server.fetchPage, idOf, { pageSize: PAGE, concurrency }).toArray({ limit: Infinity }));
      expect(error).toBeInstanceOf(DliPaginationError);
      expect((error as Error).message).toMatch(/ends 3 pages in a row of only items already seen: the server is not applying offset$/);
      expect(server.requests()).toBeLessThanOrEqual(freshPages + STALL_PAGES + concurrency);
    }
  });

  const anonymous: Array<[string, (request: number) => Item[]]> = [
    ['no ids', () => [{ n: 1 }, { n: 2 }]],
    ['null ids', () => [{ id: null, n: 1 }, { id: null, n: 2 }]],
    ['no ids, shuffled per answer', (r) => shuffle([{ n: 1 }, { n: 2 }, { n: 3 }], r)],
    ['null ids, two pages in turn', (r) => (r % 2 ? [{ id: null, n: 1 }] : [{ id: null, n: 2 }])],
    ['no ids, a field that changes per answer', (r) => [{ n: r }, { n: -r }]],
    ['some ids and one item without', () => [{ id: 'a' }, { n: 1 }]],
  ];

  test.each(anonymous)('%s, unbounded: DliPaginationError at the first such page, before yielding it', async (_, answer) => {
    const server = ignoring(answer);
    const seen: Item[] = [];
    const error = await errorOf(
      (async () => {
        for await (const item of paginate(server.fetchPage, idOf, { pageSize: PAGE })) seen.push(item);
      })(),
    );
    expect(error).toBeInstanceOf(DliPaginationError);
    expect(error).toMatchObject({ offset: 0, message: 'the page at offset 0 holds an item without an id: a walk over such items needs maxPages or maxItems' });
    expect(seen).toEqual([]);
    expect(server.requests()).toBe(1);
  });

  test.each(anonymous)('%s, bounded by maxPages or maxItems: the walk ends at its bound', async (_, answer) => {
    for (const [bound, requests] of [[{ maxPages: 7 }, 7], [{ maxItems: 13 }, 13]] as Array<[PagerOptions, number]>) {
      const server = ignoring(answer);
      const walked = await paginate(server.fetchPage, idOf, { pageSize: PAGE, ...bound }).toArray({ limit: Infinity });
      if (bound.maxItems !== undefined) expect(walked).toHaveLength(13);
      expect(server.requests()).toBeLessThanOrEqual(requests);
    }
  });
});

describe('each iteration is a walk of its own', () => {
  /** A list that gains one item at the front after each of its first 8 answers: the pages after them repeat items. */
  function drifting() {
    const list = items(20);
    return ({ offset, limit }: PageRequest) => {
      const answer = list.slice(offset, offset + limit);
      if (list.length < 28) list.unshift({ id: `new${list.length}` });
      return page(answer);
    };
  }

  test('two walks at once: each counts its own duplicates; the pager reports the walk started last', async () => {
    const pager = paginate(drifting(), idOf, { pageSize: 5 });
    const one = pager.byPage();
    const two = pager[Symbol.asyncIterator]();
    const fromOne: Item[] = [];
    const fromTwo: Item[] = [];
    // Interleaved: two items of the second walk for each page of the first.
    for (let step = 0; step < 40; step++) {
      const a = await one.next();
      if (!a.done) fromOne.push(...a.value.items);
      for (let i = 0; i < 2; i++) {
        const b = await two.next();
        if (!b.done) fromTwo.push(b.value);
      }
    }
    expect(new Set(ids(fromOne)).size).toBe(fromOne.length);
    expect(new Set(ids(fromTwo)).size).toBe(fromTwo.length);
    expect(one.duplicatesSkipped).toBeGreaterThan(0);
    expect(two.duplicatesSkipped).toBeGreaterThan(0);
    expect(pager.duplicatesSkipped).toBe(two.duplicatesSkipped);
    const [counted1, counted2] = [one.duplicatesSkipped, two.duplicatesSkipped];
    // A third walk starts from zero and leaves the other two's counts as they were.
    const three = pager.byPage();
    expect(pager.duplicatesSkipped).toBe(0);
    await three.next();
    expect([one.duplicatesSkipped, two.duplicatesSkipped]).toEqual([counted1, counted2]);
    await Promise.all([one.return?.(undefined), two.return?.(undefined), three.return?.(undefined)]);
  });

  test("a walk's count is the sum of its pages'", async () => {
    const pager = paginate(drifting(), idOf, { pageSize: 4 });
    const iterator = pager.byPage();
    let sum = 0;
    for await (const one of iterator) sum += one.duplicatesSkipped;
    expect(sum).toBeGreaterThan(0);
    expect(iterator.duplicatesSkipped).toBe(sum);
    expect(pager.duplicatesSkipped).toBe(sum);
  });
});

describe('the drift window', () => {
  test('holds WINDOW_PAGES pages of ids and forgets older ones', () => {
    const window = driftWindow(3);
    for (let i = 0; i < 10; i++) expect(window.add(`id${i}`)).toBe(false);
    // The last 6 ids are held; older ones are new to the window again.
    for (let i = 4; i < 10; i++) expect(window.add(`id${i}`)).toBe(true);
    expect(window.add('id3')).toBe(false);
    window.fit(10);
    for (let i = 10; i < 30; i++) window.add(`id${i}`);
    expect(window.add('id10')).toBe(true);
    expect(window.add('id9')).toBe(false);
  });

  test('keeps no more than its byte limit of id text: the oldest ids go first', () => {
    const window = driftWindow(1_000, 100);
    const id = (n: number) => `${n}`.padStart(10, '0'); // 20 bytes each
    for (let n = 0; n < 8; n++) window.add(id(n));
    expect([5, 6, 7].map((n) => window.add(id(n)))).toEqual([true, true, true]);
    expect(window.add(id(2))).toBe(false);
  });

  test('an id larger than the whole limit is not remembered and evicts nothing', () => {
    const window = driftWindow(10, 100);
    window.add('a');
    expect(window.add('x'.repeat(51))).toBe(false);
    expect(window.add('x'.repeat(51))).toBe(false);
    expect(window.add('a')).toBe(true);
    expect(window.add(7)).toBe(false);
    expect(window.add(7)).toBe(true);
  });

  test('a walk of one-item pages whose ids are 1 MiB each ends normally, each item once', async () => {
    const big = (n: number) => `${n}:`.padEnd(2 ** 20, 'x');
    const fetchPage = ({ offset }: PageRequest) => Promise.resolve({ items: offset < 300 ? [{ id: big(offset) }] : [], response: null });
    let count = 0;
    for await (const item of paginate(fetchPage, idOf, { pageSize: 1 })) if (item.id.length === 2 ** 20) count++;
    expect(count).toBe(300);
    expect(2 * WINDOW_PAGES * 2 ** 20).toBeLessThanOrEqual(MAX_WINDOW_BYTES);
  });
});
