// The sequential core of the pager: the offset walk. It asks a page source for one page at a
// time, advances by what arrived, ends on an empty page, skips items its drift window has just
// yielded and refuses a server that ignores `offset`, in memory that does not grow with the walk.
// It knows nothing of HTTP or look-ahead.
import { DliPaginationError } from '../errors';
import { driftWindow, WINDOW_PAGES } from './drift-window';

/** What a page source answers. */
export interface FetchedPage<TItem, TResponse> {
  items: readonly TItem[];
  response: TResponse;
}

/** Answers the page at `offset`; the walk asks for offsets strictly one after the other. */
export type PageSource<TItem, TResponse> = (offset: number) => Promise<FetchedPage<TItem, TResponse>>;

/** One page of a walk. */
export interface Page<TItem, TResponse> {
  /** The page's items, less any the drift window has seen yielded (and cut at `maxItems`). */
  items: TItem[];
  /** Offset this page was requested at. */
  offset: number;
  /** Offset to resume at: `startOffset` for a new pager that continues right after this page. */
  nextOffset: number;
  /** Items of this page skipped because this walk had just yielded their id (offset drift). */
  duplicatesSkipped: number;
  /** The page's full answer. */
  response: TResponse;
}

/** Where a walk starts and when it stops (validated by the caller). */
export interface WalkLimits {
  startOffset: number;
  maxItems: number;
  maxPages: number;
  /** Items asked per request: sizes the drift window. */
  pageSize: number;
}

/** What a walk counts, per walk: two walks of one pager never share it. */
export interface WalkCounters {
  duplicatesSkipped: number;
}

/**
 * Pages in a row that hold only items the window already has, after which a walk fails: one more
 * than the longest run a shift the window catches can cause, so drift never ends a walk.
 */
export const STALL_PAGES = WINDOW_PAGES + 1;

const pageError = (offset: number, what: string) => new DliPaginationError(`the page at offset ${offset} ${what}`, offset);

/**
 * Walks `source` from `limits.startOffset` until an empty page, `maxItems` or `maxPages`. Skips
 * items whose id is in the drift window; fails when pages stop bringing new items (a server that
 * ignores offset) and, without `maxPages` or `maxItems`, at the first item without an id.
 */
export async function* walk<TItem, TResponse>(
  source: PageSource<TItem, TResponse>,
  idOf: (item: TItem) => unknown,
  { startOffset, maxItems, maxPages, pageSize }: WalkLimits,
  counters: WalkCounters = { duplicatesSkipped: 0 },
): AsyncGenerator<Page<TItem, TResponse>> {
  const window = driftWindow(pageSize);
  const bounded = maxPages < Infinity || maxItems < Infinity;
  let offset = startOffset;
  let yielded = 0;
  let stalled = 0;
  for (let pages = 0; pages < maxPages && yielded < maxItems; pages++) {
    const { items, response } = await source(offset);
    window.fit(items.length);
    const fresh: TItem[] = [];
    let consumed = 0;
    let duplicatesSkipped = 0;
    let anonymous = false;
    for (const item of items) {
      if (yielded + fresh.length >= maxItems) break;
      consumed++;
      // Only a string or number is an id: a missing or null id must never make two items one.
      const id = idOf(item);
      if (typeof id === 'string' || typeof id === 'number') {
        if (window.add(id)) {
          duplicatesSkipped++;
          continue;
        }
      } else anonymous = true;
      fresh.push(item);
    }
    // Without ids nothing tells a page again from a new one (a field may change per answer): only
    // the caller's bound ends such a walk for sure.
    if (anonymous && !bounded) throw pageError(offset, 'holds an item without an id: a walk over such items needs maxPages or maxItems');
    stalled = items.length > 0 && duplicatesSkipped === items.length ? stalled + 1 : 0;
    if (stalled === STALL_PAGES) throw pageError(offset, `ends ${STALL_PAGES} pages in a row of only items already seen: the server is not applying offset`);
    counters.duplicatesSkipped += duplicatesSkipped;
    yielded += fresh.length;
    yield { items: fresh, offset, nextOffset: offset + consumed, duplicatesSkipped, response };
    // Only an empty page ends a walk: DLI documents no maximum page size, so a short page may
    // be the server's own cap (Huawei's Terraform provider walks the same way).
    if (items.length === 0) return;
    offset += items.length;
  }
}
