// The items of a walk, one at a time. Written by hand rather than as an async generator with
// `yield*`: that costs several promise turns per item, this one a single resolved promise while
// the current page lasts. It knows nothing of HTTP or of how pages are fetched.

/**
 * Iterates the items of `pages` in order. Calls of `next()` that overlap are answered in the
 * order they were made; `return()` closes `pages`, so a `break` cancels what the walk has in flight.
 */
export function pageItems<TItem>(pages: AsyncIterator<{ readonly items: readonly TItem[] }>): AsyncIterableIterator<TItem> {
  let items: readonly TItem[] = [];
  let index = 0;
  let finished = false;
  let loading: Promise<void> | undefined;

  const next = (): Promise<IteratorResult<TItem>> => {
    if (index < items.length) return Promise.resolve({ done: false, value: items[index++] });
    if (finished) return Promise.resolve({ done: true, value: undefined });
    loading ??= pages.next().then(
      (page) => {
        loading = undefined;
        if (page.done) finished = true;
        else if (!finished) [items, index] = [page.value.items, 0]; // not after return()
      },
      (error: unknown) => {
        loading = undefined;
        finished = true;
        throw error;
      },
    );
    return loading.then(next);
  };

  return {
    next,
    async return(value?: unknown) {
      finished = true;
      items = [];
      await pages.return?.();
      return { done: true, value };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
