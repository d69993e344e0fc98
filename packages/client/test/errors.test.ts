// The error classes on their own: the name and message each gives, and `instanceof` across the
// two module formats' copies of a class (which share a brand, not a prototype).
import { DliAbortError, DliApiError, DliError, DliNetworkError, DliPaginationError, DliRedirectError, DliTimeoutError, DliValidationError } from '@dli-sdk/client';

test.each([
  ['DliError', 'm', () => new DliError('m')],
  ['DliTimeoutError', 'request timed out after 30 ms', () => new DliTimeoutError(30, { cause: undefined })],
  ['DliPaginationError', 'the same page again', () => new DliPaginationError('the same page again', 20)],
  ['AbortError', 'aborted: user left', () => new DliAbortError(new Error('user left'))],
  ['AbortError', 'aborted: a string reason', () => new DliAbortError('a string reason')],
  [
    'DliRedirectError',
    'the server answered HTTP 302 redirecting to https://elsewhere.example/x; redirects are not followed, so that credentials stay with their origin',
    () => new DliRedirectError({ status: 302, location: 'https://elsewhere.example/x', requestId: undefined }),
  ],
  [
    'DliRedirectError',
    'the server answered HTTP 0 redirecting to (hidden location); redirects are not followed, so that credentials stay with their origin',
    () => new DliRedirectError({ status: 0, location: undefined, requestId: undefined }),
  ],
])('%s: %s', (name, message, make) => {
  const error = make();
  expect(error.name).toBe(name);
  expect(error.message).toBe(message);
});

describe('instanceof', () => {
  const brand = Symbol.for('@dli-sdk/client.error-class');
  /** An error as the other module format's copy of a class makes it: another prototype, the same brand. */
  const fromOtherCopy = (name: string) => {
    const otherPrototype = Object.create(Error.prototype, { [brand]: { value: name } }) as object;
    return Object.create(otherPrototype) as object;
  };

  test("an error of the other module format's copy is an instance of its class and of nothing narrower", () => {
    expect(fromOtherCopy('DliTimeoutError')).toBeInstanceOf(DliTimeoutError);
    expect(fromOtherCopy('DliApiError')).toBeInstanceOf(DliApiError);
    expect(fromOtherCopy('DliApiError')).not.toBeInstanceOf(DliValidationError);
    expect(fromOtherCopy('DliNetworkError')).not.toBeInstanceOf(DliTimeoutError);
  });

  test('values that are no errors of ours', () => {
    for (const value of [null, undefined, 5, 'DliError', new Error('x'), Object.create(null) as object]) {
      expect(value instanceof DliError).toBe(false);
    }
  });

  test('a subclass of ours without a brand of its own is still its parents', () => {
    class AppError extends DliNetworkError {}
    const error = new AppError('m', { cause: undefined });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(DliNetworkError);
    expect(new DliNetworkError('m', { cause: undefined })).not.toBeInstanceOf(AppError);
  });
});

test('isNotFound: DLI.0002 always, DLI.0001 only when its message says the object does not exist', () => {
  const api = (code: string, message: string) => new DliApiError({ status: 400, code, message, requestId: undefined, body: undefined });
  expect(api('DLI.0002', 'gone').isNotFound).toBe(true);
  expect(api('DLI.0001', 'The connection x does not exist.').isNotFound).toBe(true);
  expect(api('DLI.0001', 'Parameter limit is invalid.').isNotFound).toBe(false);
  expect(api('DLI.0003', 'The connection x does not exist.').isNotFound).toBe(false);
});
