// The item iterator over a walk's pages: order, overlapping next() calls, empty pages, errors,
// and return() closing the pages (which is how a `break` cancels a walk's requests).
import { pageItems } from '../../src/pager/items';

async function* pagesOf(pages: number[][], log: string[] = []) {
  try {
    for (const items of pages) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield { items };
    }
  } finally {
    log.push('closed');
  }
}

test('yields every item in order, across empty pages', async () => {
  const seen: number[] = [];
  for await (const item of pageItems(pagesOf([[1, 2], [], [3], [], []]))) seen.push(item);
  expect(seen).toEqual([1, 2, 3]);
});

test('overlapping next() calls are answered in the order they were made', async () => {
  const iterator = pageItems(pagesOf([[1], [2, 3], [4]]));
  const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next(), iterator.next()]);
  expect(results).toEqual([
    { done: false, value: 1 },
    { done: false, value: 2 },
    { done: false, value: 3 },
    { done: false, value: 4 },
    { done: true, value: undefined },
  ]);
});

test('an error of the pages reaches the caller once, then the iterator is done', async () => {
  async function* failing() {
    yield { items: [1] };
    throw new Error('page 2 failed');
  }
  const iterator = pageItems(failing());
  expect(await iterator.next()).toEqual({ done: false, value: 1 });
  await expect(iterator.next()).rejects.toThrow('page 2 failed');
  expect(await iterator.next()).toEqual({ done: true, value: undefined });
});

test('break closes the pages and nothing more is yielded', async () => {
  const log: string[] = [];
  const iterator = pageItems(pagesOf([[1, 2], [3, 4]], log));
  for await (const item of iterator) if (item === 1) break;
  expect(log).toEqual(['closed']);
  expect(await iterator.next()).toEqual({ done: true, value: undefined });
});

/** A bare AsyncIterator over scripted answers, without `return` (which iterators need not have). */
function scriptedPages(answers: Array<number[] | Error>): AsyncIterator<{ items: number[] }> {
  let call = 0;
  return {
    next: () => {
      if (call >= answers.length) return Promise.resolve({ done: true, value: undefined });
      const answer = answers[call++];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve({ done: false, value: { items: answer } });
    },
  };
}

test('return() ends the items at once, says done with the value given, and needs no return() on the pages', async () => {
  const iterator = pageItems(scriptedPages([[1, 2, 3], [4]]));
  expect(await iterator.next()).toEqual({ done: false, value: 1 });
  expect(await iterator.return?.('bye')).toEqual({ done: true, value: 'bye' });
  expect(await iterator.next()).toEqual({ done: true, value: undefined });
  expect(await iterator.next()).toEqual({ done: true, value: undefined });
});

test('a page that arrives after return() is not yielded', async () => {
  const iterator = pageItems(scriptedPages([[1], [2]]));
  const pending = iterator.next(); // the first page is loading
  await iterator.return?.();
  expect(await pending).toEqual({ done: true, value: undefined });
  expect(await iterator.next()).toEqual({ done: true, value: undefined });
});

test('after a page fails, the items end: no further page is asked for', async () => {
  const iterator = pageItems(scriptedPages([new Error('page failed'), [7]]));
  await expect(iterator.next()).rejects.toThrow('page failed');
  expect(await iterator.next()).toEqual({ done: true, value: undefined });
});
