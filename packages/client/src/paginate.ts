// The pager: validates a walk's options and composes the offset walk (pager/walk.ts) with the
// look-ahead (pager/look-ahead.ts). It knows nothing of HTTP, which is why both client surfaces
// can share it.
import { DliValidationError } from './errors';
import { lookAhead, type PageFetcher } from './pager/look-ahead';
import { type Page, walk } from './pager/walk';
import { pageItems } from './pager/items';
import { describe } from './validate';

export type { Page };

/** Options of a walk. */
export interface PagerOptions {
  /** Items asked per request (`limit`), ≥ 1. Default 100. Never 0, which would mean "everything". */
  pageSize?: number;
  /** Offset to start at, e.g. a page's `nextOffset` to resume. Default 0. */
  startOffset?: number;
  /** Stop after yielding this many items. */
  maxItems?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Cancels the walk: the pending request is aborted and the iteration throws a DliAbortError. */
  signal?: AbortSignal;
  /**
   * Page requests kept in flight ahead of the consumer (opt-in look-ahead), 1 to 32. Default 1.
   * The first page is always requested alone, so a bad credential costs one failed
   * authentication; pages are yielded strictly in order.
   */
  concurrency?: number;
}

/** An async iterable of items, with pages and bounded collection on request. */
export interface Pager<TItem, TResponse> extends AsyncIterable<TItem> {
  /** Iterate page by page instead of item by item. */
  byPage(): AsyncIterableIterator<Page<TItem, TResponse>>;
  /** Collect at most `limit` items into an array (`Infinity` collects everything: an explicit choice). */
  toArray(options: { limit: number }): Promise<TItem[]>;
  /** Items the latest walk skipped because it had already yielded their id (offset drift). */
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
  // Number.isInteger is false for anything that is not a number.
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    const range = max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new DliValidationError(field, `must be an integer ${range}, got ${describe(value)}`);
  }
  return value as number;
}

/**
 * Builds a pager over `fetchPage`. Validates the options at once; nothing is requested until
 * iteration starts, and each iteration is a fresh walk.
 */
export function paginate<TItem, TResponse>(
  fetchPage: PageFetcher<TItem, TResponse>,
  idOf: (item: TItem) => unknown,
  options: PagerOptions = {},
): Pager<TItem, TResponse> {
  // Checked at run time for callers in plain JavaScript, whatever the type says.
  if (typeof options !== 'object' || (options as PagerOptions | null) === null) throw new DliValidationError('options', `must be an object, got ${describe(options)}`);
  const limits = {
    startOffset: integerOption('startOffset', options.startOffset, 0, 0),
    maxItems: integerOption('maxItems', options.maxItems, Infinity, 0),
    maxPages: integerOption('maxPages', options.maxPages, Infinity, 0),
  };
  const pageSize = integerOption('pageSize', options.pageSize, 100, 1);
  const concurrency = integerOption('concurrency', options.concurrency, 1, 1, MAX_CONCURRENCY);
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new DliValidationError('signal', `must be an AbortSignal, got ${describe(signal)}`);
  let duplicatesSkipped = 0;

  async function* pages(): AsyncGenerator<Page<TItem, TResponse>> {
    duplicatesSkipped = 0;
    const ahead = lookAhead(fetchPage, { pageSize, concurrency, signal, ...limits });
    try {
      for await (const page of walk(ahead.source, idOf, limits)) {
        duplicatesSkipped += page.duplicatesSkipped;
        yield page;
      }
    } finally {
      await ahead.close();
    }
  }

  const items = () => pageItems(pages());

  return {
    [Symbol.asyncIterator]: () => items(),
    byPage: () => pages(),
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
