// The pagination helper: walks an offset/limit listing through a "fetch the page at this offset"
// function. It knows nothing of HTTP, which is why both client surfaces can share it.
import { followSignal } from './abort';
import { DliAbortError, DliPaginationError, DliValidationError } from './errors';
import { pageItems } from './page-items';
import { describe } from './validate';

/** What a page fetcher is asked for. */
export interface PageRequest {
  offset: number;
  limit: number;
  signal: AbortSignal;
}

/** What a page fetcher answers. */
export interface FetchedPage<TItem, TResponse> {
  items: readonly TItem[];
  response: TResponse;
}

/** One page of a walk. */
export interface Page<TItem, TResponse> {
  /** The page's items, less any already yielded earlier in this walk (and cut at `maxItems`). */
  items: TItem[];
  /** Offset this page was requested at. */
  offset: number;
  /** Offset to resume at: `startOffset` for a new pager that continues right after this page. */
  nextOffset: number;
  /** The page's full answer. */
  response: TResponse;
}

/** Options of a walk. */
export interface PaginateOptions {
  /** Items asked per request (`limit`), ≥ 1. Default 100. Never 0, which would mean "everything". */
  pageSize?: number;
  /** Offset to start at, e.g. a page's `nextOffset` to resume. Default 0. */
  startOffset?: number;
  /** Stop after yielding this many items. */
  maxItems?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Cancels the walk: the pending request is aborted and the iteration throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * Page requests kept in flight ahead of the consumer (opt-in look-ahead), 1 to
   * {@link MAX_CONCURRENCY}. Default 1. The first page is always requested alone, so a bad
   * credential costs one failed authentication; pages are yielded strictly in order.
   */
  concurrency?: number;
}

/** An async iterable of items, with pages and bounded collection on request. */
export interface Pager<TItem, TResponse> extends AsyncIterable<TItem> {
  /** Iterate page by page instead of item by item. */
  byPage(): AsyncIterableIterator<Page<TItem, TResponse>>;
  /** Collect at most `limit` items into an array (`Infinity` collects everything: an explicit choice). */
  toArray(options: { limit: number }): Promise<TItem[]>;
  /** Items skipped because their id was already yielded in this walk (offset drift). */
  readonly duplicatesSkipped: number;
}

/**
 * Most page requests a walk keeps in flight. Measured (20 000 connections, 201 pages, stand-in at
 * 25 ms latency, 2 cores): concurrency 8 took 1 143 ms, 16 took 951 ms, 32 took 754 ms, against
 * 5 940 ms sequentially. At 32 the walk is bound by parsing, not by latency, so more requests
 * only add sockets and load on the gateway (which throttles with 429).
 */
export const MAX_CONCURRENCY = 32;

function integerOption(field: string, value: unknown, fallback: number, min: number, max = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new DliValidationError(field, `must be an integer ${range}, got ${describe(value)}`);
  }
  return value;
}

// An item's id, when it has a usable one: a missing or null id must never make two items one.
function usableId(id: unknown): string | number | undefined {
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

// Two pages with the same items in the same order: what a server that ignores offset sends. Compared
// item by item and lazily, since pages of a working server differ at their first item.
function samePage(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length || a.length === 0) return false;
  return a.every((item, i) => item === b[i] || JSON.stringify(item) === JSON.stringify(b[i]));
}

interface InFlight<TItem, TResponse> {
  offset: number;
  controller: AbortController;
  result: Promise<FetchedPage<TItem, TResponse>>;
}

/**
 * Builds a pager over `fetchPage`. Validates the options at once; nothing is requested until
 * iteration starts, and each iteration is a fresh walk.
 */
