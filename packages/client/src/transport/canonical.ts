// The canonical forms of SDK-HMAC-SHA256 (Huawei's API signing guide). The same encoding is
// used for the query we send, so the gateway and the signer can never disagree about it.

const RESERVED_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;
const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;
const UNRESERVED_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/** RFC 3986 percent-encoding: unreserved `A-Za-z0-9-_.~` kept, everything else `%XY` of its UTF-8 bytes. */
export function percentEncode(value: string): string {
  // Ids, numbers and enum values are the common case and need no work.
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(value).replace(
    RESERVED_BY_ENCODE_URI_COMPONENT,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Decodes one query component; `+` stays a plus sign (RFC 3986), as our own encoders never emit it for a space. */
function decodeComponent(value: string): string {
  // Stryker disable next-line StringLiteral: `includes('')` is true, so the fast path is skipped and decoding gives the same
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a stray `%` is data, not an escape
  }
}

/** Splits a URL's `search` into decoded key/value pairs, keeping repeated keys and empty values. */
export function parseQuery(search: string): Array<[string, string]> {
  const query = search.startsWith('?') ? search.slice(1) : search;
  // Stryker disable next-line StringLiteral: with another string, '' takes the general path below, which gives [] too
  if (query === '') return [];
  return query.split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    return eq === -1
      ? [decodeComponent(part), '']
      : [decodeComponent(part.slice(0, eq)), decodeComponent(part.slice(eq + 1))];
  });
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical query string: encoded pairs sorted by key, then by value; empty values keep their `=`. */
export function canonicalQueryString(pairs: ReadonlyArray<readonly [string, string]>): string {
  return [...pairs]
    .sort(([k1, v1], [k2, v2]) => compareStrings(k1, k2) || compareStrings(v1, v2))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&');
}

/** Canonical URI: each decoded path segment percent-encoded, always ending with `/` (for signing only). */
export function canonicalUri(pathname: string): string {
  // A path of unreserved characters only (ids, names) is its own canonical form.
  if (UNRESERVED_PATH.test(pathname)) return pathname.endsWith('/') ? pathname : `${pathname}/`;
  const encoded = pathname
    .split('/')
    .map((segment) => percentEncode(decodeComponent(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/**
 * Puts the query of `url` in canonical form, in place, and returns it without its `?`: the query
 * that is signed is the query that is sent.
 */
export function canonicalizeSearch(url: URL): string {
  const query = canonicalQueryString(parseQuery(url.search));
  // Re-serialising a URL is not free, and most queries are canonical already. (An empty query is
  // set too: `search` is '' both without a query and with a bare `?`.)
  if (url.search !== `?${query}`) url.search = query;
  return query;
}
