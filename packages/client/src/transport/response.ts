// Turns an HTTP answer into either a parsed JSON body or one of our typed errors. The body is
// read and parsed once, here; a fresh Response over the same bytes then hands the parsed value
// to whichever surface asks for it, and its other readers (arrayBuffer, blob, body) still work.
import { DliApiError, DliResponseError } from '../errors';
import { isPlainObject } from '../validate';
import { parseRetryAfter } from './retry';

/** The server's text quoted into an error: redacted, then cut (see redact.ts). */
export type Excerpt = (text: string) => string;

/**
 * Deepest nesting of arrays and objects a body may have. DLI's bodies nest four or five levels;
 * JSON.parse reads any depth, but JSON.stringify, structuredClone and util.inspect recurse and
 * throw a RangeError some thousands of levels down, in our code or in the caller's.
 */
export const MAX_JSON_DEPTH = 100;

// Walked without recursion, so that measuring a hostile body cannot overflow the stack either.
function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

type Parsed = { value: unknown } | { fault: 'not JSON' | 'too deep' };

function parseJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { fault: 'not JSON' };
  }
  return deeperThan(value, MAX_JSON_DEPTH) ? { fault: 'too deep' } : { value };
}

function tryParseJson(text: string): unknown {
  const parsed = parseJson(text);
  return 'value' in parsed ? parsed.value : undefined;
}

/** `X-Request-Id` of an answer: the id to quote to Huawei support. */
export function requestIdOf(response: Response): string | undefined {
  return response.headers.get('x-request-id') ?? undefined;
}

/** Attempts the transport made for `response` (1 for an answer it did not make). */
export function attemptsOf(response: Response): number {
  return response instanceof ParsedResponse ? response.attempts : 1;
}

function firstString(body: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = body[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

// Huawei's SDKs read the code/message pair in this order of names.
const CODE_KEYS = ['error_code', 'errorCode', 'code'] as const;
const MESSAGE_KEYS = ['error_msg', 'errorMsg', 'message'] as const;

// The server's words, cut like any excerpt: a 20 MB error_msg must not become a 20 MB message
// or line on stderr (`body` keeps them whole, within maxResponseBytes).
function quotedString(body: Record<string, unknown>, keys: readonly string[], excerpt: Excerpt): string | undefined {
  const value = firstString(body, keys);
  return value === undefined ? undefined : excerpt(value);
}

// A body that is not JSON, or nests too deep, is kept as text.
function apiError(response: Response, text: string, requestId: string | undefined, excerpt: Excerpt): DliApiError {
  const parsed = tryParseJson(text);
  const body = isPlainObject(parsed) ? parsed : undefined;
  const quoted = (keys: readonly string[]) => body && quotedString(body, keys, excerpt);
  return new DliApiError({
    status: response.status,
    code: quoted(CODE_KEYS),
    message: quoted(MESSAGE_KEYS) ?? `HTTP ${response.status}${text ? `: ${excerpt(text)}` : ''}`,
    requestId: requestId ?? quoted(['request_id']),
    body: parsed ?? text,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/**
 * A successful answer whose body was read and parsed once: `json()` and `text()` return what was
 * read. The other readers, `body` and `bodyUsed` go to a copy over the same bytes, made only when
 * one of them is used: a body stream for every page cost more than the rest of the transport's work.
 */
class ParsedResponse extends Response {
  readonly #bytes: Uint8Array;
  readonly #parsed: unknown;
  readonly #text: string;
  readonly #source: Response;
  #copy: Response | undefined;
  /** Attempts the transport made for this answer, the first included. */
  readonly attempts: number;
  // The headers are the fetched answer's own, handed over rather than copied: in Node 20, undici
  // converting every header of `new Response(null, { headers })` cost more per page than the
  // rest of the transport's work.
  constructor(bytes: Uint8Array, source: Response, parsed: unknown, text: string, attempts: number) {
    super(null, { status: source.status, statusText: source.statusText });
    this.attempts = attempts;
    this.#bytes = bytes;
    this.#parsed = parsed;
    this.#text = text;
    this.#source = source;
  }
  override get headers(): Headers {
    return this.#source.headers;
  }
  #withBody(): Response {
    return (this.#copy ??= new Response(this.#bytes as Uint8Array<ArrayBuffer>, this));
  }
  static {
    const copyOf = (response: ParsedResponse) => response.#withBody() as unknown as Record<string, () => unknown>;
    for (const name of ['body', 'bodyUsed']) {
      Object.defineProperty(this.prototype, name, { get: function (this: ParsedResponse) { return copyOf(this)[name]; } });
    }
    for (const name of ['arrayBuffer', 'blob', 'bytes', 'formData'].filter((reader) => reader in Response.prototype)) {
      Object.defineProperty(this.prototype, name, { value: function (this: ParsedResponse) { return copyOf(this)[name](); } });
    }
  }
  override json(): Promise<unknown> {
    return Promise.resolve(this.#parsed);
  }
  override text(): Promise<string> {
    return Promise.resolve(this.#text);
  }
  override clone(): Response {
    return new ParsedResponse(this.#bytes, this, this.#parsed, this.#text, this.attempts);
  }
}

const decoder = new TextDecoder();

/**
 * Checks an answer whose body has been read: HTTP ≥ 400 and `is_success: false` become
 * DliApiError, a body that is not a JSON object (or nests deeper than MAX_JSON_DEPTH) becomes
 * DliResponseError. `excerpt` quotes the server's text into an error.
 */
export function interpretResponse(response: Response, bytes: Uint8Array, attempts: number, excerpt: Excerpt): Response {
  const text = decoder.decode(bytes);
  const requestId = requestIdOf(response);
  if (response.status >= 400) throw apiError(response, text, requestId, excerpt);
  const result = parseJson(text);
  const parsed = 'value' in result ? result.value : undefined;
  if (!isPlainObject(parsed)) {
    const what = 'fault' in result ? (result.fault === 'not JSON' ? 'is not JSON' : `nests deeper than ${MAX_JSON_DEPTH} levels`) : 'is not a JSON object';
    throw new DliResponseError(`response body ${what}`, { status: response.status, requestId, excerpt: excerpt(text) });
  }
  if (parsed.is_success === false) {
    const quoted = (keys: readonly string[]) => quotedString(parsed, keys, excerpt);
    throw new DliApiError({
      status: response.status,
      code: quoted(CODE_KEYS),
      message: quoted(MESSAGE_KEYS) ?? 'DLI answered is_success: false',
      requestId: requestId ?? quoted(['request_id']),
      body: parsed,
    });
  }
  return new ParsedResponse(bytes, response, parsed, text, attempts);
}
