// Look-ahead: a page source for the walk that keeps up to `concurrency` page requests in flight,
// at the offsets the walk will ask for if pages keep their length. It opens only after a page of
// the expected length has arrived (so a bad credential costs one failed request), never plans
// past `maxPages` or `maxItems`, and plans again whenever the walk asks for an offset it did not
// foresee. Pages reach the walk strictly in order.
import { whenAborted } from '../abort';
import { DliAbortError } from '../errors';
import type { FetchedPage, PageSource } from './walk';

/** What a page fetcher is asked for. */
export interface PageRequest {
  offset: number;
  limit: number;
  signal: AbortSignal;
}

/** Requests one page; must settle soon after `signal` aborts. */
export type PageFetcher<TItem, TResponse> = (request: PageRequest) => Promise<FetchedPage<TItem, TResponse>>;

export interface LookAheadOptions {
  pageSize: number;
  concurrency: number;
  startOffset: number;
  maxItems: number;
  maxPages: number;
  signal: AbortSignal | undefined;
}

interface InFlight<TItem, TResponse> {
  offset: number;
  controller: AbortController;
  result: Promise<FetchedPage<TItem, TResponse>>;
}

/** A page source over `fetchPage`, and `close` to cancel what is still in flight. */
export function lookAhead<TItem, TResponse>(
  fetchPage: PageFetcher<TItem, TResponse>,
  { pageSize, concurrency, startOffset, maxItems, maxPages, signal }: LookAheadOptions,
): { source: PageSource<TItem, TResponse>; close: () => Promise<void> } {
  const queue: InFlight<TItem, TResponse>[] = [];
  // One listener on the caller's signal for the whole walk, not one per request: up to 32
  // requests would otherwise each add one, and Node warns past 10 (MaxListenersExceededWarning).
  const unsettled = new Set<AbortController>();
  const abortAll = (): void => {
    // Stryker disable next-line OptionalChaining: only the signal calls this listener
    for (const controller of unsettled) controller.abort(signal?.reason);
  };
  const stopListening = signal && !signal.aborted ? whenAborted(signal, abortAll) : undefined; // by close()
  let step = pageSize; // the page length the planned offsets assume
  let open = false; // whether a page has confirmed `step`
  let taken = 0; // pages handed to the walk

  const throwIfAborted = (): void => {
    if (signal?.aborted) throw new DliAbortError(signal.reason);
  };
  const start = (offset: number): void => {
    const controller = new AbortController();
    if (signal?.aborted) controller.abort(signal.reason);
    unsettled.add(controller);
    const result = fetchPage({ offset, limit: pageSize, signal: controller.signal });
    // Stryker disable next-line ArrowFunction: aborting a controller whose request has settled does nothing; this only keeps the set small
    const release = () => unsettled.delete(controller);
    result.then(release, release); // also observes a rejection: a cancelled look-ahead must not go unhandled
    queue.push({ offset, controller, result });
  };
  // Aborts every planned request and waits until they have settled, so that at no time more
  // than `concurrency` requests are open.
  const cancel = async (): Promise<void> => {
    const stale = queue.splice(0);
    for (const pending of stale) pending.controller.abort();
    await Promise.allSettled(stale.map((pending) => pending.result));
  };

  async function source(offset: number): Promise<FetchedPage<TItem, TResponse>> {
    throwIfAborted();
    if (queue.length > 0 && queue[0].offset !== offset) await cancel(); // a page had another length: plan again
    if (queue.length === 0) start(offset);
    // The walk takes at most `maxPages - taken` more pages, and needs no offset past `maxItems`.
    const room = Math.min(open ? concurrency : 1, maxPages - taken);
    for (let next = queue[queue.length - 1].offset + step; queue.length < room && next - startOffset < maxItems; next += step) {
      start(next);
    }
    taken++;
    const head = queue.shift() as InFlight<TItem, TResponse>; // at least one page is started above
    let page: FetchedPage<TItem, TResponse>;
    try {
      page = await head.result;
    } catch (error) {
      throwIfAborted();
      throw error;
    }
    throwIfAborted();
    // A page of another length makes the planned offsets wrong: go on one request at a time
    // until a page confirms the new length (a short page is most often the last one).
    open = page.items.length === step;
    step = page.items.length;
    return page;
  }

  const close = async (): Promise<void> => {
    stopListening?.();
    await cancel();
  };
  return { source, close };
}
