// The pager's public face: the options and types of a walk over connections, checked once, and
// the composition of its two layers, the offset walk (walk.ts) and the look-ahead beneath it
// (look-ahead.ts). It knows nothing of HTTP: a surface hands it a "list one page" function.
import type { EnhancedConnection } from '@dli-sdk/types';
import { DliValidationError } from '../errors';
import { validateQuery, validateQueryParameter } from '../parameters';
import type { ListQuery } from '../parameters';
import { type RequestOptions, validateRequestOptions } from '../request-options';
import type { ListEnhancedConnectionsResult } from '../results';
import { describe, isPlainObject } from '../validate';
import { pageItems } from './items';
import { lookAhead, type PageFetcher } from './look-ahead';
import { type Page, walk, type WalkCounters } from './walk';

/** Filters of a walk: the list query without `limit` and `offset`, which the pager owns. */
export type ConnectionFilters = Omit<ListQuery, 'limit' | 'offset'>;

/** Options of a walk over connections. */
export interface PaginateOptions {
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
  /** Extra headers for every page request. */
  headers?: Record<string, string>;
}

/** One page of a walk over connections. */
export interface ConnectionsPage {
  /** The page's connections, less any this walk has just yielded (offset drift; cut at `maxItems`). */
  items: EnhancedConnection[];
  /** Offset this page was requested at. */
  offset: number;
  /** Offset to resume at: `startOffset` for a new pager that continues right after this page. */
  nextOffset: number;
  /** Items of this page skipped because this walk had just yielded their id (offset drift). */
  duplicatesSkipped: number;
  /** The page's full answer, with its `$metadata`. */
  response: ListEnhancedConnectionsResult;
}

/** A walk over a project's connections: an async iterable of connections, by page on request. */
export interface ConnectionsPager extends AsyncIterable<EnhancedConnection> {
  /** A new walk, connection by connection. */
  [Symbol.asyncIterator](): PagerIterator<EnhancedConnection>;
  /** A new walk, page by page instead of connection by connection. */
  byPage(): PagerIterator<ConnectionsPage>;
  /** Collect at most `limit` connections into an array (`Infinity` collects everything: an explicit choice). */
  toArray(options: { limit: number }): Promise<EnhancedConnection[]>;
  /**
   * Items skipped so far by the walk started last, because it had just yielded their id (offset
   * drift). Each walk counts its own: walks at the same time never reset or add to each other's
   * count (each iterator's `duplicatesSkipped` is its own walk's).
   */
  readonly duplicatesSkipped: number;
}

/** A surface's way to request one page of connections. */
export type ListPage = (query: Record<string, unknown>, options: RequestOptions) => Promise<ListEnhancedConnectionsResult>;

/** Most page requests a walk keeps in flight: past it a walk is bound by parsing, not latency (docs/performance.md). */
export const MAX_CONCURRENCY = 32;

const OPTION_KEYS = ['pageSize', 'startOffset', 'maxItems', 'maxPages', 'signal', 'concurrency', 'headers'];

function integerOption(field: string, value: unknown, fallback: number, min: number, max = Infinity): number {
  if (value === undefined) return fallback;
  // Number.isInteger is false for anything that is not a number.
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    const range = max === Infinity ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new DliValidationError(field, `must be an integer ${range}, got ${describe(value)}`);
  }
  return value as number;
}

/** The options of a walk that are not HTTP's (everything but `headers`). */
export type PagerOptions = Omit<PaginateOptions, 'headers'>;

/** An iteration of a pager: a walk of its own, with its own count of skipped duplicates. */
export interface PagerIterator<T> extends AsyncIterableIterator<T> {
  /** Items this walk has skipped so far because it had just yielded their id (offset drift). */
  readonly duplicatesSkipped: number;
}

/** The pager of any items: each iteration is a fresh walk; nothing is requested before one starts. */
export interface Pager<TItem, TResponse> extends AsyncIterable<TItem> {
  [Symbol.asyncIterator](): PagerIterator<TItem>;
  byPage(): PagerIterator<Page<TItem, TResponse>>;
  toArray(options: { limit: number }): Promise<TItem[]>;
  readonly duplicatesSkipped: number;
}

function counted<T>(iterator: AsyncIterableIterator<T>, counters: WalkCounters): PagerIterator<T> {
  return Object.defineProperty(iterator, 'duplicatesSkipped', { get: () => counters.duplicatesSkipped }) as PagerIterator<T>;
}

/** Builds a pager over `fetchPage`, checking its options at once. */
export function paginate<TItem, TResponse>(
  fetchPage: PageFetcher<TItem, TResponse>,
  idOf: (item: TItem) => unknown,
  options: PagerOptions = {},
): Pager<TItem, TResponse> {
  // The options object and its signal are checked by the surface (paginateConnections); the
  // numbers here, once for every pager.
  const { signal } = options;
  const limits = {
    startOffset: integerOption('startOffset', options.startOffset, 0, 0),
    maxItems: integerOption('maxItems', options.maxItems, Infinity, 0),
    maxPages: integerOption('maxPages', options.maxPages, Infinity, 0),
    pageSize: integerOption('pageSize', options.pageSize, 100, 1),
  };
  const concurrency = integerOption('concurrency', options.concurrency, 1, 1, MAX_CONCURRENCY);
  // The counters of the iteration started last: each walk counts into its own.
  let latest: WalkCounters = { duplicatesSkipped: 0 };

  async function* pages(counters: WalkCounters): AsyncGenerator<Page<TItem, TResponse>> {
    const ahead = lookAhead(fetchPage, { concurrency, signal, ...limits });
    try {
      yield* walk(ahead.source, idOf, limits, counters);
    } finally {
      await ahead.close();
    }
  }
  const iterate = <T>(over: (walk: AsyncGenerator<Page<TItem, TResponse>>) => AsyncIterableIterator<T>): PagerIterator<T> => {
    const counters = (latest = { duplicatesSkipped: 0 });
    return counted(over(pages(counters)), counters);
  };
  const items = () => iterate(pageItems<TItem>);

  return {
    [Symbol.asyncIterator]: items,
    byPage: () => iterate((walk) => walk),
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
      return latest.duplicatesSkipped;
    },
  };
}

/** The connections pager of both surfaces: checks a walk's filters and options, then walks `listPage`. */
export function paginateConnections(listPage: ListPage, filters: unknown = {}, options: unknown = {}): ConnectionsPager {
  const query = validateQuery('listEnhancedConnections', filters, 'filters');
  for (const owned of ['limit', 'offset']) {
    if (owned in query) throw new DliValidationError(`filters.${owned}`, 'is set by the pager: use the pageSize and startOffset options');
  }
  if (!isPlainObject(options)) throw new DliValidationError('options', `must be an object, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) throw new DliValidationError(`options.${key}`, `is not an option (expected one of ${OPTION_KEYS.join(', ')})`);
  }
  const { headers: given, signal, ...paging } = options;
  // One check of the signal and headers for a walk and for a single call.
  const { headers } = validateRequestOptions({ signal, headers: given });
  const pager = paginate(
    async ({ offset, limit, signal }) => {
      const response = await listPage({ ...query, offset, limit }, { signal, headers });
      return { items: response.connections, response };
    },
    (connection) => connection.id,
    { ...paging, signal } as PagerOptions,
  );
  // pageSize and startOffset are sent as limit and offset, so the spec's bounds of those hold too.
  validateQueryParameter('listEnhancedConnections', 'limit', paging.pageSize, 'pageSize');
  validateQueryParameter('listEnhancedConnections', 'offset', paging.startOffset, 'startOffset');
  return pager;
}
