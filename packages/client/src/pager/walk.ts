// The sequential core of the pager: the offset walk. It asks a page source for one page at a
// time, advances by what arrived, ends on an empty page, skips items already yielded in this
// walk and refuses a server that ignores `offset`. It knows nothing of HTTP or look-ahead.
import { DliPaginationError } from '../errors';

/** What a page source answers. */
export interface FetchedPage<TItem, TResponse> {
  items: readonly TItem[];
  response: TResponse;
}

/** Answers the page at `offset`; the walk asks for offsets strictly one after the other. */
export type PageSource<TItem, TResponse> = (offset: number) => Promise<FetchedPage<TItem, TResponse>>;

/** One page of a walk. */
export interface Page<TItem, TResponse> {
  /** The page's items, less any already yielded earlier in this walk (and cut at `maxItems`). */
  items: TItem[];
  /** Offset this page was requested at. */
  offset: number;
  /** Offset to resume at: `startOffset` for a new pager that continues right after this page. */
  nextOffset: number;
  /** Items of this page skipped because this walk had already yielded their id (offset drift). */
  duplicatesSkipped: number;
  /** The page's full answer. */
  response: TResponse;
}

/** Where a walk starts and when it stops (validated by the caller). */
export interface WalkLimits {
  startOffset: number;
  maxItems: number;
  maxPages: number;
}

// An item's id, when it has a usable one: a missing or null id must never make two items one.
function usableId(id: unknown): string | number | undefined {
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

// Two pages with the same items in the same order: what a server that ignores offset sends. Compared
// item by item and lazily, since pages of a working server differ at their first item; two items
// with different ids differ without serialising either.
function samePage<TItem>(a: readonly TItem[], b: readonly TItem[], idOf: (item: TItem) => unknown): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return false;
  return a.every((item, i) => {
    const id = usableId(idOf(item));
    return item === b[i] || ((id === undefined || id === usableId(idOf(b[i]))) && sameJson(item, b[i]));
  });
}

// An item JSON.stringify cannot write (nested past the stack, a BigInt, a cycle) is never "the
// same": the guard then lets the page through rather than fail the walk with a raw RangeError.
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

function offsetIgnored(offset: number, what: string): DliPaginationError {
  return new DliPaginationError(`the page at offset ${offset} ${what}: the server is not applying offset`, offset);
}

/** Walks `source` from `limits.startOffset` until an empty page, `maxItems` or `maxPages`. */
export async function* walk<TItem, TResponse>(
  source: PageSource<TItem, TResponse>,
  idOf: (item: TItem) => unknown,
  { startOffset, maxItems, maxPages }: WalkLimits,
): AsyncGenerator<Page<TItem, TResponse>> {
  const seen = new Set<string | number>();
  // Stryker disable next-line ArrayDeclaration: any first page differs from it, whatever it holds
  let previous: readonly TItem[] = [];
  let offset = startOffset;
  let yielded = 0;
  for (let pages = 0; pages < maxPages && yielded < maxItems; pages++) {
    const { items, response } = await source(offset);
    // The first page meets an empty `previous`, which is like no page.
    if (samePage(items, previous, idOf)) throw offsetIgnored(offset, 'repeats the previous page');
    const fresh: TItem[] = [];
    let consumed = 0;
    let duplicatesSkipped = 0;
    for (const item of items) {
      if (yielded + fresh.length >= maxItems) break;
      consumed++;
      const id = usableId(idOf(item));
      if (id !== undefined) {
        // One hash lookup instead of has() then add(): an id the set already held leaves its size.
        const known = seen.size;
        if (seen.add(id).size === known) {
          duplicatesSkipped++;
          continue;
        }
      }
      fresh.push(item);
    }
    // The first page cannot repeat only seen items: nothing was seen before it.
    if (items.length > 0 && duplicatesSkipped === items.length) {
      throw offsetIgnored(offset, 'repeats only items already seen');
    }
    previous = items;
    yielded += fresh.length;
    yield { items: fresh, offset, nextOffset: offset + consumed, duplicatesSkipped, response };
    // Only an empty page ends a walk: DLI documents no maximum page size, so a short page may
    // be the server's own cap (Huawei's Terraform provider walks the same way).
    if (items.length === 0) return;
    offset += items.length;
  }
}