export function paginate<TItem, TResponse>(
  fetchPage: (request: PageRequest) => Promise<FetchedPage<TItem, TResponse>>,
  idOf: (item: TItem) => unknown,
  options: PaginateOptions = {},
): Pager<TItem, TResponse> {
  if (typeof options !== 'object' || options === null) throw new DliValidationError('options', `must be an object, got ${describe(options)}`);
  const pageSize = integerOption('pageSize', options.pageSize, 100, 1);
  const startOffset = integerOption('startOffset', options.startOffset, 0, 0);
  const maxItems = integerOption('maxItems', options.maxItems, Infinity, 0);
  const maxPages = integerOption('maxPages', options.maxPages, Infinity, 0);
  const concurrency = integerOption('concurrency', options.concurrency, 1, 1, MAX_CONCURRENCY);
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new DliValidationError('signal', `must be an AbortSignal, got ${describe(signal)}`);
  const throwIfAborted = () => {
    if (signal?.aborted) throw new DliAbortError(signal.reason);
  };
  let duplicatesSkipped = 0;

  async function* walk(): AsyncGenerator<Page<TItem, TResponse>> {
    const seen = new Set<unknown>();
    const inFlight: InFlight<TItem, TResponse>[] = [];
    let plannedOffset = startOffset;
    // How far apart look-ahead offsets are: the page size, until the server shows it sends fewer.
    let step = pageSize;
    let window = 1; // widened to `concurrency` after a successful page of the expected length
    let previous: readonly TItem[] = [];
    let pages = 0;
    let yielded = 0;

    const request = (offset: number): void => {
      const { controller, release } = followSignal(signal);
      const result = fetchPage({ offset, limit: pageSize, signal: controller.signal });
      result.then(release, release); // also observes a rejection: cancelled look-aheads must not go unhandled
      inFlight.push({ offset, controller, result });
    };
    // Cancels the look-ahead and waits until it has settled, so that at no time more than
    // `concurrency` requests are open.
    const replanFrom = async (offset: number): Promise<void> => {
      const stale = inFlight.splice(0);
      for (const pending of stale) pending.controller.abort();
      await Promise.allSettled(stale.map((pending) => pending.result));
      plannedOffset = offset;
    };
    try {
      while (pages < maxPages && yielded < maxItems) {
        throwIfAborted();
        // Look ahead only as far as the window, maxPages and maxItems can use.
        while (
          inFlight.length === 0 ||
          (inFlight.length < Math.min(window, maxPages - pages) && plannedOffset - startOffset < maxItems)
        ) {
          request(plannedOffset);
          plannedOffset += step;
        }
        const head = inFlight.shift()!;
        let fetched: FetchedPage<TItem, TResponse>;
        try {
          fetched = await head.result;
        } catch (error) {
          throwIfAborted();
          throw error;
        }
        throwIfAborted();
        const { items, response } = fetched;
        pages++;

        if (head.offset !== startOffset && samePage(items, previous)) {
          throw new DliPaginationError(
            `the page at offset ${head.offset} repeats the previous page: the server is not applying offset`,
            head.offset,
          );
        }
        const fresh: TItem[] = [];
        let consumed = 0;
        for (const item of items) {
          if (yielded + fresh.length >= maxItems) break;
          consumed++;
          const id = usableId(idOf(item));
          if (id !== undefined && seen.has(id)) {
            duplicatesSkipped++;
            continue;
          }
          if (id !== undefined) seen.add(id);
          fresh.push(item);
        }
        if (items.length > 0 && consumed === items.length && fresh.length === 0 && head.offset !== startOffset) {
          throw new DliPaginationError(
            `the page at offset ${head.offset} repeats only items already seen: the server is not applying offset`,
            head.offset,
          );
        }
        previous = items;
        yielded += fresh.length;
        yield { items: fresh, offset: head.offset, nextOffset: head.offset + consumed, response };

        // Only an empty page ends a walk: DLI documents no maximum page size, so a short page may
        // be the server's own cap (Huawei's Terraform provider walks the same way).
        if (items.length === 0) return;
        if (items.length === step) {
          window = concurrency;
        } else {
          // The look-ahead offsets assumed another page length: plan again from what arrived,
          // one request at a time until a page confirms the new length. A short page is most
          // often the last one, so this costs one request, not `concurrency`.
          step = items.length;
          window = 1;
          await replanFrom(head.offset + items.length);
        }
      }
    } finally {
      const cancelled = inFlight.splice(0);
      for (const pending of cancelled) pending.controller.abort();
      await Promise.allSettled(cancelled.map((pending) => pending.result));
    }
  }

  const items = () => pageItems(walk());

  return {
    [Symbol.asyncIterator]: () => items(),
    byPage: () => walk(),
    async toArray(collect) {
      const given: unknown = (collect as { limit?: unknown } | undefined)?.limit;
      if (given === undefined) throw new DliValidationError('limit', 'is required (toArray({ limit: Infinity }) collects everything)');
      const limit = given === Infinity ? Infinity : integerOption('limit', given, 0, 0);
      const collected: TItem[] = [];
      if (limit === 0) return collected;
      for await (const item of items()) {
        collected.push(item);
        if (collected.length >= limit) break;
      }
      return collected;
    },
    get duplicatesSkipped() {
      return duplicatesSkipped;
    },
  };
}
