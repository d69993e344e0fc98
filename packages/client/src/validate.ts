// Checks of what the caller gives beyond the API's parameters (secrets, headers, the endpoint),
// before a request is built, so a mistake surfaces as a DliValidationError naming the field and
// the rule. The API's parameters are checked by parameters.ts, from the spec.
import { DliValidationError } from './errors';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// RFC 9110 token: what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// eslint-disable-next-line no-control-regex
const NOT_LATIN1 = /[^\u0000-\u00ff]/;
// A lone surrogate cannot be encoded as UTF-8 (encodeURIComponent throws URIError on one).
// String.prototype.isWellFormed says the same but is missing from older browsers.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Printable Latin-1 only: passes every rule of a secret or header value in one test (the common
// case, checked per request when signing); anything else goes through the rules one by one.
const PRINTABLE_LATIN1 = /^[\u0020-\u007e\u0080-\u00ff]+$/;

/** No lone surrogate (one cannot be encoded as UTF-8). */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** CR, LF, NUL and the other C0 controls, or DEL. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** A short, safe rendering of any value for an error message (JSON.stringify throws on BigInt and Symbol). */
export function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n (bigint)`;
  if (typeof value === 'symbol' || typeof value === 'function') return typeof value;
  if (typeof value === 'string' && !isWellFormed(value)) return 'a string with a lone surrogate';
  try {
    // JSON.stringify answers undefined for undefined, functions and symbols, whatever its type says.
    const text = (JSON.stringify(value) as string | undefined) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  } catch {
    return typeof value;
  }
}

/** A plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A secret or a header value: a non-empty string of Latin-1 characters (`latin1`, for values
 * sent in headers) without control characters. The error never echoes the value.
 */
export function validateSecretString(field: string, value: unknown, latin1: boolean): string {
  if (typeof value !== 'string') throw new DliValidationError(field, `must be a string, got ${value === null ? 'null' : typeof value}`);
  if (PRINTABLE_LATIN1.test(value)) return value;
  if (value === '') throw new DliValidationError(field, 'must not be empty');
  if (CONTROL_CHARACTERS.test(value)) throw new DliValidationError(field, 'must not contain control characters (CR, LF, NUL, ...); value not shown');
  if (!isWellFormed(value)) throw new DliValidationError(field, 'must not contain lone surrogates; value not shown');
  if (latin1 && NOT_LATIN1.test(value)) throw new DliValidationError(field, 'must contain only Latin-1 characters (it is sent in an HTTP header); value not shown');
  return value;
}

/** Which header names a caller may not give, and why, in words. */
export interface HeaderPolicy {
  /** Lower-case names, each with the spelling an error names it by. */
  readonly owned: ReadonlyMap<string, string>;
  readonly rule: string;
  /** Names of a connection's and a message's framing, which HTTP itself sets (see FRAMING_RULE). */
  readonly framing?: ReadonlyMap<string, string>;
}

// fetch refuses these or would send them wrong, after the attempt has begun: a network error,
// retried, for what no retry can mend.
const FRAMING_RULE = 'must not be given: HTTP sets it for each connection and message (fetch would refuse it or send it wrong)';

const spellings = (names: readonly string[]) => new Map(names.map((name) => [name.toLowerCase(), name]));

/**
 * The headers the client sets itself, for signing or for the gateway. One given by a caller would
 * be sent beside or instead of the client's (`Bearer mine, SDK-HMAC-SHA256 …`, two dates), so
 * every request would fail authentication, and repeated failures can lock an AK/SK.
 * `Accept` and `User-Agent` are defaults a caller may replace; they take no part in signing.
 */
export const CLIENT_HEADERS: HeaderPolicy = {
  owned: spellings(['Authorization', 'X-Sdk-Date', 'X-Security-Token', 'X-Auth-Token', 'Host', 'X-Project-Id', 'Content-Type']),
  rule: 'must not be given: the client sets it when it signs or authenticates a request (two values would fail every request, and repeated failed authentications can lock the key)',
  framing: spellings(['Connection', 'Content-Length', 'Expect', 'Keep-Alive', 'TE', 'Trailer', 'Transfer-Encoding', 'Upgrade']),
};

/**
 * Extra headers, through one policy for every layer that takes them: an object (or a `Headers`)
 * of RFC 9110 token names and Latin-1 values without control characters (an empty value is
 * allowed), no name twice in any case, none that `policy` owns. Returns a copy with lower-case
 * names. Values are never echoed, as headers often carry secrets.
 */
export function validateHeaders(field: string, headers: unknown, policy: HeaderPolicy = CLIENT_HEADERS): Record<string, string> {
  if (headers === undefined) return {};
  const isHeaders = typeof Headers === 'function' && headers instanceof Headers;
  if (!isHeaders && !isPlainObject(headers)) throw new DliValidationError(field, 'must be an object of header names to string values');
  const copy: Record<string, string> = {};
  for (const [name, value] of isHeaders ? headers.entries() : Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (!HEADER_NAME.test(name)) throw new DliValidationError(`${field}[${describe(name)}]`, 'is not a valid header name (RFC 9110 token characters only)');
    const lower = name.toLowerCase();
    const owned = policy.owned.get(lower);
    if (owned !== undefined) throw new DliValidationError(`${field}.${owned}`, policy.rule);
    const framing = policy.framing?.get(lower);
    if (framing !== undefined) throw new DliValidationError(`${field}.${framing}`, FRAMING_RULE);
    if (Object.hasOwn(copy, lower)) throw new DliValidationError(field, 'must not name a header twice (names are compared in any case)');
    copy[lower] = value === '' ? value : validateSecretString(`${field}.${name}`, value, true);
  }
  return copy;
}

// Parsed hosts only: the URL parser turns every IPv4 form (127.1, 0x7f.1) into dotted decimal, so
// 127.0.0.0/8 is exactly four numbers starting with 127; `127.evil.example` is a domain name.
const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** True for `localhost`, `127.0.0.0/8` and `[::1]`, the hosts whose traffic never leaves the machine. */
export function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || LOOPBACK_IPV4.test(url.hostname);
}

/** Parses the endpoint; plain `http://` is refused with credentials unless loopback or explicitly allowed. */
export function validateEndpoint(endpoint: unknown, sendsCredentials: boolean, allowInsecureHttp: boolean): URL {
  if (typeof endpoint !== 'string') throw new DliValidationError('endpoint', `must be a string, got ${describe(endpoint)}`);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    // A URL that does not parse may still carry `user:password@`: then none of it is shown.
    const shown = endpoint.includes('@') ? '(not shown: it holds an @, so maybe a password)' : describe(endpoint);
    throw new DliValidationError('endpoint', `must be an absolute http(s) URL, got ${shown}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    // `user:password@host` without a scheme parses with the user name as its scheme.
    throw new DliValidationError('endpoint', `must use https (or http), got ${endpoint.includes('@') ? 'another scheme' : url.protocol}`);
  }
  if (url.search || url.hash) throw new DliValidationError('endpoint', 'must not have a query or fragment');
  if (url.username || url.password) throw new DliValidationError('endpoint', 'must not contain a user name or password');
  if (url.protocol === 'http:' && sendsCredentials && !isLoopback(url) && !allowInsecureHttp) {
    throw new DliValidationError(
      'endpoint',
      'must use https when credentials are sent (http is allowed for loopback hosts, or with allowInsecureHttp: true)',
    );
  }
  return url;
}
