// The pagination helper: walks an offset/limit listing through a "fetch the page at this offset"
// function. It knows nothing of HTTP, which is why both client surfaces can share it.
import { followSignal } from './abort';
import { DliPaginationError, DliValidationError } from './errors';

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
   * Page requests kept in flight ahead of the consumer (opt-in look-ahead). Default 1. Pages are
   * still yielded strictly in order; the walk stops at the first short or empty page.
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

function positiveInteger(field: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new DliValidationError(field, `must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
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
  const pageSize = positiveInteger('pageSize', options.pageSize, 100, 1);
  const startOffset = positiveInteger('startOffset', options.startOffset, 0, 0);
  const maxItems = positiveInteger('maxItems', options.maxItems, Infinity, 0);
  const maxPages = positiveInteger('maxPages', options.maxPages, Infinity, 0);
  const concurrency = positiveInteger('concurrency', options.concurrency, 1, 1);
  const { signal } = options;
  let duplicatesSkipped = 0;

  async function* walk(): AsyncGenerator<Page<TItem, TResponse>> {
    const seen = new Set<unknown>();
    const inFlight: InFlight<TItem, TResponse>[] = [];
    let plannedOffset = startOffset;
    let pages = 0;
    let yielded = 0;

    const request = (offset: number): void => {
      const { controller, release } = followSignal(signal);
      const result = fetchPage({ offset, limit: pageSize, signal: controller.signal });
      result.then(release, release); // also observes a rejection: cancelled look-aheads must not go unhandled
      inFlight.push({ offset, controller, result });
    };
    try {
      while (pages < maxPages && yielded < maxItems) {
        signal?.throwIfAborted();
        // Look ahead only as far as concurrency, maxPages and maxItems can use.
        while (
          inFlight.length === 0 ||
          (inFlight.length < Math.min(concurrency, maxPages - pages) && plannedOffset - startOffset < maxItems)
        ) {
          request(plannedOffset);
          plannedOffset += pageSize;
        }
        const head = inFlight.shift()!;
        const { items, response } = await head.result;
        signal?.throwIfAborted();
        pages++;

        const fresh: TItem[] = [];
        let consumed = 0;
        for (const item of items) {
          if (yielded + fresh.length >= maxItems) break;
          consumed++;
          const id = idOf(item);
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
        yielded += fresh.length;
        yield { items: fresh, offset: head.offset, nextOffset: head.offset + consumed, response };

        if (items.length < pageSize) return; // an empty or short page is the last one
        if (items.length > pageSize) {
          // The server sent more than asked: look-ahead offsets are wrong, plan again from here.
          for (const stale of inFlight.splice(0)) stale.controller.abort();
          plannedOffset = head.offset + items.length;
        }
      }
    } finally {
      const cancelled = inFlight.splice(0);
      for (const pending of cancelled) pending.controller.abort();
      await Promise.allSettled(cancelled.map((pending) => pending.result));
    }
  }

  async function* items(): AsyncGenerator<TItem> {
    for await (const page of walk()) yield* page.items;
  }

  return {
    [Symbol.asyncIterator]: () => items(),
    byPage: () => walk(),
    async toArray({ limit }) {
      if (limit !== Infinity) positiveInteger('limit', limit, 0, 0);
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
