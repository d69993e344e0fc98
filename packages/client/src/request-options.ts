// The options of one call (`signal`, `headers`), shared by both surfaces.
import { DliValidationError } from './errors';
import { describe, isPlainObject, validateHeaders } from './validate';

/** Options of one request. */
export interface RequestOptions {
  /** Cancels the request (and its retries). */
  signal?: AbortSignal;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

const REQUEST_OPTION_KEYS = ['signal', 'headers'];

/** Checks a call's options: a plain object with an AbortSignal and valid headers, nothing else. */
export function validateRequestOptions(options: unknown, field = 'options'): RequestOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw new DliValidationError(field, `must be an object, got ${describe(options)}`);
  for (const key of Object.keys(options)) {
    if (!REQUEST_OPTION_KEYS.includes(key)) throw new DliValidationError(`${field}.${key}`, 'is not an option (expected signal, headers)');
  }
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new DliValidationError(`${field}.signal`, `must be an AbortSignal, got ${describe(signal)}`);
  }
  return { signal, headers: validateHeaders(`${field}.headers`, options.headers) };
}
